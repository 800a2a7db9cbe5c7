// Why refreshDerivedColumns exists: SQLite's lower() folds ASCII only, so the migration's SQL backfill leaves
// non-ASCII capitals in titleSearch. SQLite only (the test command's PostgreSQL run leaves *.sqlite.test.ts out:
// PostgreSQL's lower() folds by its collation).
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMigratedDatabase, removeDatabase } from "@/lib/testing/temp-db";
import { createPrismaClient, type PrismaClient } from "./create-client";

let url: string;
let db: PrismaClient;

beforeAll(async () => {
  url = await createMigratedDatabase();
  db = createPrismaClient(url);
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await removeDatabase(url);
});

test("SQLite's lower() is why the repair exists", async () => {
  const [{ v }] = await db.$queryRaw<{ v: string }[]>`SELECT lower('ÖL') AS v`;
  expect(v).toBe("Öl");
});
