import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { evaluateDecision } from "@/lib/scoring";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import type { Actor } from "./actor";
import type { DomainError } from "@/lib/errors/domain-error";
import { db } from "./db";
import { deleteScore, getScoreGrid, saveScore } from "./scores";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let other: Awaited<ReturnType<typeof seedDemoWorkspace>>;
const actor = (ws: typeof demo, key: string, role: Actor["role"]): Actor => ({
  userId: ws.users.get(key)!,
  workspaceId: ws.workspace.id,
  role,
});
let ada: Actor, bo: Actor, admin: Actor, lead: Actor, viewer: Actor, foreignAda: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  other = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  ada = actor(demo, "ada", "ARCHITECT");
  bo = actor(demo, "bo", "ARCHITECT");
  admin = actor(demo, "admin", "ADMIN");
  lead = actor(demo, "lead", "TEAM_LEAD");
  viewer = actor(demo, "viewer", "VIEWER");
  foreignAda = actor(other, "ada", "ARCHITECT");
});

/** A copy of the broker decision with no scores, so each test starts from an empty grid. */
async function freshBroker() {
  const d = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template: BROKER_TEMPLATE,
    evaluatorIds: [],
    skillIds: demo.skillIds,
    teamId: demo.teamIds.get("orders"),
  });
  const criteria = await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
  const candidates = await db.candidate.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
  return { id: d.id, criteria, candidates };
}

const cell = (d: Awaited<ReturnType<typeof freshBroker>>, i = 0, j = 0) => ({
  decisionId: d.id,
  criterionId: d.criteria[i].id,
  candidateId: d.candidates[j].id,
});

