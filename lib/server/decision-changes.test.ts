// The decision change summary reads only the decision's own audit events (AuditEvent.decisionId, one indexed query),
// and says the same as the old scan of the whole workspace did. The fixture interleaves edits of two decisions of one
// workspace and of a second workspace; the expected summary is written out by hand from the edits made.
import "@/lib/testing/use-temp-db";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "./actor";
import { addCriterion, removeCriterion, updateCriterionField } from "./criteria";
import { db, provider } from "./db";
import { listDecisionChanges } from "./exports";
import { saveScore } from "./scores";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let home: Seeded;
let other: Seeded;
let ada: Actor;
let otherAda: Actor;
const broker = () => home.decisions.get("broker")!;
const gc = () => home.decisions.get("gc")!;

async function criteria(decisionId: string) {
  return db.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" } });
}
async function candidates(decisionId: string) {
  return db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" } });
}
async function setWeight(actor: Actor, c: { id: string; version: number; weight: number }, value: number) {
  await updateCriterionField(actor, {
    criterionId: c.id,
    version: c.version,
    field: "weight",
    base: c.weight,
    value: String(value),
  });
}

beforeAll(async () => {
  home = await seedDemoWorkspace(db, { slug: "home", emailDomain: "home.test" });
  other = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  ada = { userId: home.users.get("ada")!, workspaceId: home.workspace.id, role: "ARCHITECT" };
  otherAda = { userId: other.users.get("ada")!, workspaceId: other.workspace.id, role: "ARCHITECT" };

  const [b0, b1] = await criteria(broker());
  const [k0] = await candidates(broker());
  const [g0] = await criteria(gc());
  const [o0] = await criteria(other.decisions.get("broker")!);
  // Interleaved: broker, gc, the other workspace's broker, broker again, …
  await setWeight(ada, b0, 40); // broker 1
  await setWeight(ada, g0, 33); // gc
  await setWeight(otherAda, o0, 7); // other workspace
  const added = await addCriterion(ada, { decisionId: broker(), name: "Licence cost" }); // broker 2
  await addCriterion(ada, { decisionId: gc(), name: "Pause time" }); // gc
  const score = await db.score.findFirstOrThrow({
    where: { criterionId: b1.id, candidateId: k0.id, evaluatorId: ada.userId },
  });
  await saveScore(ada, {
    decisionId: broker(),
    criterionId: b1.id,
    candidateId: k0.id,
    value: 3,
    version: score.version,
  }); // broker 3
  await removeCriterion(ada, added.id); // broker 4 (the removed criterion keeps its name through its snapshot)
  await setWeight(ada, { ...g0, version: g0.version + 1, weight: 33 }, 34); // gc
});

afterEach(() => vi.restoreAllMocks());

describe("decision change summary", () => {
  test("lists exactly the decision's own changes, newest first, as the workspace scan did", async () => {
    const [b0, b1] = await criteria(broker());
    const [k0] = await candidates(broker());
    const { changes, changeCount } = await listDecisionChanges(ada, broker());
    // Four broker edits; the gc and other-workspace edits (four) are not part of its story. The old scan gave the
    // same list except "criterion.created" of the since-removed criterion: that event names neither the decision
    // nor a current part, so the scan lost it (count 3); the decisionId column keeps it.
    expect(changeCount).toBe(4);
    expect(changes.map((c) => [c.action, c.actorName, c.criterion ?? null, c.candidate ?? null, c.from, c.to])).toEqual(
      [
        ["criterion.removed", "Ada Architect", "Licence cost", null, undefined, undefined],
        ["score.updated", "Ada Architect", b1.name, k0.name, expect.any(Number), 3],
        ["criterion.created", "Ada Architect", "Licence cost", null, undefined, undefined],
        ["criterion.updated", "Ada Architect", b0.name, null, 20, 40],
      ],
    );
  });

  test("the other decision's summary has its own three edits and nothing of the broker's", async () => {
    const [g0] = await criteria(gc());
    const { changes, changeCount } = await listDecisionChanges(ada, gc());
    expect(changeCount).toBe(3);
    expect(changes.map((c) => [c.action, c.criterion, c.from, c.to])).toEqual([
      ["criterion.updated", g0.name, 33, 34],
      ["criterion.created", "Pause time", undefined, undefined],
      ["criterion.updated", g0.name, expect.any(Number), 33],
    ]);
  });

  test("reads no audit event of another decision", async () => {
    const findMany = vi.spyOn(db.auditEvent, "findMany");
    await listDecisionChanges(ada, broker());
    const read = (await Promise.all(findMany.mock.results.map((r) => r.value))).flat() as { decisionId: string }[];
    expect(findMany).toHaveBeenCalled();
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((e) => e.decisionId !== broker())).toEqual([]);
    for (const [args] of findMany.mock.calls) expect(args?.where).toMatchObject({ decisionId: broker() });
  });
});

describe("migration backfill", () => {
  test("events written before the column existed get the decision the old scan attributed them to", async () => {
    const [b0] = await criteria(broker());
    const ids = await db.auditEvent.findMany({
      where: { workspaceId: home.workspace.id },
      select: { id: true, decisionId: true },
    });
    const expected = new Map(ids.map((e) => [e.id, e.decisionId]));
    await db.auditEvent.updateMany({ where: { workspaceId: home.workspace.id }, data: { decisionId: null } });
    // An old-style criterion event: no decisionId in its JSON, attributed through the criterion's current row.
    const bare = await db.auditEvent.create({
      data: {
        workspaceId: home.workspace.id,
        action: "criterion.updated",
        entityType: "Criterion",
        entityId: b0.id,
        before: { name: "a" },
        after: { name: "b" },
      },
    });
    expected.set(bare.id, broker());
    // Each backend's own migration: the PostgreSQL run checks the PostgreSQL backfill on the same fixture.
    const dir = provider === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
    const name = readdirSync(dir).find((d) => d.endsWith("_audit_decision_id"))!;
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const update = sql.slice(sql.indexOf("UPDATE"));
    await db.$executeRawUnsafe(update);
    const after = await db.auditEvent.findMany({
      where: { workspaceId: home.workspace.id },
      select: { id: true, decisionId: true },
    });
    expect(new Map(after.map((e) => [e.id, e.decisionId]))).toEqual(expected);
  });
});
