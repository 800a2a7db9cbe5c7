import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { generateToken, hashToken, isWellFormedToken, safeEqualHex } from "./tokens";

describe("argon2id password hashing", () => {
  test("uses argon2id with OWASP parameters (m=19456 KiB, t=2, p=1), read back from the PHC string", async () => {
    const phc = await hashPassword("correct horse battery");
    // $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    const [, algorithm, version, params, salt, digest] = phc.split("$");
    expect(algorithm).toBe("argon2id");
    expect(version).toBe("v=19");
    expect(Object.fromEntries(params.split(",").map((kv) => kv.split("=")))).toEqual({ m: "19456", t: "2", p: "1" });
    expect(Buffer.from(salt, "base64").length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(digest, "base64").length).toBe(32);
  });

  test("verifies the right password only; salts differ", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery")).toBe(true);
    expect(await verifyPassword(a, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("tokens", () => {
  test("32 random bytes, base64url; SHA-256 hex stored", () => {
    const t = generateToken();
    expect(Buffer.from(t, "base64url").length).toBe(32);
    expect(isWellFormedToken(t)).toBe(true);
    expect(generateToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
  });

  test("constant-time comparison", () => {
    const h = hashToken("x");
    expect(safeEqualHex(h, hashToken("x"))).toBe(true);
    expect(safeEqualHex(h, hashToken("y"))).toBe(false);
    expect(safeEqualHex(h, "")).toBe(false);
  });

  test("malformed tokens are rejected before any lookup", () => {
    expect(isWellFormedToken("short")).toBe(false);
    expect(isWellFormedToken("a".repeat(42) + "=")).toBe(false);
    expect(isWellFormedToken(undefined)).toBe(false);
  });
});
