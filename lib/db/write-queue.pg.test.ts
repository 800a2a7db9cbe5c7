// PostgreSQL's writer (no per-process queue): SERIALIZABLE transactions with retries. Read-then-write races that
// would lose updates under READ COMMITTED must lose none, and a transaction that fails for its own reasons is not
// retried. Run by the test command's PostgreSQL suite (it sets STACKWISE_TEST_PG_TEMPLATE).
import { afterAll, expect, test } from "vitest";
import { createMigratedDatabase, removeDatabase } from "@/lib/testing/temp-db";
import { createPrismaClient } from "./create-client";
import { createPgWriter, isRetryableConflict, SINGLE_ROW_EDIT } from "./write-queue";

const url = await createMigratedDatabase();
// Two clients = two pools, like two instances of the app.
const a = createPrismaClient(url);
const b = createPrismaClient(url);
const writeA = createPgWriter(a);
const writeB = createPgWriter(b);

afterAll(async () => {
  await Promise.all([a.$disconnect(), b.$disconnect()]);
  await removeDatabase(url);
});

test("100 concurrent read-then-write increments of one row over two pools lose none", async () => {
  await a.workspace.create({ data: { id: "w", name: "W", slug: "w" } });
  const results = await Promise.allSettled(
    Array.from({ length: 100 }, (_, i) =>
      (i % 2 ? writeA : writeB)(async (tx) => {
        const row = await tx.workspace.findUniqueOrThrow({ where: { id: "w" } });
        await tx.workspace.update({ where: { id: "w" }, data: { version: row.version + 1 } });
        return row.version;
      }),
    ),
  );
  expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  // Started at 1, 100 acknowledged increments: 101. Under READ COMMITTED without locks this ends far lower.
  expect((await a.workspace.findUniqueOrThrow({ where: { id: "w" } })).version).toBe(101);
  // Each transaction read a different version: the increments really were serialised.
  const seen = results.map((r) => (r as PromiseFulfilledResult<number>).value).sort((x, y) => x - y);
  expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
});

test("a transaction failing on its own is rolled back, not retried, and does not disturb its neighbours", async () => {
  let runs = 0;
  const results = await Promise.allSettled(
    Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? writeA : writeB)(async (tx) => {
        if (i === 7) runs++;
        await tx.user.create({ data: { email: `u${i}@example.test`, name: `U${i}` } });
        if (i % 10 === 7) throw new Error("rolled back on purpose");
      }),
    ),
  );
  expect(runs).toBe(1);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(54);
  expect(await a.user.count()).toBe(54);
});

test("read committed: 100 concurrent version-checked updates of one row over two pools: each version won once", async () => {
  await a.workspace.create({ data: { id: "rc", name: "RC", slug: "rc" } });
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      (i % 2 ? writeA : writeB)(async (tx) => {
        const row = await tx.workspace.findUniqueOrThrow({ where: { id: "rc" } });
        const { count } = await tx.workspace.updateMany({
          where: { id: "rc", version: row.version },
          data: { version: row.version + 1, name: `by ${i}` },
        });
        return count === 1 ? row.version + 1 : null;
      }, SINGLE_ROW_EDIT),
    ),
  );
  const won = results.filter((v): v is number => v !== null);
  const final = await a.workspace.findUniqueOrThrow({ where: { id: "rc" } });
  // Every acknowledged update is in the row's history: versions 2..final, each claimed by exactly one writer.
  expect(won.sort((x, y) => x - y)).toEqual(Array.from({ length: final.version - 1 }, (_, i) => i + 2));
  expect(won.length).toBeGreaterThan(0);
});

test("read committed: two creates of one unique row at once give one row and one second-run lookup", async () => {
  const runs: string[] = [];
  const create = (w: typeof writeA, who: string) =>
    w(async (tx) => {
      runs.push(who);
      const existing = await tx.workspace.findUnique({ where: { slug: "race" } });
      if (existing) return `found by ${who}`;
      await new Promise((r) => setTimeout(r, 200));
      await tx.workspace.create({ data: { name: who, slug: "race" } });
      return `created by ${who}`;
    }, SINGLE_ROW_EDIT);
  const out = await Promise.all([create(writeA, "a"), create(writeB, "b")]);
  expect(out.filter((o) => o.startsWith("created"))).toHaveLength(1);
  expect(out.filter((o) => o.startsWith("found"))).toHaveLength(1);
  expect(runs).toHaveLength(3);
  expect(await a.workspace.count({ where: { slug: "race" } })).toBe(1);
});

test("a writer out of retries answers the typed busy error, never the driver's", async () => {
  await a.workspace.create({ data: { id: "busy", name: "Busy", slug: "busy" } });
  const impatient = createPgWriter(a, { attempts: 1, ms: 0 });
  const results = await Promise.allSettled(
    Array.from({ length: 30 }, () =>
      impatient(async (tx) => {
        const row = await tx.workspace.findUniqueOrThrow({ where: { id: "busy" } });
        await new Promise((r) => setTimeout(r, 20));
        await tx.workspace.update({ where: { id: "busy" }, data: { version: row.version + 1 } });
      }),
    ),
  );
  const reasons = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
  expect(reasons.length).toBeGreaterThan(0);
  for (const r of reasons) expect(r).toMatchObject({ code: "busy", status: 503 });
  const done = results.length - reasons.length;
  expect((await a.workspace.findUniqueOrThrow({ where: { id: "busy" } })).version).toBe(1 + done);
});

test("a unique violation is the caller's error, not a retry", async () => {
  await expect(writeA(async (tx) => tx.workspace.create({ data: { name: "dup", slug: "w" } }))).rejects.toMatchObject({
    code: "P2002",
  });
});

test.each([
  [{ code: "P2034" }, true],
  [{ code: "P2002" }, false],
  [{ message: "ERROR: could not serialize access due to concurrent update" }, true],
  [{ message: "deadlock detected" }, true],
  [{ cause: { code: "40001" } }, true],
  // What @prisma/adapter-pg 6.19 throws from inside an interactive transaction (seen on the two-instance test).
  [
    {
      name: "DriverAdapterError",
      message: "TransactionWriteConflict",
      cause: { originalCode: "40001", kind: "TransactionWriteConflict" },
    },
    true,
  ],
  [{ cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } }, false],
  [new Error("rolled back on purpose"), false],
  [null, false],
])("isRetryableConflict(%o) = %s", (e, expected) => {
  expect(isRetryableConflict(e)).toBe(expected);
});
