import "server-only";
// The one wrapper every /api/v1 operation runs through: route match → bearer token → scope → rate limit → zod parse
// (params, query, body) → If-Match → Idempotency-Key → the operation (which calls the data layer with the token's
// Actor, so authorisation is exactly the UI's) → JSON with ETag, or problem+json. Every answer carries the
// RateLimit headers once the token is known.
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { ThrottleRule } from "@/lib/auth/policy";
import { apiRefusal, DomainError, rateLimited, type FieldErrorMap } from "@/lib/errors/domain-error";
import { resolveApiToken, type ApiPrincipal } from "@/lib/server/api-tokens";
import {
  apiRule,
  beginIdempotent,
  finishIdempotent,
  takeApiSlot,
  type RateLimitState,
} from "@/lib/server/api-requests";
import { inputProblem } from "@/lib/validation/input-guard";
import type { Operation } from "./operation";
import { problemResponse } from "./problem";
import { matchOperation } from "./router";

/** Request bodies above this are refused before parsing (a 2,000-row snapshot is about 300 kB). */
export const MAX_BODY_BYTES = 1_000_000;

export interface HandleOptions {
  /** Tests narrow the budget to see a 429 without hundreds of requests. */
  rule?: ThrottleRule;
}

const invalid = (errors: FieldErrorMap | Record<string, string>) =>
  new DomainError("invalidInput", { fieldErrors: errors });

/** zod issues → field messages keyed by the full dotted path ("rows.3.value"), so bulk rows say which row. */
export function zodFieldErrors(error: z.ZodError, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || prefix || "body";
    out[path] ??= issue.message;
  }
  return out;
}

function parseWith<T>(schema: z.ZodType<T> | undefined, raw: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(raw);
  if (!r.success) throw invalid(zodFieldErrors(r.error, prefix === "body" ? "" : prefix));
  return r.data;
}

function rateHeaders(state: RateLimitState | null): Record<string, string> {
  if (!state) return {};
  // draft-ietf-httpapi-ratelimit-headers: the separate fields many clients read, plus the policy.
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    "RateLimit-Policy": `${state.limit};w=${state.windowSeconds}`,
  };
}

async function authenticate(request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const principal = m ? await resolveApiToken(m[1]!) : null;
  if (!principal) throw apiRefusal("tokenInvalid");
  return principal;
}

/** "3", W/"3" or * → the version; anything else is a precondition that cannot hold. */
export function parseIfMatch(header: string | null): number | "*" | null {
  if (header === null) return null;
  const v = header.trim();
  if (v === "*") return "*";
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(v);
  if (!m) throw apiRefusal("preconditionFailed");
  return Number(m[1]);
}

export const etagOf = (version: number) => `"${version}"`;

async function readBody(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw invalid({ body: "inputTooLarge" });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw invalid({ body: "inputTooLarge" });
  if (text.trim() === "") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw invalid({ body: "contentTypeJson" });
  try {
    return JSON.parse(text);
  } catch {
    throw invalid({ body: "jsonInvalid" });
  }
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store", ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** The body as an idempotency record keeps it: secrets (shown once) replaced by null. */
function storable(op: Operation, body: unknown): unknown {
  if (!op.secretFields || body === null || typeof body !== "object") return body;
  return { ...body, ...Object.fromEntries(op.secretFields.map((f) => [f, null])) };
}

async function runOperation(
  op: Operation,
  request: Request,
  pathParams: Record<string, string>,
  principal: ApiPrincipal,
  rate: Record<string, string>,
): Promise<Response> {
  const params = parseWith(op.params, pathParams, "path");
  const url = new URL(request.url);
  const query = parseWith(op.query, Object.fromEntries(url.searchParams), "query");
  const rawBody = op.body ? await readBody(request) : undefined;
  const problem = inputProblem(rawBody);
  if (problem) throw invalid({ [problem.field === "form" ? "body" : problem.field]: problem.key });
  const body = parseWith(op.body, rawBody ?? {}, "body");
  const ifMatch = op.ifMatch ? parseIfMatch(request.headers.get("if-match")) : null;
  if (op.ifMatch && ifMatch === null) throw apiRefusal("preconditionRequired");
  try {
    const result = await op.handler({
      actor: principal.actor,
      scopes: principal.scopes,
      params,
      query,
      body,
      ifMatch,
      request,
    });
    if (result instanceof Response) {
      for (const [k, v] of Object.entries(rate)) result.headers.set(k, v);
      return result;
    }
    const headers: Record<string, string> = { ...rate };
    if (op.etag) headers.ETag = etagOf(op.etag(result));
    return json(op.status ?? 200, result, headers);
  } catch (e) {
    // With If-Match, a row that moved on is the HTTP precondition failing (412), carrying the row as it is now.
    if (op.ifMatch && e instanceof DomainError && e.code === "stale")
      throw apiRefusal("preconditionFailed", { current: e.current });
    throw e;
  }
}

const requestHash = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");

/** Entry point of the catch-all route: `segments` is the path below /api/v1. */
export async function handleApiRequest(
  request: Request,
  segments: string[],
  options: HandleOptions = {},
): Promise<Response> {
  let rate: Record<string, string> = {};
  try {
    const match = matchOperation(request.method, segments);
    if (match.kind === "none") throw new DomainError("notFound", { subject: "route" });
    if (match.kind === "method") {
      const r = problemResponse(apiRefusal("methodNotAllowed"));
      r.headers.set("Allow", match.allow.join(", "));
      return r;
    }
    const { op, params } = match;
    const principal = await authenticate(request);
    if (!principal.scopes.includes(op.scope)) throw apiRefusal("scopeMissing", { subject: op.scope });
    const state = await takeApiSlot(principal.tokenId, options.rule ?? apiRule());
    rate = rateHeaders(state);
    if (!state.allowed) throw rateLimited(new Date(Date.now() + state.resetSeconds * 1000));

    const key = request.method === "POST" ? request.headers.get("idempotency-key") : null;
    if (key === null) return await runOperation(op, request, params, principal, rate);
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalid({ "Idempotency-Key": "idempotencyKeyInvalid" });
    const requestText = await request.clone().text();
    const start = await beginIdempotent(
      principal.tokenId,
      key,
      requestHash(request.method, new URL(request.url).pathname, requestText),
    );
    if (start.kind === "mismatch") throw apiRefusal("idempotencyKeyReused");
    if (start.kind === "inFlight") throw apiRefusal("idempotencyInFlight");
    if (start.kind === "replay") {
      const stored = JSON.parse(start.body) as { etag?: string; body: unknown };
      const headers: Record<string, string> = { ...rate, "Idempotent-Replayed": "true" };
      if (stored.etag) headers.ETag = stored.etag;
      return json(start.status, stored.body, headers);
    }
    let response: Response;
    try {
      response = await runOperation(op, request, params, principal, rate);
    } catch (e) {
      await finishIdempotent(start.recordId, 500, "");
      throw e;
    }
    const text = await response.clone().text();
    const stored = {
      etag: response.headers.get("etag") ?? undefined,
      body: storable(op, text ? JSON.parse(text) : null),
    };
    await finishIdempotent(start.recordId, response.status, JSON.stringify(stored));
    return response;
  } catch (e) {
    const headers: Record<string, string> = { ...rate };
    if (e instanceof DomainError && e.code === "tokenInvalid") headers["WWW-Authenticate"] = 'Bearer realm="stackwise"';
    if (e instanceof DomainError && e.code === "scopeMissing")
      headers["WWW-Authenticate"] = `Bearer realm="stackwise", error="insufficient_scope", scope="${e.subject}"`;
    return problemResponse(e, headers);
  }
}
