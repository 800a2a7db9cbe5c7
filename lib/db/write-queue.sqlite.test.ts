// SQLite only (the PostgreSQL writer has lib/db/write-queue.pg.test.ts). Many concurrent writers through one client: every acknowledged write is in the database afterwards, and a failing
// transaction neither blocks the queue nor loses its neighbours' writes (guards against prisma/orm#29933).
import { spawn } from "node:child_process";
import { afterAll, expect, test } from "vitest";
import { createMigratedDatabaseUrl, removeDatabase } from "@/lib/testing/temp-db";
import { createPrismaClient } from "./create-client";
import { createWriteQueue } from "./write-queue";

const url = createMigratedDatabaseUrl();
const db = createPrismaClient(url);
const writeTransaction = createWriteQueue(db);

afterAll(async () => {
  await db.$disconnect();
  await removeDatabase(url);
});

test("200 concurrent write transactions, one of every ten failing, lose nothing acknowledged", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 200 }, (_, i) =>
      writeTransaction(async (tx) => {
        await tx.workspace.create({ data: { name: `W${i}`, slug: `w-${i}` } });
        await tx.user.create({ data: { email: `u${i}@example.test`, name: `U${i}` } });
        if (i % 10 === 9) throw new Error("rolled back on purpose");
        return i;
      }),
    ),
  );
  const acknowledged = results.filter((r) => r.status === "fulfilled").length;
  expect(acknowledged).toBe(180);
  expect(await db.workspace.count()).toBe(180);
  expect(await db.user.count()).toBe(180);
});

test("a second process-level client sees the committed rows (WAL mode, busy timeout)", async () => {
  const other = createPrismaClient(url);
  try {
    const mode = await other.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode[0].journal_mode).toBe("wal");
    expect(await other.workspace.count()).toBe(180);
  } finally {
    await other.$disconnect();
  }
});

test(
  "a transaction that reads before it writes survives another process committing in between",
  { timeout: 60_000 },
  async () => {
    // Without taking the write lock first, SQLite (WAL) answers the late write with SQLITE_BUSY at once, because the
    // transaction's read snapshot is older than the other process's commit; the busy timeout never applies.
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    const tx = writeTransaction(async (t) => {
      await t.workspace.count();
      entered();
      await gate;
      return t.workspace.create({ data: { name: "late writer", slug: "late-writer" } });
    });
    await inside;
    const file = url.replace(/^file:/, "");
    const script = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(file)}, { timeout: 15000 });
    db.prepare("INSERT INTO Workspace (id, name, slug, updatedAt) VALUES ('other-process', 'other', 'other-process', 0)").run();`;
    const child = spawn(process.execPath, ["-e", script], { stdio: "inherit" });
    const childExit = new Promise<number | null>((r) => child.on("exit", r));
    await new Promise((r) => setTimeout(r, 500));
    release();
    await expect(tx).resolves.toMatchObject({ slug: "late-writer" });
    expect(await childExit).toBe(0);
    expect(await db.workspace.count({ where: { slug: { in: ["late-writer", "other-process"] } } })).toBe(2);
  },
);
