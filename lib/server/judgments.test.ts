import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import type { Actor } from "./actor";
import type { DomainError } from "@/lib/errors/domain-error";
import { db } from "./db";
import { applyAhpWeights, getAhpView, saveJudgment } from "./judgments";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let other: Awaited<ReturnType<typeof seedDemoWorkspace>>;
const actor = (ws: typeof demo, key: string, role: Actor["role"]): Actor => ({
  userId: ws.users.get(key)!,
  workspaceId: ws.workspace.id,
  role,
});
let ada: Actor, bo: Actor, lead: Actor, viewer: Actor, foreignAda: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  other = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  ada = actor(demo, "ada", "ARCHITECT");
  bo = actor(demo, "bo", "ARCHITECT");
  lead = actor(demo, "lead", "TEAM_LEAD");
  viewer = actor(demo, "viewer", "VIEWER");
  foreignAda = actor(other, "ada", "ARCHITECT");
});

// Wikipedia's AHP "leader" example, criteria Experience, Education, Charisma, Age (upper triangle):
// a12 = 4, a13 = 3, a14 = 7, a23 = 1/3, a24 = 3, a34 = 5. numpy (np.linalg.eig, principal eigenvector):
// w = .54756924, .12655528, .26994992, .05592555 → ×100 rounded: 54.76, 12.66, 26.99, 5.59.
const LEADER = { "0,1": 4, "0,2": 3, "0,3": 7, "1,2": 1 / 3, "1,3": 3, "2,3": 5 } as Record<string, number>;

async function fourCriteria() {
  const template = { ...BROKER_TEMPLATE, criteria: BROKER_TEMPLATE.criteria.slice(0, 4), scores: [] };
  const d = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template,
    evaluatorIds: [],
    skillIds: demo.skillIds,
  });
  const criteria = await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
  return { id: d.id, criteria };
}

