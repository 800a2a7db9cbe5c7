// The one typed failure of the data layer, and the one table that says what each failure means to a caller: its
// HTTP status (route handlers) and its message key (actions → forms). Pure on purpose: client components import the
// code and key types from here, so nothing server-only may be imported.
import type { Messages } from "@/lib/i18n/messages";

/** A key under the `common` namespace, checked against the English catalog (the test checks Chinese too). */
export type CommonErrorKey = `errors.${keyof Messages["common"]["errors"] & string}`;

type ErrorKeysOf<T> = T extends { errors: infer E } ? keyof E & string : never;

/**
 * Every key a field message may name: the `errors` of each namespace that renders field messages, plus the shared
 * ones in `common.errors` (every error-text hook falls back to those).
 */
export type FieldErrorKey =
  | ErrorKeysOf<Messages["common"]>
  | ErrorKeysOf<Messages["auth"]>
  | ErrorKeysOf<Messages["setup"]>
  | ErrorKeysOf<Messages["teams"]>
  | ErrorKeysOf<Messages["scores"]>
  | ErrorKeysOf<Messages["ahp"]>
  | ErrorKeysOf<Messages["matrix"]>
  | ErrorKeysOf<Messages["results"]["scenarios"]>;

export type FieldErrorMap = Partial<Record<string, FieldErrorKey>>;

export const ERRORS = {
  /** Bad input: the field messages say which. */
  invalidInput: { status: 422, key: "errors.invalidInput" },
  /** Signed in and a member, but the role does not allow this. */
  forbidden: { status: 403, key: "errors.forbidden" },
  /** Missing, or in another workspace: the two are indistinguishable on purpose. */
  notFound: { status: 404, key: "errors.notFound" },
  signedOut: { status: 401, key: "errors.signedOut" },
  /** Wrong email or password, never saying which. */
  invalidCredentials: { status: 401, key: "errors.invalidCredentials" },
  wrongPassword: { status: 401, key: "errors.wrongPassword" },
  /** Too many failed sign-ins; `retryAt` says when the window frees up. */
  throttled: { status: 429, key: "errors.throttled" },
  lastAdmin: { status: 409, key: "errors.lastAdmin" },
  alreadyMember: { status: 409, key: "errors.alreadyMember" },
  emailTaken: { status: 409, key: "errors.emailTaken" },
  invitationUsed: { status: 409, key: "errors.invitationUsed" },
  /** Somebody changed the row first; `current` is the row as it is now ("their value and yours"). */
  stale: { status: 409, key: "errors.stale" },
  /** PostgreSQL: the write kept losing races with concurrent writes (lib/db/write-queue.ts); nothing was written. */
  busy: { status: 503, key: "errors.busy" },
  /** Decided or superseded decisions are read-only until reopened. */
  decisionLocked: { status: 409, key: "errors.decisionLocked" },
  /** A name unique in its scope is used; always comes with the field message on `name`. */
  nameTaken: { status: 409, key: "errors.nameTaken" },
  /** Some pasted cells are not values; `details` lists them. Nothing was written. */
  pasteInvalid: { status: 422, key: "errors.pasteInvalid" },
  /** An import file names things this workspace cannot resolve; `details` lists the issues. Nothing was written. */
  importRejected: { status: 422, key: "errors.importRejected" },
  /** API: no token, or one that is unknown, revoked, expired or whose user left the workspace. */
  tokenInvalid: { status: 401, key: "errors.tokenInvalid" },
  /** API: the token lacks the scope this operation needs (`subject` names it). */
  scopeMissing: { status: 403, key: "errors.scopeMissing" },
  /** API: If-Match names a version the row no longer has; `current` is the row as it is now. */
  preconditionFailed: { status: 412, key: "errors.preconditionFailed" },
  /** API: an update without If-Match (lost updates are refused, not risked). */
  preconditionRequired: { status: 428, key: "errors.preconditionRequired" },
  /** API: the token's request budget is spent until `retryAt`. */
  rateLimited: { status: 429, key: "errors.rateLimited" },
  /** API: an Idempotency-Key reused with a different request. */
  idempotencyKeyReused: { status: 422, key: "errors.idempotencyKeyReused" },
  /** API: the first request with this Idempotency-Key is still running. */
  idempotencyInFlight: { status: 409, key: "errors.idempotencyInFlight" },
  /** API: the path exists but not with this method. */
  methodNotAllowed: { status: 405, key: "errors.methodNotAllowed" },
} as const satisfies Record<string, { status: number; key: CommonErrorKey }>;

