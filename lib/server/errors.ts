// Typed failures of the data-access layer. Actions and route handlers map them to results or HTTP statuses
// (lib/server/action-result.ts); anything else is a bug and may become a 500.

/** The actor is signed in and a member, but their role does not allow this. HTTP 403. */
export class AuthorizationError extends Error {
  readonly status = 403;
  constructor(readonly permission: string) {
    super(`Not allowed: ${permission}`);
    this.name = "AuthorizationError";
  }
}

/** Missing, or in another workspace: the two are indistinguishable on purpose. HTTP 404. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}

/** A rule about the current state forbids the change (e.g. removing the last admin). HTTP 409. */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(readonly code: "lastAdmin" | "alreadyMember" | "emailTaken" | "invitationUsed" | "stale") {
    super(code);
    this.name = "ConflictError";
  }
}

/** A name that must be unique in its scope (team, skill) is already used. Mapped to a field error on "name". */
export class DuplicateNameError extends Error {
  readonly status = 409;
  constructor(readonly entity: string) {
    super(`${entity} name already used`);
    this.name = "DuplicateNameError";
  }
}

/** Too many failed sign-ins; retryAt says when the window frees up. HTTP 429. */
export class ThrottledError extends Error {
  readonly status = 429;
  constructor(readonly retryAt: Date) {
    super("Too many attempts");
    this.name = "ThrottledError";
  }
}

/** No valid session, or wrong email/password (never saying which). HTTP 401. */
export class AuthenticationError extends Error {
  readonly status = 401;
  constructor(readonly code: "signedOut" | "invalidCredentials" | "wrongPassword" = "signedOut") {
    super(code);
    this.name = "AuthenticationError";
  }
}

export type DomainError = AuthorizationError | NotFoundError | ConflictError | ThrottledError | AuthenticationError;

export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof AuthorizationError ||
    e instanceof NotFoundError ||
    e instanceof ConflictError ||
    e instanceof ThrottledError ||
    e instanceof AuthenticationError
  );
}
