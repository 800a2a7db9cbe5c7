// The checks the proxy makes on every request before any page, route or action runs. Pure, so they are tested here
// rather than through a server.
import { badText } from "@/lib/validation/input-guard";

// Any C0 control or DEL in a decoded path segment: no route has one, and PostgreSQL refuses NUL in text outright
// ("invalid byte sequence for encoding UTF8: 0x00"), so an id of "%00" would otherwise reach the database as a 500.
const PATH_CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * An address no page can answer: a path segment with a broken percent escape ("%ED%A0%80" is a lone surrogate,
 * "%E0%A4%A" is cut short) or a control character, or a query value with text no field accepts (badText: NUL and
 * the other invisible controls, lone surrogates), which would otherwise reach a search or a lookup.
 */
export function malformedUrl(pathname: string, search: string): boolean {
  try {
    for (const segment of pathname.split("/")) if (PATH_CONTROL.test(decodeURIComponent(segment))) return true;
  } catch {
    return true;
  }
  // URLSearchParams decodes a broken escape to U+FFFD instead of throwing, so only decoded controls are left to find.
  for (const [key, value] of new URLSearchParams(search)) if (badText(key) || badText(value)) return true;
  return false;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser's state-changing request (a server action, a form post, a fetch to a route handler) from another
 * origin. Browsers always send Origin on such requests; a client without one (curl, an API client) carries no
 * ambient cookie to abuse from a foreign page. Next would refuse a foreign server action too, but with a 500.
 */
export function foreignOrigin(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || origin === null) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
}