export type ErrorCode = keyof typeof ERRORS;

export interface DomainErrorOptions {
  /** What it is about (the entity not found, the permission refused): for logs and tests, never shown. */
  subject?: string;
  fieldErrors?: Partial<Record<string, string>>;
  current?: unknown;
  retryAt?: Date;
  details?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  // `declare`: an option that was not given stays absent (not undefined), so "current" in e means a conflict row was
  // reported, even when that row is null because it vanished.
  declare readonly subject?: string;
  declare readonly fieldErrors?: Partial<Record<string, string>>;
  declare readonly current?: unknown;
  declare readonly retryAt?: Date;
  declare readonly details?: unknown;

  constructor(code: ErrorCode, options: DomainErrorOptions = {}) {
    super(options.subject ? `${code}: ${options.subject}` : code);
    this.name = "DomainError";
    this.code = code;
    this.status = ERRORS[code].status;
    for (const [k, v] of Object.entries(options))
      if (v !== undefined || k === "current") Object.assign(this, { [k]: v });
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const notFound = (entity: string) => new DomainError("notFound", { subject: entity });

export const forbidden = (permission: string) => new DomainError("forbidden", { subject: permission });

export const conflict = (code: "lastAdmin" | "alreadyMember" | "emailTaken" | "invitationUsed") =>
  new DomainError(code);

/** Somebody changed `entity` first: nothing was written, and `current` is their row (null when it is gone). */
export const stale = (entity: string, current: unknown) => new DomainError("stale", { current, subject: entity });

export const locked = (status?: string) => new DomainError("decisionLocked", { subject: status });

/** Input that only the stored rows can reject (scale bounds crossing after a merge, a foreign candidate). */
export const fieldErrors = (errors: FieldErrorMap) => new DomainError("invalidInput", { fieldErrors: errors });

/** One field's message as a schema produced it (zod messages are keys, but typed as plain strings). */
export const invalidField = (field: string, message: string) =>
  new DomainError("invalidInput", { fieldErrors: { [field]: message } });

export const duplicateName = (entity: string) =>
  new DomainError("nameTaken", { subject: entity, fieldErrors: { name: "nameTaken" } satisfies FieldErrorMap });

export const throttled = (retryAt: Date) => new DomainError("throttled", { retryAt });

export const unauthenticated = (
  code: "signedOut" | "invalidCredentials" | "wrongPassword" = "signedOut",
  errors?: FieldErrorMap,
) => new DomainError(code, { fieldErrors: errors });

/** API protocol failures (token, scope, preconditions, idempotency), thrown by lib/api like any domain error. */
export const apiRefusal = (
  code:
    | "tokenInvalid"
    | "scopeMissing"
    | "preconditionFailed"
    | "preconditionRequired"
    | "idempotencyKeyReused"
    | "idempotencyInFlight"
    | "methodNotAllowed",
  options: DomainErrorOptions = {},
) => new DomainError(code, options);

export const rateLimited = (retryAt: Date) => new DomainError("rateLimited", { retryAt });

/** Per-item problems (pasted cells, import issues) the form lists one by one. */
export const rejected = (code: "pasteInvalid" | "importRejected", details: unknown) =>
  new DomainError(code, { details });
