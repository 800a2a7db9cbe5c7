// Next 16 proxy (formerly middleware): security headers on every page response, and a fresh CSP nonce per request.
// Next reads the nonce from the request's Content-Security-Policy header and puts it on its own scripts; pages are
// dynamically rendered (the root layout reads cookies), so every response gets its own nonce.
// No database access here: authentication happens in the pages and actions (lib/server/context.ts).
import { NextResponse, type NextRequest } from "next/server";
import { tokenApiRequest } from "@/lib/http/api-origin";
import { foreignOrigin, malformedUrl } from "@/lib/http/request-guard";

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Recharts and React set style attributes; inline styles cannot run code, so this is the accepted trade-off.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Security-Policy": csp,
      "Cache-Control": "no-store",
    },
  });
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  // Answered here, before any page or action runs: both used to surface as 500s from deep inside Next.
  if (malformedUrl(request.nextUrl.pathname, request.nextUrl.search))
    return plain(400, "Bad Request: malformed percent-encoding or control characters in the address", csp);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  if (
    foreignOrigin(request.method, request.headers.get("origin"), host) &&
    !tokenApiRequest(request.nextUrl.pathname, request.headers.get("authorization"))
  )
    return plain(403, "Forbidden: cross-origin request", csp);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Lets requireActor() send a signed-out visitor back to the page they asked for after sign-in.
  requestHeaders.set("x-stackwise-path", request.nextUrl.pathname + request.nextUrl.search);

  // The other security headers come from next.config.ts headers(), which also covers the static files this proxy
  // never sees.
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Prefetches pass through here too, so a malformed or cross-origin prefetch gets the same answer.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