describe("saveScore", () => {
  test("an architect creates and updates their own score; the evaluator comes from the session", async () => {
    const d = await freshBroker();
    const created = await saveScore(ada, { ...cell(d), value: 6, version: null, evaluatorId: bo.userId } as never);
    expect(created).toMatchObject({ evaluatorId: ada.userId, value: 6, version: 1 });
    const updated = await saveScore(ada, {
      ...cell(d),
      value: 7,
      rationale: "why",
      evidenceUrl: "https://example.com/x",
      version: 1,
    });
    expect(updated).toMatchObject({ value: 7, version: 2, rationale: "why", evidenceUrl: "https://example.com/x" });
    // The grid sends only the value; rationale and evidence stay.
    const again = await saveScore(ada, { ...cell(d), value: 8, version: 2 });
    expect(again).toMatchObject({ value: 8, version: 3, rationale: "why" });
    expect(await db.score.count({ where: { criterionId: d.criteria[0].id } })).toBe(1);
    const audit = await db.auditEvent.findMany({
      where: { entityType: "Score", entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["score.created", "score.updated", "score.updated"]);
  });

  test("admins may score; team leads and viewers may not (403) and nothing is written", async () => {
    const d = await freshBroker();
    await expect(saveScore(admin, { ...cell(d), value: 5, version: null })).resolves.toMatchObject({
      evaluatorId: admin.userId,
    });
    for (const who of [lead, viewer]) {
      await expect(saveScore(who, { ...cell(d, 1), value: 5, version: null })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await db.score.count({ where: { criterionId: d.criteria[1].id } })).toBe(0);
  });

  test("ids from another workspace behave as missing", async () => {
    const d = await freshBroker();
    await expect(saveScore(foreignAda, { ...cell(d), value: 5, version: null })).rejects.toMatchObject({
      code: "notFound",
    });
    const foreign = await db.criterion.findFirstOrThrow({ where: { decision: { workspaceId: other.workspace.id } } });
    await expect(
      saveScore(ada, { ...cell(d), criterionId: foreign.id, value: 5, version: null }),
    ).rejects.toMatchObject({ code: "notFound" });
    const otherCandidate = await db.candidate.findFirstOrThrow({
      where: { decisionId: other.decisions.get("broker") },
    });
    await expect(
      saveScore(ada, { ...cell(d), candidateId: otherCandidate.id, value: 5, version: null }),
    ).rejects.toMatchObject({ code: "notFound" });
    expect(await db.score.count({ where: { criterion: { decisionId: d.id } } })).toBe(0);
  });

  test("a stale version is a conflict carrying the stored score, and nothing is overwritten", async () => {
    const d = await freshBroker();
    await saveScore(ada, { ...cell(d), value: 6, version: null });
    await saveScore(ada, { ...cell(d), value: 7, version: 1 }); // the other tab
    const err = await saveScore(ada, { ...cell(d), value: 3, version: 1 }).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    expect((err as DomainError).current as { value: number; version: number }).toMatchObject({
      value: 7,
      version: 2,
    });
    expect((await db.score.findFirstOrThrow({ where: { criterionId: d.criteria[0].id } })).value).toBe(7);
  });

  test("creating a score another tab already created is a conflict, not a crash or an overwrite", async () => {
    const d = await freshBroker();
    await saveScore(ada, { ...cell(d), value: 6, version: null });
    const err = await saveScore(ada, { ...cell(d), value: 9, version: null }).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    expect((err as DomainError).current as { value: number }).toMatchObject({ value: 6 });
    // Updating a score another tab deleted is a conflict too (current: null).
    await deleteScore(ada, { ...cell(d), version: 1 });
    const gone = await saveScore(ada, { ...cell(d), value: 2, version: 1 }).catch((e) => e);
    expect(gone).toMatchObject({ code: "stale" });
    expect((gone as DomainError).current).toBeNull();
  });

  test("different evaluators on the same cell and one evaluator on different cells never conflict", async () => {
    const d = await freshBroker();
    await Promise.all([
      saveScore(ada, { ...cell(d), value: 6, version: null }),
      saveScore(bo, { ...cell(d), value: 2, version: null }),
      saveScore(ada, { ...cell(d, 1, 1), value: 4, version: null }),
    ]);
    expect(await db.score.count({ where: { criterion: { decisionId: d.id } } })).toBe(3);
  });

  test("invalid values are refused: outside the rating scale, non-finite, skill-match and metric cells", async () => {
    const d = await freshBroker();
    await expect(saveScore(ada, { ...cell(d), value: 11, version: null })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { value: "valueOutOfScale" },
    });
    await expect(saveScore(ada, { ...cell(d), value: -0.5, version: null })).rejects.toMatchObject({
      code: "invalidInput",
    });
    await expect(saveScore(ada, { ...cell(d), value: Number.NaN, version: null })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { value: "valueNotNumber" },
    });
    await db.criterion.update({ where: { id: d.criteria[1].id }, data: { kind: "SKILL_MATCH" } });
    await expect(saveScore(ada, { ...cell(d, 1), value: 5, version: null })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { value: "notScorable" },
    });
    // A metric's value is a shared fact (lib/server/facts.ts), never one evaluator's score.
    await db.criterion.update({ where: { id: d.criteria[2].id }, data: { kind: "METRIC", unit: "ms" } });
    await expect(saveScore(ada, { ...cell(d, 2), value: 1234.5, version: null })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { value: "metricIsFact" },
    });
    // A custom scale: 1–5.
    await db.criterion.update({ where: { id: d.criteria[3].id }, data: { scaleMin: 1, scaleMax: 5 } });
    await expect(saveScore(ada, { ...cell(d, 3), value: 0, version: null })).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { value: "valueOutOfScale" },
    });
    await expect(saveScore(ada, { ...cell(d, 3), value: 5, version: null })).resolves.toMatchObject({ value: 5 });
    expect(await db.score.count({ where: { criterion: { decisionId: d.id } } })).toBe(1);
  });

  test("decided decisions are read-only", async () => {
    const d = await freshBroker();
    await saveScore(ada, { ...cell(d), value: 6, version: null });
    await db.decision.update({ where: { id: d.id }, data: { status: "DECIDED" } });
    await expect(saveScore(ada, { ...cell(d), value: 7, version: 1 })).rejects.toMatchObject({
      code: "decisionLocked",
    });
    await expect(deleteScore(ada, { ...cell(d), version: 1 })).rejects.toMatchObject({ code: "decisionLocked" });
    expect((await getScoreGrid(ada, d.id))!.canScore).toBe(false);
  });
});

