// A fresh, migrated SQLite database per test file: `prisma migrate deploy` on a new file under the OS temp dir, so
// tests run the same migrations as production and never share state.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function createMigratedDatabaseUrl(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return url;
}

/** Deletes a database made by createMigratedDatabaseUrl (its whole temporary folder). */
export function removeDatabase(url: string): void {
  rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true });
}
