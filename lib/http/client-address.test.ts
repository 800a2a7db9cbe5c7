import { describe, expect, test } from "vitest";
import { clientAddress, normaliseAddress, parseTrustProxy } from "./client-address";

describe("clientAddress", () => {
  const none = parseTrustProxy(undefined);
  test("no trusted proxy: the TCP peer, whatever the client wrote in X-Forwarded-For", () => {
    expect(clientAddress(["6.6.6.6", "7.7.7.7", "203.0.113.9"], none)).toBe("203.0.113.9");
  });
  test("a hop count skips exactly that many proxies from the right", () => {
    const chain = ["6.6.6.6", "198.51.100.2", "10.0.0.5"];
    expect(clientAddress(chain, parseTrustProxy("1"))).toBe("198.51.100.2");
    expect(clientAddress(chain, parseTrustProxy("2"))).toBe("6.6.6.6");
    expect(clientAddress(chain, parseTrustProxy("9"))).toBe("6.6.6.6");
  });
  test("CIDRs skip trusted proxies only; a forged entry left of the real client is ignored", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 127.0.0.1, fd00::/8");
    expect(clientAddress(["6.6.6.6", "198.51.100.2", "10.1.2.3", "::ffff:127.0.0.1"], trust)).toBe("198.51.100.2");
    expect(clientAddress(["6.6.6.6", "fd00::1"], trust)).toBe("6.6.6.6");
  });
  test("garbage is no address", () => {
    expect(clientAddress(["not-an-ip"], none)).toBeNull();
    expect(clientAddress([], none)).toBeNull();
  });
  test.each([
    ["1.2.3.4:5678", "1.2.3.4"],
    ["[::1]:80", "::1"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["1.2.3", null],
  ])("normalises %s", (raw, out) => expect(normaliseAddress(raw)).toBe(out));
  test.each(["10.0.0.0/33", "example.com", "1.2.3.4/8/1", "-1", "100"])("rejects TRUST_PROXY=%s", (v) =>
    expect(() => parseTrustProxy(v)).toThrow(/TRUST_PROXY/),
  );
  test.each(["", "false", "0"])("TRUST_PROXY=%j trusts nobody", (v) => expect(parseTrustProxy(v).kind).toBe("none"));
});
