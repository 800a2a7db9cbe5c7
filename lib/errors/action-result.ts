// What every server action returns to its caller. Pure types, so client components can import them.
import type { ErrorCode } from "./domain-error";

/** "network" is set by client code when the action could not be reached; every other code is thrown by the server. */
export type FailureCode = ErrorCode | "network";

export type ActionFailure<C extends FailureCode = FailureCode> = {
  ok: false;
  /** A code of the one error table; its message is `common.errors.<code>` (forms may have a more specific one). */
  error: C;
  /** Field name → message key. */
  fieldErrors?: Partial<Record<string, string>>;
  retryAt?: string;
  /** The non-secret values typed into a form, so it can show them again. */
  values?: Record<string, string>;
  /** On "stale": the row as it is now, so the UI can show their value and yours. */
  current?: unknown;
  /** Per-item problems (pasted cells, import issues). */
  details?: unknown;
};

export type ActionResult<T = undefined> = { ok: true; data?: T; message?: string } | ActionFailure;

/** What a handler's result becomes in an ActionResult: a handler returning nothing gives no data. */
export type ActionData<T> = [T] extends [void] ? undefined : T;

/** The state of a `useActionState` form: null before the first submit. */
export type ActionState<T = undefined> = ActionResult<T> | null;
