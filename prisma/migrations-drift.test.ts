// SQLite's committed migrations produce exactly prisma/schema.prisma (replayed in a shadow database): a schema edit
// without `npm run db:migrate` fails here. PostgreSQL's twin is prisma/postgresql/migrations.pg.test.ts.
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, expect, test } from "vitest";
import { migrationDiff } from "@/scripts/db/migration-diff";

const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("SQLite: prisma/migrations reach prisma/schema.prisma", { timeout: 180_000 }, async () => {
  expect(await migrationDiff("sqlite", `file:${path.join(dir, "drift.db")}`)).toBe("");
});
