// One /api/v1 operation, declared once: the route table (lib/api/router.ts) dispatches to it and the OpenAPI
// document (lib/api/openapi.ts) is generated from the same object, so the schemas a request is parsed with are the
// schemas the document shows.
import type { z } from "zod";
import type { Permission } from "@/lib/server/authz";
import type { Actor } from "@/lib/server/actor";
import type { ApiScope } from "@/lib/validation/api-token";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface OperationContext<P, Q, B> {
  actor: Actor;
  /** The scopes of the token that made the request. */
  scopes: ApiScope[];
  params: P;
  query: Q;
  body: B;
  /** The version named by If-Match (operations with `ifMatch`), or "*" for "whatever is current". */
  ifMatch: number | "*" | null;
  request: Request;
}

/** A handler's answer: the JSON body (checked against `response` in the tests), or a ready Response (downloads). */
export type OperationResult<R> = R | Response;

export interface Operation<P = unknown, Q = unknown, B = unknown, R = unknown> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template below /api/v1, e.g. /decisions/{decisionId}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  /** The data-layer permission the operation ends in (documented; the data layer enforces it). */
  permission: Permission;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response?: z.ZodType<R>;
  /** Content type of a non-JSON success (exports). */
  download?: string[];
  /** 204: no body (deletes). */
  status?: 200 | 201 | 204;
  /** Row version for the ETag header. */
  etag?: (result: R) => number;
  /** Updates require If-Match (428 without, 412 when it names an old version). */
  ifMatch?: boolean;
  /**
   * Top-level fields of the success body that are secrets shown once (a share link's URL): an Idempotency-Key
   * record stores the answer with them set to null, so no secret is kept in the database for the replay.
   */
  secretFields?: string[];
  handler: (ctx: OperationContext<P, Q, B>) => Promise<OperationResult<R>>;
}

/** Declares an operation with its types inferred from its schemas. */
export function defineOperation<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(
  op: Operation<P, Q, B, R>,
): Operation {
  return op as unknown as Operation;
}
