// Measured facts through the real data layer on a migrated database: entered once, corrected with the version read,
// stale writes answered with the stored fact, locked when decided, and scored nowhere else (progress, the engine).
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision } from "@/lib/scoring";
import { BACKEND_TEMPLATE } from "@/lib/templates/demo";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import type { Actor } from "./actor";
import { db } from "./db";
import { getDecision } from "./decisions";
import { clearFact, listFacts, setFact } from "./facts";
import { getScoreGrid, saveScore } from "./scores";
import type { DomainError } from "@/lib/errors/domain-error";

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
}, 120_000);

/** The backend-language decision with nothing scored and nothing measured. */
async function freshBackend() {
  const d = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template: BACKEND_TEMPLATE,
    evaluatorIds: [],
    skillIds: demo.skillIds,
    teamId: demo.teamIds.get("gateway"),
  });
  const criteria = await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
  const candidates = await db.candidate.findMany({ where: { decisionId: d.id }, orderBy: { position: "asc" } });
  const byName = (n: string) => criteria.find((c) => c.name === n)!;
  return { id: d.id, criteria, candidates, qps: byName("Throughput"), latency: byName("Average latency") };
}

const fields = { unit: "", sourceUrl: "", note: "", measuredOn: "2024-11-12" };

describe("setFact", () => {
  test("an architect enters a fact once; a colleague corrects it with the version they read", async () => {
    const d = await freshBackend();
    const cell = { decisionId: d.id, criterionId: d.qps.id, candidateId: d.candidates[0].id };
    const created = await setFact(ada, {
      ...cell,
      ...fields,
      value: 8500,
      sourceUrl: "https://example.com/bench",
      version: null,
    });
    // The unit comes from the criterion when none is typed.
    expect(created).toMatchObject({ value: 8500, unit: "QPS", version: 1, enteredByName: "Ada Architect" });
    expect(created.measuredOn).toBe("2024-11-12");
    const corrected = await setFact(bo, { ...cell, ...fields, value: 9842, unit: "QPS", version: 1 });
    expect(corrected).toMatchObject({ value: 9842, version: 2, enteredById: bo.userId });
    expect(await db.fact.count({ where: { criterion: { decisionId: d.id } } })).toBe(1);
    const events = await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["fact.created", "fact.updated"]);
    expect(events[1].before).toMatchObject({ value: 8500 });
    // Everybody reads the same fact, viewers included: facts are never blind.
    expect((await listFacts(viewer, d.id)).map((f) => f.value)).toEqual([9842]);
  });

  test("a stale correction and a second 'first entry' change nothing and return the stored fact", async () => {
    const d = await freshBackend();
    const cell = { decisionId: d.id, criterionId: d.qps.id, candidateId: d.candidates[1].id };
    await setFact(ada, { ...cell, ...fields, value: 6135, version: null });
    await setFact(ada, { ...cell, ...fields, value: 6200, version: 1 });
    const stale = await setFact(bo, { ...cell, ...fields, value: 1, version: 1 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: "stale" });
    expect((stale as DomainError).current).toMatchObject({
      value: 6200,
      version: 2,
    });
    const again = await setFact(bo, { ...cell, ...fields, value: 2, version: null }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "stale" });
    expect((again as DomainError).current).toMatchObject({ value: 6200 });
    expect(
      (await db.fact.findFirstOrThrow({ where: { criterionId: d.qps.id, candidateId: cell.candidateId } })).value,
    ).toBe(6200);
  });

  test("only metric criteria take facts, in the criterion's unit", async () => {
    const d = await freshBackend();
    const rating = d.criteria.find((c) => c.kind === "RATING")!;
    const base = { decisionId: d.id, candidateId: d.candidates[0].id, ...fields, value: 5, version: null };
    await expect(setFact(ada, { ...base, criterionId: rating.id })).rejects.toMatchObject({
      fieldErrors: { criterionId: "notMeasured" },
    });
    const e = await setFact(ada, { ...base, criterionId: d.latency.id, unit: "s" }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "invalidInput" });
    expect((e as DomainError).fieldErrors).toEqual({ unit: "unitMismatch" });
    expect(await db.fact.count({ where: { criterion: { decisionId: d.id } } })).toBe(0);
  });

  test("clearing removes the fact (the cell becomes missing); a stale clear is a conflict", async () => {
    const d = await freshBackend();
    const cell = { decisionId: d.id, criterionId: d.qps.id, candidateId: d.candidates[0].id };
    await setFact(ada, { ...cell, ...fields, value: 100, version: null });
    await setFact(ada, { ...cell, ...fields, value: 200, version: 1 });
    await expect(clearFact(bo, { ...cell, version: 1 })).rejects.toMatchObject({ code: "stale" });
    await clearFact(bo, { ...cell, version: 2 });
    expect(await db.fact.count({ where: { criterionId: d.qps.id } })).toBe(0);
    // Already gone is what they wanted.
    await expect(clearFact(bo, { ...cell, version: 2 })).resolves.toBeUndefined();
  });

  test("team leads and viewers may not enter facts; a foreign decision is not found", async () => {
    const d = await freshBackend();
    const input = {
      decisionId: d.id,
      criterionId: d.qps.id,
      candidateId: d.candidates[0].id,
      ...fields,
      value: 1,
      version: null,
    };
    await expect(setFact(lead, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setFact(viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setFact(foreignAda, input)).rejects.toMatchObject({ code: "notFound" });
    expect(await db.fact.count({ where: { criterion: { decisionId: d.id } } })).toBe(0);
  });

  test("a decided decision is locked", async () => {
    const d = await freshBackend();
    const cell = { decisionId: d.id, criterionId: d.qps.id, candidateId: d.candidates[0].id };
    await setFact(ada, { ...cell, ...fields, value: 100, version: null });
    await db.decision.update({ where: { id: d.id }, data: { status: "DECIDED" } });
    await expect(setFact(ada, { ...cell, ...fields, value: 7, version: 1 })).rejects.toMatchObject({
      code: "decisionLocked",
    });
    await expect(clearFact(ada, { ...cell, version: 1 })).rejects.toMatchObject({ code: "decisionLocked" });
    expect((await db.fact.findFirstOrThrow({ where: { criterionId: d.qps.id } })).value).toBe(100);
  });
});

