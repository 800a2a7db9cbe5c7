// The OpenAPI 3.1 document of /api/v1, generated from the operation table (lib/api/operations) with zod-openapi:
// the schemas a request is parsed with and a response is checked against are the ones written here.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { Operation } from "./operation";
import { OPERATIONS } from "./operations";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "./problem";
import { API_SCOPES } from "@/lib/validation/api-token";

export const API_VERSION = "1.0.0";

const rateHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window for this token.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
  "RateLimit-Policy": { description: 'The policy, e.g. "300;w=60".', schema: { type: "string" } },
} as const;

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
});

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const success: Record<string, unknown> = {
    description: op.download ? "The file." : "OK",
    headers: {
      ...rateHeaders,
      ...(op.etag
        ? { ETag: { description: "The row version; send it back as If-Match.", schema: { type: "string" } } }
        : {}),
      ...(op.method === "POST"
        ? { "Idempotent-Replayed": { description: "true on a replayed answer.", schema: { type: "string" } } }
        : {}),
    },
  };
  if (op.download)
    success.content = Object.fromEntries(
      op.download.map((t) => [
        t,
        // The JSON export is the decision exchange format (see the import); the others are files.
        { schema: t === "application/json" ? { type: "object" } : { type: "string", format: "binary" } },
      ]),
    );
  else if (op.response) success.content = { "application/json": { schema: op.response } };

  const headerParams: z.ZodObject | undefined =
    op.ifMatch || op.method === "POST"
      ? z.object({
          ...(op.ifMatch
            ? { "If-Match": z.string().meta({ description: 'The ETag read, e.g. "3" (required).' }) }
            : {}),
          ...(op.method === "POST"
            ? {
                "Idempotency-Key": z.string().max(255).optional().meta({
                  description: "Retry-safe POST: the same key and body within 24 h replays the first answer.",
                }),
              }
            : {}),
        })
      : undefined;

  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: [{ bearer: [op.scope] }],
    "x-stackwise-scope": op.scope,
    "x-stackwise-permission": op.permission,
    requestParams: {
      ...(op.params ? { path: op.params as z.ZodObject } : {}),
      ...(op.query ? { query: op.query as z.ZodObject } : {}),
      ...(headerParams ? { header: headerParams } : {}),
    },
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses: {
      [String(op.status ?? 200)]: success,
      401: problem("Missing, unknown, revoked or expired token."),
      403: problem("The token lacks the scope, or the user's role does not allow this."),
      404: problem("Not found (or in another workspace: the two look the same)."),
      ...(op.body || op.query || op.params ? { 422: problem("Invalid input; `errors` lists the fields.") } : {}),
      ...(op.method !== "GET" ? { 409: problem("Conflict: changed by someone else, locked, or name taken.") } : {}),
      ...(op.ifMatch ? { 412: problem("If-Match names an old version."), 428: problem("If-Match is required.") } : {}),
      429: problem("Rate limit spent; see Retry-After."),
    },
  } as ZodOpenApiOperationObject;
}

export function buildOpenApiDocument(ops: Operation[] = OPERATIONS) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ops) {
    const item = (paths[op.path] ??= {}) as Record<string, ZodOpenApiOperationObject>;
    item[op.method.toLowerCase()] = operationObject(op);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stackwise API",
      version: API_VERSION,
      description:
        "Decisions as code: read and change decisions, post benchmark snapshots as facts, read the computed results. " +
        "Authenticate with a personal access token (Settings → API tokens): `Authorization: Bearer sw_pat_…`. " +
        `Scopes: ${API_SCOPES.join(", ")}. Errors are application/problem+json (RFC 9457).`,
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "sw_pat_<43 base64url characters>" },
      },
    },
    paths,
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
