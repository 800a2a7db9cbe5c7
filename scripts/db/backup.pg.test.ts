// PostgreSQL backup → restore round trip with the Debian client tools: pg_dump of a database with the demo and awkward
// rows, later changes, then pg_restore --clean --single-transaction brings back exactly the backed-up rows (checksums
// equal); a target with rows is refused without --yes; restoring into a fresh, empty database works too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createMigratedDatabase, removeDatabase } from "@/lib/testing/temp-db";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { createPgDatabase } from "../lib/pg-admin";
import { backupDatabase, findPgTools } from "./backup";
import { tableChecksums } from "./copy";
import { RestoreRefused, restoreDatabase } from "./restore";
import { seedAwkwardRows } from "./testing/awkward-data";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-pgbackup-"));
let url: string;
let empty: string;
let db: PrismaClient;

beforeAll(async () => {
  url = await createMigratedDatabase();
  db = createPrismaClient(url);
  const demo = await seedDemoWorkspace(db);
  await seedAwkwardRows(db, demo.workspace.id);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  if (url) await removeDatabase(url);
  if (empty) await removeDatabase(empty);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the newest pg_dump is chosen", () => {
  const found = findPgTools("pg_dump");
  expect(found.length).toBeGreaterThan(0);
  expect(found.map((f) => f.major)).toEqual([...found.map((f) => f.major)].sort((a, b) => b - a));
});

test("pg_dump → later changes → pg_restore gives back exactly the backed-up rows", async () => {
  const before = await tableChecksums(db);
  const out = path.join(dir, "one.dump");
  const backup = await backupDatabase(url, out);
  expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe("PGDMP");
  expect(backup.bytes).toBe(fs.statSync(out).size);
  expect(backup.counts).toEqual(before.map((t) => ({ table: t.table, rows: t.rows })));

  await db.decision.deleteMany({ where: { title: { startsWith: "Supersedes" } } });
  await db.workspace.create({ data: { name: "After the backup", slug: "after" } });
  expect(await tableChecksums(db)).not.toEqual(before);
  await db.$disconnect();

  await expect(restoreDatabase(url, out)).rejects.toBeInstanceOf(RestoreRefused);
  const restored = await restoreDatabase(url, out, { yes: true });
  expect(restored.counts).toEqual(backup.counts);
  db = createPrismaClient(url);
  expect(await tableChecksums(db)).toEqual(before);

  // Into a brand-new database that has never been migrated: the dump carries the schema and the migration history.
  empty = await createPgDatabase(url, `r_${Date.now()}`);
  const fresh = await restoreDatabase(empty, out);
  expect(fresh.counts).toEqual(backup.counts);
  const other = createPrismaClient(empty);
  expect(await tableChecksums(other)).toEqual(before);
  expect(await other.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM _prisma_migrations`)).toEqual([
    {
      n: BigInt(
        fs.readdirSync("prisma/postgresql/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length,
      ),
    },
  ]);
  await other.$disconnect();
}, 120_000);

test("a file that is not a pg_dump archive is refused before the database is touched", async () => {
  const junk = path.join(dir, "junk.dump");
  fs.writeFileSync(junk, "not a dump");
  const before = await tableChecksums(db);
  await expect(restoreDatabase(url, junk, { yes: true })).rejects.toThrow(/not a pg_dump archive/);
  expect(await tableChecksums(db)).toEqual(before);
});
