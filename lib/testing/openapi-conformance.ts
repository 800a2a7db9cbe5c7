// Test helper: checks an actual /api/v1 response against the OpenAPI document — the operation is found by method and
// path template, the status must be documented, and a JSON body must validate against that response's schema
// (JSON Schema 2020-12, as OpenAPI 3.1 uses). Used by the vitest API tests and the Playwright API spec.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>> };
type ResponseObject = { content?: Record<string, { schema?: unknown }> };

export interface Conformance {
  /** Throws with the validator's messages when the response does not conform. Returns the operation's path. */
  check(method: string, pathname: string, status: number, contentType: string | null, body: unknown): string;
  /** Operation keys ("GET /decisions") seen by check(), for a coverage assertion. */
  seen: Set<string>;
}

function templateOf(doc: Doc, pathname: string): string | null {
  const segs = pathname
    .replace(/^\/api\/v1/, "")
    .split("/")
    .filter(Boolean);
  let best: { t: string; literal: number } | null = null;
  for (const t of Object.keys(doc.paths)) {
    const parts = t.split("/").filter(Boolean);
    if (parts.length !== segs.length) continue;
    if (!parts.every((p, i) => (p.startsWith("{") ? true : p === segs[i]))) continue;
    const literal = parts.filter((p) => !p.startsWith("{")).length;
    if (!best || literal > best.literal) best = { t, literal };
  }
  return best?.t ?? null;
}

export function conformanceChecker(document: unknown): Conformance {
  const doc = document as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ ...(document as object), $id: "openapi.json" });
  const seen = new Set<string>();
  const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
  return {
    seen,
    check(method, pathname, status, contentType, body) {
      const t = templateOf(doc, pathname);
      if (!t) throw new Error(`${method} ${pathname}: no such path in the OpenAPI document`);
      const op = doc.paths[t]?.[method.toLowerCase()];
      if (!op) throw new Error(`${method} ${t}: method not documented`);
      const response = op.responses[String(status)];
      if (!response) throw new Error(`${method} ${t}: status ${status} not documented`);
      seen.add(`${method.toUpperCase()} ${t}`);
      const type = (contentType ?? "").split(";")[0]!.trim();
      if (!response.content) return t;
      const media = response.content[type];
      if (!media) throw new Error(`${method} ${t} ${status}: content type ${type} not documented`);
      if (!type.includes("json")) return t;
      const pointer = `openapi.json#/paths/${escape(t)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
      const validate = ajv.getSchema(pointer);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      if (!validate(body))
        throw new Error(
          `${method} ${t} ${status} does not conform: ${ajv.errorsText(validate.errors, { separator: "\n" })}`,
        );
      return t;
    },
  };
}
