// Errors of /api/v1 as RFC 9457 problem details (application/problem+json). One function maps every failure: a
// DomainError takes its status from the one error table (lib/errors/domain-error.ts) and its title from the English
// catalog; its field messages become `errors` [{ field, code }]. Anything else is a 500 without internals.
import { z } from "zod";
import { ERRORS, isDomainError, type ErrorCode } from "@/lib/errors/domain-error";
import enCommon from "@/lib/i18n/messages/en/common.json";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "URI reference naming the problem type (its code)." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().meta({ description: "The error code of Stackwise's error table, e.g. invalidInput, stale." }),
    errors: z
      .array(
        z.object({
          field: z.string().meta({ description: "The input field (a JSON pointer-ish dotted path for nested rows)." }),
          code: z.string().meta({ description: "The message key, e.g. valueNotNumber, nameRequired." }),
        }),
      )
      .optional(),
    retryAt: z.string().optional(),
    current: z.unknown().optional().meta({ description: "On a conflict: the row as it is now." }),
    details: z.unknown().optional().meta({ description: "Per-item problems (e.g. bulk rows)." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

const titles = enCommon.errors as Record<string, string>;

/** The problem body of a domain error (or a 500 for anything else, which is logged, never echoed). */
export function problemOf(e: unknown): Problem {
  if (!isDomainError(e)) {
    console.error("api: unexpected error", e);
    return { type: "/api/v1/problems/internal", title: "Internal error", status: 500, code: "internal" };
  }
  const code: ErrorCode = e.code;
  const out: Problem = {
    type: `/api/v1/problems/${code}`,
    title: (titles[code] ?? code).replace(/ \{time\}.*$/, "."),
    status: ERRORS[code].status,
    code,
  };
  if (e.subject && (code === "scopeMissing" || code === "notFound")) out.detail = e.subject;
  if (e.fieldErrors)
    out.errors = Object.entries(e.fieldErrors)
      .filter((kv): kv is [string, string] => typeof kv[1] === "string")
      .map(([field, c]) => ({ field, code: c }));
  if (e.retryAt) out.retryAt = e.retryAt.toISOString();
  if ("current" in e) out.current = e.current;
  if (e.details !== undefined) out.details = e.details;
  return out;
}

export function problemResponse(e: unknown, headers: HeadersInit = {}): Response {
  const body = problemOf(e);
  const h = new Headers(headers);
  h.set("Content-Type", PROBLEM_CONTENT_TYPE);
  h.set("Cache-Control", "no-store");
  if (body.retryAt) {
    const seconds = Math.max(1, Math.ceil((Date.parse(body.retryAt) - Date.now()) / 1000));
    h.set("Retry-After", String(seconds));
  }
  return new Response(JSON.stringify(body), { status: body.status, headers: h });
}
