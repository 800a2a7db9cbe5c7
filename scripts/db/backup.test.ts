// SQLite backup → restore round trip: a backup taken while a connection is open (WAL mode, unflushed writes) holds
// every row; restoring it brings back exactly the backed-up data (checksums equal) after later changes, keeps the
// replaced database aside, and is refused without --yes over data and while another process holds the file.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { backupDatabase, sqliteIntegrity } from "./backup";
import { migrate, tableChecksums } from "./copy";
import { processesHolding, RestoreRefused, restoreDatabase } from "./restore";
import { seedAwkwardRows } from "./testing/awkward-data";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-backup-"));
const dbFile = path.join(dir, "live", "stackwise.db");
const url = `file:${dbFile}`;
const dataDir = path.join(dir, "data");
let db: PrismaClient;

beforeAll(async () => {
  await migrate(url);
  db = createPrismaClient(url);
  const demo = await seedDemoWorkspace(db);
  await seedAwkwardRows(db, demo.workspace.id);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("backup of a live database, then restore over later changes, gives back exactly the backed-up rows", async () => {
  const before = await tableChecksums(db);
  // The connection is still open: the latest writes may sit in the WAL only, which a plain file copy would miss.
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
  const out = path.join(dataDir, "backups", "one.db");
  const backup = await backupDatabase(url, out);
  expect(backup.file).toBe(out);
  expect(backup.bytes).toBe(fs.statSync(out).size);
  expect(() => sqliteIntegrity(out)).not.toThrow();
  expect(backup.counts).toEqual(before.map((t) => ({ table: t.table, rows: t.rows })));
  const copy = createPrismaClient(`file:${out}`);
  expect(await tableChecksums(copy)).toEqual(before);
  await copy.$disconnect();

  // Later changes that the restore must undo.
  const decisions = await db.decision.count();
  await db.decision.deleteMany({ where: { title: { startsWith: "Supersedes" } } });
  await db.workspace.create({ data: { name: "After the backup", slug: "after" } });
  expect(await db.decision.count()).toBe(decisions - 1);

  // This process holds the file open: refused, whatever --yes says.
  expect(processesHolding(dbFile)).toEqual([]); // our own process does not count…
  await db.$disconnect();

  // …but another process does.
  const holder = spawn(process.execPath, [
    "-e",
    `const D=require(${JSON.stringify(require.resolve("better-sqlite3"))});const d=new D(${JSON.stringify(dbFile)});` +
      `d.prepare("SELECT 1").get();console.log("open");setInterval(()=>{},1e6)`,
  ]);
  await new Promise<void>((r) => holder.stdout.once("data", () => r()));
  try {
    expect(processesHolding(dbFile)).toContain(holder.pid);
    await expect(restoreDatabase(url, out, { yes: true, dataDir })).rejects.toThrow(/open in process/);
  } finally {
    holder.kill("SIGKILL");
    await new Promise((r) => holder.once("exit", r));
  }

  await expect(restoreDatabase(url, out, { dataDir })).rejects.toBeInstanceOf(RestoreRefused);
  const restored = await restoreDatabase(url, out, { yes: true, dataDir });
  expect(restored.counts).toEqual(backup.counts);
  // The replaced database is kept: it still has the post-backup workspace.
  expect(restored.previous).toBeDefined();
  const previous = createPrismaClient(`file:${restored.previous}`);
  expect(await previous.workspace.count({ where: { slug: "after" } })).toBe(1);
  await previous.$disconnect();

  db = createPrismaClient(url);
  expect(await tableChecksums(db)).toEqual(before);
  expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.includes(".restore-"))).toEqual([]);
}, 120_000);

test("a damaged or foreign file is refused before the database is touched", async () => {
  const junk = path.join(dir, "junk.db");
  fs.writeFileSync(junk, "SQLite format 3\0" + "x".repeat(5000));
  const before = await tableChecksums(db);
  await db.$disconnect();
  await expect(restoreDatabase(url, junk, { yes: true, dataDir })).rejects.toThrow();
  db = createPrismaClient(url);
  expect(await tableChecksums(db)).toEqual(before);
});
