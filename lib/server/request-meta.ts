import "server-only";
import { headers } from "next/headers";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  /** HTTPS as seen by the client, so the session cookie gets `Secure` behind a TLS-terminating proxy too. */
  secure: boolean;
  /** scheme://host of this request, for links we hand out (invitations). */
  origin: string;
}

/**
 * Client IP and protocol for throttling, audit and cookie flags. x-forwarded-for is only trustworthy when a reverse
 * proxy in front of the app overwrites it (the deployment note in README says so); a spoofed value can dodge the
 * per-IP limit but not the per-account one.
 */
export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = (forwarded || h.get("x-real-ip") || "unknown").slice(0, 64);
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const secure = proto === "https";
  return {
    ip,
    userAgent: h.get("user-agent")?.slice(0, 256) ?? null,
    secure,
    origin: `${secure ? "https" : "http"}://${host}`,
  };
}
