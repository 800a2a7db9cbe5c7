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

export const THROTTLE_WINDOW_MS = 15 * MINUTE;
export const THROTTLE_MAX_PER_ACCOUNT = 5;
export const THROTTLE_MAX_PER_IP = 20;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const INVITATION_EXPIRY_DAYS = [1, 7, 14, 30] as const;
export const DAY_MS = DAY;

export const SESSION_COOKIE = "stackwise_session";

/** Account.providerId for email + password; Account.accountId is the lower-cased email. */
export const CREDENTIAL_PROVIDER = "credential";
