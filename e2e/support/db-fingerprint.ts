// A digest of everything a user can change in a SQLite database, to prove that refused input wrote nothing. Session
// and throttle bookkeeping are left out: a refused sign-in legitimately counts an attempt, and every request may
// touch its session's last-used time.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

const BOOKKEEPING = /^(_prisma_migrations|sqlite_.*|Session|LoginAttempt)$|throttle|attempt|rate.?limit/i;

export function databaseFingerprint(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    const out = new Map<string, string>();
    for (const { name } of tables) {
      if (BOOKKEEPING.test(name)) continue;
      const hash = createHash("sha256");
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
        hash.update(JSON.stringify(row));
      out.set(name, hash.digest("hex"));
    }
    return out;
  } finally {
    db.close();
  }
}

/** Names of the tables whose contents differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
