// Moving an installation SQLite → PostgreSQL → SQLite: the demo workspace plus rows with awkward values arrive
// unchanged at every step (row counts and per-table checksums equal, and the awkward values read back as written),
// an occupied target is refused without --force, and a single altered value is caught by the verification.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createMigratedDatabase, removeDatabase } from "@/lib/testing/temp-db";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { compareDatabases, copyDatabase, CopyRefused, migrate, tableChecksums } from "./copy";
import { AWKWARD_DATE, AWKWARD_SETTINGS, AWKWARD_TEXT, BIG, seedAwkwardRows } from "./testing/awkward-data";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-copy-"));
const sqliteA = `file:${path.join(dir, "a.db")}`;
const sqliteB = `file:${path.join(dir, "b.db")}`;
let pgUrl: string;
let ids: Awaited<ReturnType<typeof seedAwkwardRows>>;
const clients: PrismaClient[] = [];
const open = (url: string) => {
  const c = createPrismaClient(url);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  await migrate(sqliteA);
  const a = open(sqliteA);
  const demo = await seedDemoWorkspace(a);
  ids = await seedAwkwardRows(a, demo.workspace.id);
  pgUrl = await createMigratedDatabase();
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  if (pgUrl) await removeDatabase(pgUrl);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("SQLite → PostgreSQL → SQLite keeps every row: counts and checksums equal at each step", async () => {
  const original = await tableChecksums(open(sqliteA));
  // The fixture really fills the tables a move must carry (not a copy of empty tables).
  const rows = Object.fromEntries(original.map((t) => [t.table, t.rows]));
  for (const t of ["Workspace", "User", "Account", "Membership", "Decision", "Criterion", "Candidate", "Score"])
    expect(rows[t], t).toBeGreaterThan(0);
  expect(rows.RateLimit).toBe(1);

  const toPg = await copyDatabase({ from: sqliteA, to: pgUrl, skipMigrate: true, batch: 7 });
  expect(toPg.tables.filter((t) => !t.match)).toEqual([]);
  expect(toPg.ok).toBe(true);
  expect(toPg.copiedRows).toBe(original.reduce((s, t) => s + t.rows, 0));
  expect(await tableChecksums(open(pgUrl))).toEqual(original);

  const back = await copyDatabase({ from: pgUrl, to: sqliteB, batch: 5 });
  expect(back.ok).toBe(true);
  expect(await tableChecksums(open(sqliteB))).toEqual(original);
}, 120_000);

test("the awkward values read back from PostgreSQL exactly as written", async () => {
  const pg = open(pgUrl);
  const older = await pg.decision.findUniqueOrThrow({ where: { id: ids.olderDecisionId } });
  expect(older.title).toBe(AWKWARD_TEXT);
  expect(older.settings).toEqual(AWKWARD_SETTINGS);
  expect(older.decidedAt?.toISOString()).toBe("2026-01-02T03:04:05.678Z");
  expect(older.createdAt.getTime()).toBe(AWKWARD_DATE.getTime());
  expect(older.archivedAt).toBeNull();
  expect(older.supersededById).toBe(ids.newerDecisionId);
  const limit = await pg.rateLimit.findFirstOrThrow({ where: { key: "ip:🦊:2001:db8::1" } });
  expect(limit.windowStart).toBe(BIG.bigint);
  expect(limit.lastAt).toBe(BIG.minBigint);
  expect(limit.count).toBe(BIG.int);
  const criterion = await pg.criterion.findFirstOrThrow({ where: { decisionId: ids.olderDecisionId } });
  expect(criterion.weight).toBe(1e300);
  expect(criterion.best).toBe(0.3333333333333333);
  expect(criterion.position).toBe(BIG.int);
  const score = await pg.score.findFirstOrThrow({ where: { evaluatorId: ids.scoreEvaluatorId } });
  expect(score.value).toBe(7.123456789012345);
  const audit = await pg.auditEvent.findFirstOrThrow({ where: { action: "test.awkward" } });
  expect(audit.before).toBeNull();
  expect(audit.after).toEqual({ title: AWKWARD_TEXT, list: [], empty: {}, t: true, f: false });
  // updatedAt is the source's, not the moment of the copy.
  const src = await open(sqliteA).decision.findUniqueOrThrow({ where: { id: ids.olderDecisionId } });
  expect(older.updatedAt.getTime()).toBe(src.updatedAt.getTime());
});

test("a target that holds rows is refused without force, and emptied and refilled with it", async () => {
  await expect(copyDatabase({ from: sqliteA, to: pgUrl, skipMigrate: true })).rejects.toBeInstanceOf(CopyRefused);
  const forced = await copyDatabase({ from: sqliteA, to: pgUrl, skipMigrate: true, force: true });
  expect(forced.ok).toBe(true);
});

test("one altered score is reported as a mismatch of the Score table, and of its decision's input revision", async () => {
  const pg = open(pgUrl);
  const score = await pg.score.findFirstOrThrow({ where: { evaluatorId: ids.scoreEvaluatorId } });
  // The smallest change a float can take: the next representable number above the value.
  const next = new Float64Array(1);
  new BigInt64Array(next.buffer)[0] = new BigInt64Array(new Float64Array([score.value]).buffer)[0] + 1n;
  await pg.$executeRawUnsafe(`UPDATE "Score" SET "value" = $1 WHERE "id" = $2`, next[0], score.id);
  const cmp = await compareDatabases(open(sqliteA), pg);
  // The trigger of lib/db/input-revisions.ts bumped the decision's counter in the same statement: a real difference
  // too, and the only one in that table.
  expect(cmp.filter((t) => !t.match).map((t) => t.table)).toEqual(["Decision", "Score"]);
  const scoreRow = cmp.find((t) => t.table === "Score")!;
  expect(scoreRow.rowsFrom).toBe(scoreRow.rowsTo);
  const criterion = await pg.criterion.findUniqueOrThrow({ where: { id: score.criterionId } });
  const [before, after] = await Promise.all(
    [open(sqliteA), pg].map((db) => db.decision.findUniqueOrThrow({ where: { id: criterion.decisionId } })),
  );
  expect(after.inputsRevision).toBeGreaterThan(before.inputsRevision);
  expect({ ...after, inputsRevision: 0 }).toEqual({ ...before, inputsRevision: 0 });
});
