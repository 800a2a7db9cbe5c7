import "server-only";
import {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  DuplicateNameError,
  isDomainError,
  NotFoundError,
  ThrottledError,
} from "./errors";
import type { FieldErrors } from "@/lib/validation/auth";
import { StaleWriteError } from "./concurrency";
import { DecisionLockedError } from "./decision-access";
import { FieldValidationError } from "@/lib/validation/decision";

/**
 * What every server action returns to its form (useActionState). `error` is a translation key under auth.errors;
 * `fieldErrors` maps a field name to a key. Domain errors become results, never 500s.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      error: string;
      fieldErrors?: FieldErrors;
      retryAt?: string;
      values?: Record<string, string>;
      /** On "stale": the row as it is now, so the UI can show their value and yours. */
      current?: unknown;
    };

export type ActionState<T = undefined> = ActionResult<T> | null;

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** Bad input: field messages, and the non-secret values typed so the form can show them again. */
export function invalid(fieldErrors: FieldErrors, values?: Record<string, string>): ActionFailure {
  return { ok: false, error: "invalidInput", fieldErrors, values };
}

/** FormData → plain strings (files ignored), for zod. */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** The fields safe to send back to the browser (never passwords). */
export function echo(fields: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in fields).map((k) => [k, fields[k]]));
}

/** Maps a thrown domain error to a result; rethrows anything else (including Next's redirect/notFound signals). */
export function errorResult(e: unknown): ActionFailure {
  if (e instanceof AuthorizationError) return { ok: false, error: "forbidden" };
  if (e instanceof NotFoundError) return { ok: false, error: "notFound" };
  if (e instanceof AuthenticationError) return { ok: false, error: e.code };
  if (e instanceof ThrottledError) return { ok: false, error: "throttled", retryAt: e.retryAt.toISOString() };
  if (e instanceof ConflictError) return { ok: false, error: e.code };
  if (e instanceof DuplicateNameError) return invalid({ name: "nameTaken" });
  // Input that only the stored row can reject (e.g. a scale bound crossing the other bound).
  if (e instanceof FieldValidationError) return invalid(e.fieldErrors);
  if (e instanceof StaleWriteError) return { ok: false, error: "stale", current: e.current };
  if (e instanceof DecisionLockedError) return { ok: false, error: "decisionLocked" };
  throw e;
}

/** Runs data-layer work for a client component: its value as `data`, domain errors as a typed failure. */
export async function runForData<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    return errorResult(e);
  }
}

/** Runs data-layer work and converts domain errors into a typed result. Keep redirect() calls outside `fn`. */
export async function runAction<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | ActionFailure> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return errorResult(e);
  }
}

/** For route handlers: domain errors become their HTTP status with a small JSON body; others propagate. */
export function errorResponse(e: unknown): Response {
  if (e instanceof StaleWriteError) return Response.json({ error: e.name, current: e.current }, { status: 409 });
  if (e instanceof DecisionLockedError) return Response.json({ error: e.name }, { status: 409 });
  if (e instanceof DuplicateNameError)
    return Response.json({ error: e.name, fieldErrors: { name: "nameTaken" } }, { status: e.status });
  if (e instanceof FieldValidationError)
    return Response.json({ error: e.name, fieldErrors: e.fieldErrors }, { status: e.status });
  if (!isDomainError(e)) throw e;
  const body: Record<string, string> = { error: e.name };
  if (e instanceof ThrottledError) body.retryAt = e.retryAt.toISOString();
  return Response.json(body, { status: e.status });
}

/** Wraps a route handler so AuthorizationError → 403, NotFoundError → 404, etc., never 500. */
export function withErrorResponses<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
