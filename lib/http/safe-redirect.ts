// The one place that decides whether a user-supplied return address (?next=, a form's hidden "next", the path the
// proxy remembers for sign-in) may be followed. Only a path on this origin survives; anything else becomes the
// fallback. Pure, so it runs the same in the page, the action and tests.
//
// Why so strict: browsers "repair" URLs before following them (a tab or newline is dropped, "\" becomes "/"), so
// "/\t/evil.example" is "//evil.example" to Chromium, a protocol-relative address on another host. Rather than
// predicting every repair, we accept only printable ASCII without backslashes, reject what still looks like an
// authority after percent-decoding, and re-check the address the URL parser produces.

const BASE = "http://x.invalid";
const MAX_LENGTH = 2048;
/** Printable ASCII except space and backslash: no control characters, no CR/LF, no Unicode look-alike slashes. */
const ALLOWED = /^[\x21-\x5b\x5d-\x7e]*$/;

function looksLikeAuthority(path: string): boolean {
  return !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\");
}

function decodedIsUnsafe(input: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(input);
  } catch {
    return true; // a malformed escape is not a path we produced
  }
  return looksLikeAuthority(decoded) || /[\x00-\x20\x7f\\]/.test(decoded);
}

/**
 * `input` if it is a same-origin path (normalised by the URL parser: "/a/../b" → "/b"), else `fallback`.
 * Never throws, whatever the input.
 */
export function safeRedirectPath(input: unknown, fallback = "/"): string {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_LENGTH) return fallback;
  if (!ALLOWED.test(input) || looksLikeAuthority(input) || decodedIsUnsafe(input)) return fallback;
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse into "//": "/.//evil" parses to the path "//evil".
  return looksLikeAuthority(path) || decodedIsUnsafe(path) ? fallback : path;
}

/** Same rule, but "no usable address" is undefined (for optional form fields). */
export function safeRedirectPathOrUndefined(input: unknown): string | undefined {
  const sentinel = "\0";
  const path = safeRedirectPath(input, sentinel);
  return path === sentinel ? undefined : path;
}
