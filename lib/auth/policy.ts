// Tunable authentication limits in one place. Values follow OWASP's Session Management and Authentication cheat
// sheets: an idle timeout for a business app, an absolute lifetime so a stolen cookie dies eventually, and throttling
// that slows online guessing without locking a user out for long.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_IDLE_MS = 12 * HOUR;
export const SESSION_ABSOLUTE_MS = 7 * DAY;
/** lastSeenAt is written at most this often, so reading a page is not a database write every time. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

/**
 * Throttling is a progressive delay, not a lock: `free` attempts per window, then each further attempt must wait
 * base·2^k after the previous one (capped). Sign-in is keyed by account + client address, so a guesser elsewhere
 * slows only themself; the per-client key limits one address spraying many accounts.
 */
export interface ThrottleRule {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}
export const THROTTLE_WINDOW_MS = HOUR;
export const THROTTLE_MAX_PER_ACCOUNT = 5;
export const THROTTLE_MAX_PER_IP = 20;
export const SIGN_IN_ACCOUNT_RULE: ThrottleRule = {
  free: THROTTLE_MAX_PER_ACCOUNT,
  baseDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  windowMs: THROTTLE_WINDOW_MS,
};
export const SIGN_IN_CLIENT_RULE: ThrottleRule = {
  free: THROTTLE_MAX_PER_IP,
  baseDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  windowMs: THROTTLE_WINDOW_MS,
};
/** Checking the current password when changing it: a stolen session must not become a password oracle. */
export const PASSWORD_CHECK_RULE: ThrottleRule = SIGN_IN_ACCOUNT_RULE;
/** Per-user budgets for the expensive work (rendering a report, parsing an upload): refused until the window ends. */
export const EXPORT_RULE: ThrottleRule = {
  free: 60,
  baseDelayMs: 10 * MINUTE,
  maxDelayMs: 10 * MINUTE,
  windowMs: 10 * MINUTE,
};
export const IMPORT_RULE: ThrottleRule = {
  free: 30,
  baseDelayMs: 10 * MINUTE,
  maxDelayMs: 10 * MINUTE,
  windowMs: 10 * MINUTE,
};

/**
 * Per-token budget of /api/v1: a fixed window (every request counts; once spent, refused until the window ends). A
 * CI job posting a benchmark snapshot needs a handful; a portal polling decisions a few per minute. This is the default:
 * STACKWISE_API_RATE_LIMIT and STACKWISE_API_RATE_WINDOW_SECONDS override count and window (lib/env.ts).
 */
export const API_RULE: ThrottleRule = {
  free: 300,
  baseDelayMs: MINUTE,
  maxDelayMs: MINUTE,
  windowMs: MINUTE,
};

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const INVITATION_EXPIRY_DAYS = [1, 7, 14, 30] as const;
export const DAY_MS = DAY;

export const SESSION_COOKIE = "stackwise_session";

/** Account.providerId for email + password; Account.accountId is the lower-cased email. */
export const CREDENTIAL_PROVIDER = "credential";
