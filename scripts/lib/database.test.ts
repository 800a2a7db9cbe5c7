// The start command's database step on a real file: first start migrates and seeds, a restart keeps user data and
// never re-seeds, and deleting the data directory gives a fresh seeded database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { prepareDatabase } from "./database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-start-"));
const url = `file:${path.join(dir, "data", "stackwise.db")}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function titles(): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    return (await db.decision.findMany({ orderBy: { title: "asc" }, select: { title: true } })).map((d) => d.title);
  } finally {
    await db.$disconnect();
  }
}

const DEMO = [
  "Backend language for the API gateway",
  "Garbage collector for the payments service",
  "Message broker for order events",
];

test("first start seeds, restart keeps data, deleting the data directory re-seeds", { timeout: 120_000 }, async () => {
  await prepareDatabase(url);
  expect(await titles()).toEqual(DEMO);

  const db = createPrismaClient(url);
  const workspace = await db.workspace.findFirstOrThrow();
  await db.decision.create({ data: { workspaceId: workspace.id, title: "ZZ user decision" } });
  await db.decision.updateMany({ where: { title: DEMO[2] }, data: { context: "edited by a user" } });
  await db.$disconnect();

  await prepareDatabase(url);
  expect(await titles()).toEqual([...DEMO, "ZZ user decision"]);
  const again = createPrismaClient(url);
  expect((await again.decision.findFirstOrThrow({ where: { title: DEMO[2] } })).context).toBe("edited by a user");
  await again.$disconnect();

  fs.rmSync(path.join(dir, "data"), { recursive: true, force: true });
  await prepareDatabase(url);
  expect(await titles()).toEqual(DEMO);
});
