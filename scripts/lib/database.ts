// Brings a database up to date: applies committed migrations, then seeds the demo workspace if it is empty.
// SQLite: the file's folder is created first. PostgreSQL: the whole step runs under an advisory lock, so instances
// starting together never race — the first migrates and seeds, the others wait and then find nothing to do.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl, pgConfig } from "../../lib/db/pg-adapter";
import { BIN, baseEnv, quiet, run } from "./run";

/** Any constant both the start script and other tools agree on; distinct from Prisma Migrate's own lock. */
export const PREPARE_LOCK_KEY = 0x5354_4b57; // "STKW"

async function migrateAndSeed(databaseUrl: string, log?: (msg: string) => void) {
  const env = baseEnv({ DATABASE_URL: databaseUrl });
  // Prisma's CLI is chatty (and warns that the schema url is unused with a driver adapter); show it only on failure.
  await quiet(BIN("prisma"), ["migrate", "deploy"], { env });
  log?.("Database migrated.");
  const code = await run(BIN("tsx"), ["prisma/seed.ts"], { env, stdio: ["ignore", "inherit", "inherit"] });
  if (code !== 0) throw new Error(`Seeding failed (exit ${code})`);
}

/** Runs fn while holding a PostgreSQL session-level advisory lock on its own connection. */
export async function withPgLock<T>(databaseUrl: string, key: number, fn: () => Promise<T>, log?: (m: string) => void) {
  const client = new pg.Client({ ...pgConfig(databaseUrl), statement_timeout: 0 });
  await client.connect();
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [key]);
    if (!got.rows[0].ok) {
      log?.("Another instance is migrating the database; waiting for it.");
      await client.query("SELECT pg_advisory_lock($1)", [key]);
    }
    return await fn();
  } finally {
    // Closing the session releases the lock too, should the unlock fail.
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => undefined);
    await client.end();
  }
}

export async function prepareDatabase(databaseUrl: string, opts: { log?: (msg: string) => void } = {}): Promise<void> {
  if (isPostgresUrl(databaseUrl)) {
    await withPgLock(databaseUrl, PREPARE_LOCK_KEY, () => migrateAndSeed(databaseUrl, opts.log), opts.log);
    return;
  }
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await migrateAndSeed(databaseUrl, opts.log);
}
