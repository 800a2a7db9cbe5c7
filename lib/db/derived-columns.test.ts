// The derived columns of Decision are filled in by every kind of write the client offers, and repaired for rows that
// SQL backfilled differently (SQLite's lower() leaves non-ASCII capitals alone).
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMigratedDatabase, removeDatabase } from "@/lib/testing/temp-db";
import { createPrismaClient, type PrismaClient } from "./create-client";
import { refreshDerivedColumns } from "./derived-columns";

let url: string;
let db: PrismaClient;
let workspaceId: string;

beforeAll(async () => {
  url = await createMigratedDatabase();
  db = createPrismaClient(url);
  workspaceId = (await db.workspace.create({ data: { name: "W", slug: "w" } })).id;
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await removeDatabase(url);
});

const derived = (id: string) =>
  db.decision.findUniqueOrThrow({ where: { id }, select: { titleSearch: true, statusRank: true } });

test("create, update, { set }, updateMany, upsert and createMany keep titleSearch and statusRank", async () => {
  const a = await db.decision.create({ data: { workspaceId, title: "ÄPFEL Und Birnen", status: "DECIDED" } });
  expect(await derived(a.id)).toEqual({ titleSearch: "äpfel und birnen", statusRank: 2 });
  await db.decision.update({ where: { id: a.id }, data: { title: { set: "ΣΟΦΙΑ" }, status: "IN_REVIEW" } });
  expect(await derived(a.id)).toEqual({ titleSearch: "σοφια", statusRank: 1 });
  await db.decision.updateMany({ where: { id: a.id }, data: { status: "SUPERSEDED" } });
  expect(await derived(a.id)).toEqual({ titleSearch: "σοφια", statusRank: 3 });
  const b = await db.decision.upsert({
    where: { id: "missing" },
    create: { workspaceId, title: "Kafka OR Pulsar" },
    update: {},
  });
  expect(await derived(b.id)).toEqual({ titleSearch: "kafka or pulsar", statusRank: 0 });
  await db.decision.createMany({ data: [{ workspaceId, title: "ÉCOLE", status: "DECIDED" }] });
  const pct = await db.decision.create({ data: { workspaceId, title: "100% A_B" } });
  // LIKE's wildcards become private-use characters, so a search for them is literal.
  expect((await derived(pct.id)).titleSearch).toBe("100\ue025 a\ue05fb");
  const c = await db.decision.findFirstOrThrow({ where: { title: "ÉCOLE" } });
  expect(await derived(c.id)).toEqual({ titleSearch: "école", statusRank: 2 });
});

test("refreshDerivedColumns repairs what SQL backfilled, leaves updatedAt and version alone, then has nothing to do", async () => {
  const d = await db.decision.create({ data: { workspaceId, title: "ÖL Und Gas", status: "DECIDED" } });
  // What the migration's SQL writes on SQLite for this row: lower() folds the ASCII letters only.
  await db.$executeRaw`UPDATE "Decision" SET "titleSearch" = ${"Öl und gas"}, "statusRank" = 0 WHERE "id" = ${d.id}`;
  const before = await db.decision.findUniqueOrThrow({ where: { id: d.id } });
  expect(await refreshDerivedColumns(db, 2)).toBe(1);
  const after = await db.decision.findUniqueOrThrow({ where: { id: d.id } });
  expect([after.titleSearch, after.statusRank]).toEqual(["öl und gas", 2]);
  expect([after.updatedAt, after.version]).toEqual([before.updatedAt, before.version]);
  expect(await refreshDerivedColumns(db, 2)).toBe(0);
});
