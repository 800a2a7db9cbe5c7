// Bearer tokens for sessions and invitations: 32 random bytes from the OS CSPRNG, base64url in the cookie or link.
// Only SHA-256(token) is stored, so a leaked database does not yield usable sessions or invitation links. SHA-256
// without salt is enough here because the input has 256 bits of entropy (no dictionary to attack).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests (lookups are by hash; this guards the final equality check). */
export function safeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ab.length === bb.length && ab.length > 0 && timingSafeEqual(ab, bb);
}

/** Tokens we issue are 43 base64url characters; anything else is rejected before touching the database. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