describe("facts are not opinions", () => {
  test("a metric cell cannot be scored, and progress counts rating cells only", async () => {
    const d = await freshBackend();
    await expect(
      saveScore(ada, {
        decisionId: d.id,
        criterionId: d.qps.id,
        candidateId: d.candidates[0].id,
        value: 1,
        version: null,
      }),
    ).rejects.toMatchObject({ code: "invalidInput", fieldErrors: { value: "metricIsFact" } });
    await expect(
      saveScore(ada, {
        decisionId: d.id,
        criterionId: d.qps.id,
        candidateId: d.candidates[0].id,
        value: 1,
        version: null,
      }),
    ).rejects.toMatchObject({ code: "invalidInput" });
    // Backend: 5 metrics, 2 ratings, 1 skill match; 2 candidates → 2 × 2 = 4 opinion cells.
    const grid = (await getScoreGrid(bo, d.id))!;
    expect(grid.scorableCells).toBe(4);
    expect(grid.opinionCriteria.map((c) => c.kind).sort()).toEqual(["RATING", "RATING", "SKILL_MATCH"]);
    expect(grid.canEnterFacts).toBe(true);
    expect((await getScoreGrid(viewer, d.id))!.canEnterFacts).toBe(false);
  });

  test("the seeded demo's facts feed METRIC points with no evaluators and no spread (Go 8.68 / Python 4.09)", async () => {
    const decision = (await getDecision(viewer, demo.decisions.get("backend-language")!))!;
    expect(decision.facts).toHaveLength(10);
    expect(decision.scores.every((s) => decision.criteria.find((c) => c.id === s.criterionId)!.kind === "RATING")).toBe(
      true,
    );
    const outcome = evaluateDecision(toScoringModel(decision), { monteCarlo: { samples: 0 } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const qps = decision.criteria.find((c) => c.name === "Throughput")!;
    const qpsCells = outcome.result.cells.filter((c) => c.criterionId === qps.id);
    expect(qpsCells.map((c) => [c.value, c.points, c.evaluatorCount, c.range])).toEqual([
      [9842, 10, 0, 0],
      [6135, 0, 0, 0],
    ]);
  });
});
