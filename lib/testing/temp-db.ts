// A fresh, migrated database per test file, so tests run the same migrations as production and never share state.
// SQLite (default): `prisma migrate deploy` on a new file under the OS temp dir. PostgreSQL (when the test command
// sets STACKWISE_TEST_PG_TEMPLATE to the URL of a database it migrated once): a new database copied from that
// template, which takes milliseconds instead of a migrate run per file.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPgDatabase, dropPgDatabase } from "@/scripts/lib/pg-admin";

const TEMPLATE = process.env.STACKWISE_TEST_PG_TEMPLATE;

export function createMigratedDatabaseUrl(): string {
  if (TEMPLATE) throw new Error("On PostgreSQL use createMigratedDatabase() (asynchronous)");
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return url;
}

/** A migrated database for one test file, on whichever backend the test run uses. */
export async function createMigratedDatabase(): Promise<string> {
  if (!TEMPLATE) return createMigratedDatabaseUrl();
  return createPgDatabase(TEMPLATE, `t_${randomUUID().replace(/-/g, "")}`, new URL(TEMPLATE).pathname.slice(1));
}

/** Deletes a database made by createMigratedDatabase (its file folder, or the PostgreSQL database). */
export async function removeDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true });
    return;
  }
  await dropPgDatabase(url);
}

export const testProvider = (): "sqlite" | "postgresql" => (TEMPLATE ? "postgresql" : "sqlite");
