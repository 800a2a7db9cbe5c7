import "server-only";
import { notFound } from "next/navigation";
import { ERRORS, isDomainError, type ErrorCode } from "@/lib/errors/domain-error";
import type { ActionFailure } from "@/lib/errors/action-result";

export type { ActionData, ActionFailure, ActionResult, ActionState, FailureCode } from "@/lib/errors/action-result";

/**
 * A thrown domain error as the typed failure of an action; anything else (a bug, or Next's redirect/notFound
 * signals, which must reach Next) is rethrown.
 */
export function errorResult(e: unknown): ActionFailure<ErrorCode> {
  if (!isDomainError(e)) throw e;
  const out: ActionFailure<ErrorCode> = { ok: false, error: e.code };
  if (e.fieldErrors) out.fieldErrors = e.fieldErrors;
  if (e.retryAt) out.retryAt = e.retryAt.toISOString();
  if ("current" in e) out.current = e.current;
  if (e.details !== undefined) out.details = e.details;
  return out;
}

/** For route handlers: a domain error becomes its status from the same table, with the same body as an action. */
export function errorResponse(e: unknown): Response {
  const failure = errorResult(e);
  const body: Omit<ActionFailure, "ok"> & { ok?: false } = { ...failure };
  delete body.ok;
  return Response.json(body, { status: ERRORS[failure.error].status });
}

/** Wraps a route handler so a domain error becomes its HTTP status (403, 404, 409, …), never a 500. */
export function withErrorResponses<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** For pages: a "notFound" domain error shows Next's 404 page; anything else propagates to the error boundary. */
export async function orNotFoundPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isDomainError(e) && e.code === "notFound") notFound();
    throw e;
  }
}
