// Many concurrent writers through one client: every acknowledged write is in the database afterwards, and a failing
// transaction neither blocks the queue nor loses its neighbours' writes (guards against prisma/orm#29933).
import { afterAll, expect, test } from "vitest";
import { createMigratedDatabaseUrl } from "@/lib/testing/temp-db";
import { createPrismaClient } from "./create-client";
import { createWriteQueue } from "./write-queue";

const url = createMigratedDatabaseUrl();
const db = createPrismaClient(url);
const writeTransaction = createWriteQueue(db);

afterAll(() => db.$disconnect());

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