describe("deleteScore", () => {
  test("removes only the actor's own score, checks the version, and is audited", async () => {
    const d = await freshBroker();
    await saveScore(ada, { ...cell(d), value: 6, version: null });
    await saveScore(bo, { ...cell(d), value: 4, version: null });
    await saveScore(ada, { ...cell(d), value: 7, version: 1 });
    await expect(deleteScore(ada, { ...cell(d), version: 1 })).rejects.toMatchObject({ code: "stale" });
    await deleteScore(ada, { ...cell(d), version: 2 });
    const left = await db.score.findMany({ where: { criterionId: d.criteria[0].id } });
    expect(left.map((s) => [s.evaluatorId, s.value])).toEqual([[bo.userId, 4]]);
    expect(await db.auditEvent.count({ where: { action: "score.deleted", actorId: ada.userId } })).toBeGreaterThan(0);
    await expect(deleteScore(viewer, { ...cell(d), version: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("getScoreGrid: blind scoring", () => {
  // Broker values Kafka 6/5/9/7/8, RabbitMQ 8/7/7/9/6, Pulsar 5/4/8/5/9 (criteria in template order).
  const VALUES = [
    [6, 8, 5],
    [5, 7, 4],
    [9, 7, 8],
    [7, 9, 5],
    [8, 6, 9],
  ];

  test("others' scores stay hidden until the architect has scored every cell; non-scorers see them at once", async () => {
    const d = await freshBroker();
    for (const [i, row] of VALUES.entries())
      for (const [j, v] of row.entries()) await saveScore(ada, { ...cell(d, i, j), value: v, version: null });
    await saveScore(bo, { ...cell(d), value: 2, version: null });

    const boView = (await getScoreGrid(bo, d.id))!;
    expect(boView.hidden).toBe(true);
    expect(boView.decision.scores.map((s) => s.evaluatorId)).toEqual([bo.userId]);
    expect(boView.scorableCells).toBe(15);
    const progress = Object.fromEntries(boView.progress.map((p) => [p.id, p.scored]));
    expect(progress[ada.userId]).toBe(15);
    expect(progress[bo.userId]).toBe(1);
    expect(progress[admin.userId]).toBe(0);
    expect(boView.progress.some((p) => p.id === lead.userId)).toBe(false);

    const adaView = (await getScoreGrid(ada, d.id))!;
    expect(adaView.hidden).toBe(false);
    expect(adaView.decision.scores).toHaveLength(16);

    for (const who of [viewer, lead]) {
      const v = (await getScoreGrid(who, d.id))!;
      expect(v.hidden).toBe(false);
      expect(v.canScore).toBe(false);
      expect(v.decision.scores).toHaveLength(16);
    }

    // Ada's own totals (hand-computed in lib/scoring tests): .2·6+.25·5+.15·9+.3·7+.1·8 = 6.70 etc.
    const adaOnly = {
      ...adaView.decision,
      scores: adaView.decision.scores.filter((s) => s.evaluatorId === ada.userId),
    };
    const r = evaluateDecision(toScoringModel(adaOnly), { monteCarlo: { samples: 0 } });
    expect(r.ok && r.result.ranking.map((x) => x.total.toFixed(2)).sort()).toEqual(["5.60", "6.70", "7.70"]);
  });

  test("a decided or superseded decision shows every value to everyone who reads it, scorers included", async () => {
    const d = await freshBroker();
    for (const [i, row] of VALUES.entries())
      for (const [j, v] of row.entries()) await saveScore(ada, { ...cell(d, i, j), value: v, version: null });
    await saveScore(bo, { ...cell(d), value: 2, version: null });
    for (const status of ["DECIDED", "SUPERSEDED"] as const) {
      await db.decision.update({ where: { id: d.id }, data: { status } });
      // Bo scored 1 of 15 cells and admin none: while the decision was open both were blind; now nobody can score.
      for (const who of [bo, admin, ada, viewer]) {
        const v = (await getScoreGrid(who, d.id))!;
        expect(v.locked).toBe(true);
        expect(v.canScore).toBe(false);
        expect(v.hidden).toBe(false);
        expect(v.decision.scores).toHaveLength(16);
      }
    }
    // Reopened, the blind is back for Bo.
    await db.decision.update({ where: { id: d.id }, data: { status: "IN_REVIEW" } });
    const reopened = (await getScoreGrid(bo, d.id))!;
    expect(reopened.hidden).toBe(true);
    expect(reopened.decision.scores.map((s) => s.evaluatorId)).toEqual([bo.userId]);
  });

  test("a foreign workspace's decision is missing", async () => {
    const d = await freshBroker();
    expect(await getScoreGrid(foreignAda, d.id)).toBeNull();
  });

  test("blind scoring can be switched off per decision", async () => {
    const d = await freshBroker();
    await saveScore(ada, { ...cell(d), value: 6, version: null });
    await db.decision.update({ where: { id: d.id }, data: { settings: { blindScoring: false } } });
    const v = (await getScoreGrid(bo, d.id))!;
    expect(v.hidden).toBe(false);
    expect(v.decision.scores).toHaveLength(1);
  });
});