describe("saveJudgment", () => {
  test("one row per evaluator and unordered pair; answering the reverse orientation stores the reciprocal", async () => {
    const d = await fourCriteria();
    const [a, b] = d.criteria;
    const j = await saveJudgment(ada, {
      decisionId: d.id,
      criterionAId: a.id,
      criterionBId: b.id,
      value: 3,
      version: null,
    });
    expect(j).toMatchObject({ evaluatorId: ada.userId, value: 3, version: 1 });
    const reversed = await saveJudgment(ada, {
      decisionId: d.id,
      criterionAId: b.id,
      criterionBId: a.id,
      value: 5,
      version: 1,
    });
    expect(reversed).toMatchObject({ criterionAId: b.id, value: 5, version: 2 });
    const rows = await db.pairwiseJudgment.findMany({ where: { decisionId: d.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ criterionAId: a.id, criterionBId: b.id });
    expect(rows[0].value).toBeCloseTo(1 / 5, 12);
    // Another evaluator answers the same pair independently.
    await saveJudgment(bo, { decisionId: d.id, criterionAId: a.id, criterionBId: b.id, value: 1, version: null });
    expect(await db.pairwiseJudgment.count({ where: { decisionId: d.id } })).toBe(2);
  });

  test("stale versions and duplicate creates are conflicts", async () => {
    const d = await fourCriteria();
    const [a, b] = d.criteria;
    const input = { decisionId: d.id, criterionAId: a.id, criterionBId: b.id };
    await saveJudgment(ada, { ...input, value: 3, version: null });
    const dup = await saveJudgment(ada, { ...input, value: 7, version: null }).catch((e) => e);
    expect(dup).toMatchObject({ code: "stale" });
    expect(((dup as DomainError).current as { value: number }).value).toBe(3);
    await saveJudgment(ada, { ...input, value: 4, version: 1 });
    await expect(saveJudgment(ada, { ...input, value: 9, version: 1 })).rejects.toMatchObject({ code: "stale" });
    expect((await db.pairwiseJudgment.findFirstOrThrow({ where: { decisionId: d.id } })).value).toBe(4);
  });

  test("authorisation, foreign ids, locked decisions", async () => {
    const d = await fourCriteria();
    const [a, b] = d.criteria;
    const input = { decisionId: d.id, criterionAId: a.id, criterionBId: b.id, value: 3, version: null };
    for (const who of [lead, viewer])
      await expect(saveJudgment(who, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveJudgment(foreignAda, input)).rejects.toMatchObject({ code: "notFound" });
    const foreign = await db.criterion.findFirstOrThrow({ where: { decision: { workspaceId: other.workspace.id } } });
    await expect(saveJudgment(ada, { ...input, criterionBId: foreign.id })).rejects.toMatchObject({ code: "notFound" });
    expect(await getAhpView(foreignAda, d.id)).toBeNull();
    await db.decision.update({ where: { id: d.id }, data: { status: "SUPERSEDED" } });
    await expect(saveJudgment(ada, input)).rejects.toMatchObject({ code: "decisionLocked" });
    expect(await db.pairwiseJudgment.count({ where: { decisionId: d.id } })).toBe(0);
  });
});

describe("applyAhpWeights", () => {
  test("writes the group weights ×100 (2 decimals) into the criteria, versioned and audited", async () => {
    const d = await fourCriteria();
    const versions = d.criteria.map((c) => ({ id: c.id, version: c.version }));
    // Incomplete judgments cannot be applied.
    await expect(applyAhpWeights(ada, { decisionId: d.id, criteria: versions })).rejects.toMatchObject({
      code: "stale",
    });
    for (const [key, value] of Object.entries(LEADER)) {
      const [i, j] = key.split(",").map(Number);
      await saveJudgment(ada, {
        decisionId: d.id,
        criterionAId: d.criteria[i].id,
        criterionBId: d.criteria[j].id,
        value,
        version: null,
      });
    }
    await expect(applyAhpWeights(viewer, { decisionId: d.id, criteria: versions })).rejects.toMatchObject({
      code: "forbidden",
    });
    const applied = await applyAhpWeights(ada, { decisionId: d.id, criteria: versions });
    expect(applied.map((a) => a.weight)).toEqual([54.76, 12.66, 26.99, 5.59]);
    const stored = await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
    expect(stored.map((c) => [c.weight, c.version])).toEqual([
      [54.76, 2],
      [12.66, 2],
      [26.99, 2],
      [5.59, 2],
    ]);
    expect(await db.auditEvent.count({ where: { action: "criteria.ahp_weights_applied", entityId: d.id } })).toBe(1);
    // Applying again with the versions read before is a conflict; nothing changes.
    await expect(applyAhpWeights(ada, { decisionId: d.id, criteria: versions })).rejects.toMatchObject({
      code: "stale",
    });
    expect((await db.criterion.findFirstOrThrow({ where: { id: d.criteria[0].id } })).version).toBe(2);
  });

  test("group weights use the geometric mean of both architects' judgments", async () => {
    const d = await fourCriteria();
    // Ada says the first criterion is 4× the second, Bo says 1: geometric mean √(4·1) = 2; with the other pairs
    // equal for both (1), the group matrix is [[1,2,1,1],[1/2,1,1,1],[1,1,1,1],[1,1,1,1]].
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) {
        const input = {
          decisionId: d.id,
          criterionAId: d.criteria[i].id,
          criterionBId: d.criteria[j].id,
          version: null,
        };
        await saveJudgment(ada, { ...input, value: i === 0 && j === 1 ? 4 : 1 });
        await saveJudgment(bo, { ...input, value: 1 });
      }
    const applied = await applyAhpWeights(bo, {
      decisionId: d.id,
      criteria: d.criteria.map((c) => ({ id: c.id, version: c.version })),
    });
    // numpy: np.linalg.eig([[1,2,1,1],[.5,1,1,1],[1,1,1,1],[1,1,1,1]]) principal vector normalised →
    // .29788042, .20958724, .24626617, .24626617 → 29.79, 20.96, 24.63, 24.63
    expect(applied.map((a) => a.weight)).toEqual([29.79, 20.96, 24.63, 24.63]);
  });
});
