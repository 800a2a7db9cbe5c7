// A digest of everything a user can change in the database (SQLite or PostgreSQL), to prove that refused input wrote
// nothing. Session and throttle bookkeeping are left out: a refused sign-in legitimately counts an attempt, and every
// request may touch its session's last-used time.
import { createHash } from "node:crypto";
import type { RawDb } from "./raw-db";

const BOOKKEEPING = /^(_prisma_migrations|sqlite_.*|Session|LoginAttempt)$|throttle|attempt|rate.?limit/i;

/** Through a connection the caller keeps open: a suite fingerprints after every input it sends. */
export async function fingerprintOf(db: RawDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await db.tables()) {
    if (BOOKKEEPING.test(name)) continue;
    const hash = createHash("sha256");
    for (const row of await db.rowsAsText(name)) hash.update(row);
    out.set(name, hash.digest("hex"));
  }
  return out;
}

/** Names of the tables whose contents differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
