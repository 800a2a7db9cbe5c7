// Which cross-origin writes the proxy lets through. /api/v1 authenticates only with a bearer token and never reads
// cookies, so a request there that carries `Authorization: Bearer …` has no ambient authority a foreign page could
// borrow: its Origin does not matter (CSRF needs a credential the browser adds by itself). Everything else keeps the
// same-origin rule, including /api/v1 calls without a token (they are refused as unauthenticated anyway).
export function tokenApiRequest(pathname: string, authorization: string | null): boolean {
  return (
    (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) && /^Bearer\s+\S+$/i.test(authorization?.trim() ?? "")
  );
}
