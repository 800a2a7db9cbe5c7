// Password hashing for accounts. Plain module (no "server-only") because the demo seed runs under tsx and hashes the
// demo passwords too. argon2id with OWASP's minimum recommended parameters (Password Storage Cheat Sheet):
// 19 MiB memory, 2 iterations, 1 lane. The parameters live in the PHC string, so raising them later only affects new
// hashes; verify() reads whatever a stored hash says.
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Algorithm is a `const enum` that isolatedModules cannot inline; 2 is Algorithm.Argon2id (the library default too).
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must fail closed, never throw a 500 at the sign-in form.
    return false;
  }
}

/**
 * A valid hash of a random secret, verified when the email is unknown so that a sign-in for a missing account costs
 * the same time as one with a wrong password (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(`no-such-account-${Math.random()}`));
}
