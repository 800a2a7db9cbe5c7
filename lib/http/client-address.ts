// Which address a request came from, given the chain of hops it passed (X-Forwarded-For entries, then the TCP peer)
// and which of those hops are our own proxies (TRUST_PROXY). Everything left of the first untrusted hop, counting
// from the right, was written by the client and is ignored: that is the only part of the header nobody can forge.
import { BlockList, isIP } from "node:net";

export type TrustProxy =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: BlockList; text: string };

/** Sentinel for "no address known"; never used as a throttle key of its own. */
export const UNKNOWN_CLIENT = "unknown";

/** "1.2.3.4", "1.2.3.4:5678", "[::1]:80", "::ffff:10.0.0.1" → a canonical address, or null. */
export function normaliseAddress(raw: string): string | null {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1];
  const version = isIP(a);
  if (version === 0) return null;
  return version === 6 ? a.toLowerCase() : a;
}

/**
 * TRUST_PROXY: unset, "" or "false" → trust no proxy; a whole number → that many proxies in front of the app;
 * otherwise a comma-separated list of addresses or CIDRs ("10.0.0.0/8, 127.0.0.1, fd00::/8") of trusted proxies.
 * Throws on anything else, so a typo stops the server at start instead of silently trusting everybody.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 32) throw new Error(`TRUST_PROXY: ${hops} hops is not a plausible proxy chain`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const part of v.split(",").map((p) => p.trim())) {
    const [addr, prefix, extra] = part.split("/");
    const address = normaliseAddress(addr ?? "");
    if (!address || extra !== undefined) throw new Error(`TRUST_PROXY: "${part}" is not an address or CIDR`);
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (type === "ipv6" ? 128 : 32))
      throw new Error(`TRUST_PROXY: "${part}" has an invalid prefix length`);
    list.addSubnet(address, bits, type);
  }
  return { kind: "cidrs", list, text: v };
}

function trusted(address: string, trust: Extract<TrustProxy, { kind: "cidrs" }>): boolean {
  const a = normaliseAddress(address);
  return a !== null && trust.list.check(a, isIP(a) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address from the hops, nearest last: X-Forwarded-For entries in order, then the TCP peer when known.
 * With no trusted proxy that is the last hop itself; an address that is not an IP gives null.
 */
export function clientAddress(hops: string[], trust: TrustProxy): string | null {
  const chain = hops.map((h) => h.trim()).filter(Boolean);
  if (chain.length === 0) return null;
  let index = chain.length - 1;
  if (trust.kind === "hops") index = Math.max(0, chain.length - 1 - trust.hops);
  if (trust.kind === "cidrs") while (index > 0 && trusted(chain[index], trust)) index--;
  return normaliseAddress(chain[index]);
}

/** X-Forwarded-For value(s) → entries in order (several headers are joined by a comma already). */
export function forwardedEntries(header: string | null): string[] {
  return header ? header.split(",") : [];
}
