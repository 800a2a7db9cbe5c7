import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress, forwardedEntries, UNKNOWN_CLIENT } from "@/lib/http/client-address";
import { PEER_HEADER, peerHeaderIsOurs } from "@/lib/http/peer";
import { publicOrigin } from "@/lib/http/public-origin";

export interface RequestMeta {
  /** The client's address as far as TRUST_PROXY lets us know it, or "unknown". */
  ip: string;
  userAgent: string | null;
  /** HTTPS as seen by the client, so the session cookie gets `Secure` behind a TLS-terminating proxy too. */
  secure: boolean;
  /** scheme://host of this request, for links we hand out (invitations). */
  origin: string;
}

/** The address, or null for "unknown" (the throttle then keys by account only for this client, see throttle.ts). */
export function knownClient(ip: string): string | null {
  return ip === UNKNOWN_CLIENT ? null : ip;
}

/**
 * Client address and protocol for throttling, audit and cookie flags. Next 16 exposes no socket address to route
 * handlers or actions; `npm start` serves through scripts/serve.ts, which puts the TCP peer into PEER_HEADER (and
 * overwrites any client copy). Hops in X-Forwarded-For count only as far as TRUST_PROXY trusts them. Under a bare
 * `next start` the peer is unknown and Next itself fills X-Forwarded-For with it only when the client sent none.
 */
export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const { trustProxy } = env();
  const peer = peerHeaderIsOurs() ? h.get(PEER_HEADER) : null;
  const hops = [...forwardedEntries(h.get("x-forwarded-for")), ...(peer ? [peer] : [])];
  // With our own peer header and no trusted proxy, X-Forwarded-For is the client's word and is ignored.
  const ip = clientAddress(peer && trustProxy.kind === "none" ? [peer] : hops, trustProxy) ?? UNKNOWN_CLIENT;
  const { origin, secure } = publicOrigin((name) => h.get(name));
  return { ip, userAgent: h.get("user-agent")?.slice(0, 256) ?? null, secure, origin };
}
