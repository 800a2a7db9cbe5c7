// Pairwise comparison of candidates through the real data layer on a migrated database. Hand and numpy values:
//   Ada on Operability: RabbitMQ 3× Kafka, Kafka 2× Pulsar, RabbitMQ 5× Pulsar → numpy points 3.5422 / 10 / 1.8821.
//   Bo: Kafka = RabbitMQ, Kafka 4× Pulsar, RabbitMQ 3× Pulsar. Group (geometric mean) → numpy 6.2439 / 10 / 2.3875.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision } from "@/lib/scoring";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { DomainError } from "@/lib/errors/domain-error";
import { formatters, reportTranslator } from "@/lib/export/i18n";
import { changeSentence } from "@/lib/export/change-log";
import { derivationText, rawRows } from "@/lib/export/raw-values";
import type { Actor } from "./actor";
import { addCandidate, removeCandidate, restoreCandidate } from "./candidates";
import { getComparisonView, saveCandidateJudgment } from "./candidate-judgments";
import { addCriterion, removeCriterion, restoreCriterion, updateCriterionField } from "./criteria";
import { db } from "./db";
import { createDecision } from "./decision-create";
import { getDecision } from "./decisions";
import { exportDecisionJson, loadReportBundle } from "./exports";
import { applyJsonImport } from "./imports";
import { getScoreGrid, saveScore } from "./scores";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
let bo: Actor;
let viewer: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = { userId: demo.users.get("ada")!, workspaceId: demo.workspace.id, role: "ARCHITECT" };
  bo = { userId: demo.users.get("bo")!, workspaceId: demo.workspace.id, role: "ARCHITECT" };
  viewer = { userId: demo.users.get("viewer")!, workspaceId: demo.workspace.id, role: "VIEWER" };
}, 120_000);

async function brokerDecision(blind = false) {
  const { id } = await createDecision(ada, { title: `Brokers ${Math.random()}`, teamId: null, template: "" });
  if (!blind) await db.decision.update({ where: { id }, data: { settings: { blindScoring: false } } });
  const c = await addCriterion(ada, { decisionId: id, name: "Operability" });
  const on = await updateCriterionField(ada, {
    criterionId: c.id,
    version: c.version,
    field: "pairwise",
    base: false,
    value: "true",
  });
  const [k, r, p] = [
    await addCandidate(ada, { decisionId: id, name: "Kafka" }),
    await addCandidate(ada, { decisionId: id, name: "RabbitMQ" }),
    await addCandidate(ada, { decisionId: id, name: "Pulsar" }),
  ];
  return { id, criterion: { id: c.id, version: on.version }, k: k.id, r: r.id, p: p.id };
}

const answer = (actor: Actor, d: { id: string; criterion: { id: string } }, a: string, b: string, value: number) =>
  saveCandidateJudgment(actor, {
    decisionId: d.id,
    criterionId: d.criterion.id,
    candidateAId: a,
    candidateBId: b,
    value,
    version: null,
  });

async function answerAll(d: Awaited<ReturnType<typeof brokerDecision>>) {
  await answer(ada, d, d.r, d.k, 3);
  await answer(ada, d, d.k, d.p, 2);
  await answer(ada, d, d.r, d.p, 5);
  await answer(bo, d, d.k, d.r, 1);
  await answer(bo, d, d.k, d.p, 4);
  await answer(bo, d, d.r, d.p, 3);
}

async function pointsOf(actor: Actor, decisionId: string) {
  const d = (await getDecision(actor, decisionId))!;
  const outcome = evaluateDecision(toScoringModel(d), { monteCarlo: { samples: 0 } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const name = new Map(d.candidates.map((c) => [c.id, c.name]));
  return Object.fromEntries(outcome.result.cells.map((c) => [name.get(c.candidateId)!, c.points]));
}

const domainError = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
};

describe("comparing candidates in pairs", () => {
  test("two architects' answers give the geometric-mean group points (numpy 6.2439 / 10 / 2.3875)", async () => {
    const d = await brokerDecision();
    await answerAll(d);
    const pts = await pointsOf(ada, d.id);
    expect(pts.Kafka).toBeCloseTo(6.24394933, 6);
    expect(pts.RabbitMQ).toBeCloseTo(10, 9);
    expect(pts.Pulsar).toBeCloseTo(2.38745049, 6);
    const view = (await getComparisonView(ada, d.id))!;
    expect(view.criteria.map((c) => c.name)).toEqual(["Operability"]);
    expect(view.mine).toHaveLength(3);
    expect(view.judgments).toHaveLength(6);
    expect(view.evaluators.map((e) => e.id).sort()).toEqual([ada.userId, bo.userId].sort());
  });

  test("one row per pair: the other orientation updates it (reciprocal), a stale version is a conflict", async () => {
    const d = await brokerDecision();
    const first = await answer(ada, d, d.r, d.k, 3);
    // Asked the other way round, the stored answer comes back as its reciprocal.
    const again = await domainError(answer(ada, d, d.k, d.r, 1 / 5));
    expect(again.code).toBe("stale");
    expect((again.current as { value: number }).value).toBeCloseTo(1 / 3, 12);
    const updated = await saveCandidateJudgment(ada, {
      decisionId: d.id,
      criterionId: d.criterion.id,
      candidateAId: d.k,
      candidateBId: d.r,
      value: 1 / 5,
      version: first.version,
    });
    expect(updated.value).toBeCloseTo(1 / 5, 12);
    const rows = await db.candidateJudgment.findMany({ where: { criterionId: d.criterion.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].value).toBeCloseTo(5, 12);
    const stale = await domainError(
      saveCandidateJudgment(ada, {
        decisionId: d.id,
        criterionId: d.criterion.id,
        candidateAId: d.r,
        candidateBId: d.k,
        value: 2,
        version: first.version,
      }),
    );
    expect(stale.code).toBe("stale");
    expect((await db.candidateJudgment.findFirstOrThrow({ where: { id: rows[0].id } })).value).toBeCloseTo(5, 12);
  });

  test("refusals change nothing: a scored criterion, a foreign candidate, a viewer, a closed decision", async () => {
    const d = await brokerDecision();
    const plain = await addCriterion(ada, { decisionId: d.id, name: "Ecosystem" });
    const notPairwise = await domainError(
      saveCandidateJudgment(ada, {
        decisionId: d.id,
        criterionId: plain.id,
        candidateAId: d.k,
        candidateBId: d.r,
        value: 3,
        version: null,
      }),
    );
    expect(notPairwise.fieldErrors).toEqual({ criterionId: "notPairwise" });
    const other = await brokerDecision();
    expect((await domainError(answer(ada, d, d.k, other.r, 3))).code).toBe("notFound");
    expect((await domainError(answer(viewer, d, d.k, d.r, 3))).code).toBe("forbidden");
    // A score on a pairwise criterion would be stored and never counted: refused.
    const score = await domainError(
      saveScore(ada, { decisionId: d.id, criterionId: d.criterion.id, candidateId: d.k, value: 7, version: null }),
    );
    expect(score.fieldErrors).toEqual({ value: "pairwiseNotScored" });
    await db.decision.update({ where: { id: d.id }, data: { status: "DECIDED", chosenCandidateId: d.k } });
    expect((await domainError(answer(ada, d, d.k, d.r, 3))).code).toBe("decisionLocked");
    expect(await db.candidateJudgment.count({ where: { decisionId: d.id } })).toBe(0);
    expect(await db.score.count({ where: { criterionId: d.criterion.id } })).toBe(0);
  });

  test("a pairwise criterion cannot become a metric until pairwise is off", async () => {
    const d = await brokerDecision();
    const e = await domainError(
      updateCriterionField(ada, {
        criterionId: d.criterion.id,
        version: d.criterion.version,
        field: "kind",
        base: "RATING",
        value: "METRIC",
      }),
    );
    expect(e.fieldErrors).toEqual({ kind: "pairwiseNeedsRating" });
  });

  test("blind scoring: Bo sees only his own answers until he has answered every pair", async () => {
    const d = await brokerDecision(true);
    await answer(ada, d, d.r, d.k, 3);
    await answer(ada, d, d.k, d.p, 2);
    await answer(ada, d, d.r, d.p, 5);
    await answer(bo, d, d.k, d.r, 1);
    let view = (await getComparisonView(bo, d.id))!;
    expect(view.blind).toBe(true);
    expect(view.judgments.every((j) => j.evaluatorId === bo.userId)).toBe(true);
    expect((await getDecision(bo, d.id))!.candidateJudgments).toHaveLength(1);
    const grid = (await getScoreGrid(bo, d.id))!;
    expect(grid.scorableCells).toBe(3);
    expect(grid.progress.find((x) => x.id === ada.userId)!.scored).toBe(3);
    expect(grid.progress.find((x) => x.id === bo.userId)!.scored).toBe(1);
    // The JSON export passes the same rule.
    expect((await exportDecisionJson(bo, d.id)).candidateJudgments).toHaveLength(1);
    await answer(bo, d, d.k, d.p, 4);
    await answer(bo, d, d.r, d.p, 3);
    view = (await getComparisonView(bo, d.id))!;
    expect(view.blind).toBe(false);
    expect(view.judgments).toHaveLength(6);
    // A viewer is never blind.
    expect((await getComparisonView(viewer, d.id))!.judgments).toHaveLength(6);
  });

  test("removing a candidate takes its answers with it; undo brings them back", async () => {
    const d = await brokerDecision();
    await answerAll(d);
    const before = await pointsOf(ada, d.id);
    const { undoToken } = await removeCandidate(ada, d.p);
    expect(await db.candidateJudgment.count({ where: { decisionId: d.id } })).toBe(2);
    await restoreCandidate(ada, { decisionId: d.id, undoToken });
    expect(await db.candidateJudgment.count({ where: { decisionId: d.id } })).toBe(6);
    expect(await pointsOf(ada, d.id)).toEqual(before);
    const removed = await removeCriterion(ada, d.criterion.id);
    expect(await db.candidateJudgment.count({ where: { decisionId: d.id } })).toBe(0);
    await restoreCriterion(ada, { decisionId: d.id, undoToken: removed.undoToken });
    expect(await db.candidateJudgment.count({ where: { decisionId: d.id } })).toBe(6);
  });

  test("the JSON format carries the flag and the answers; an import gives the same points", async () => {
    const d = await brokerDecision();
    await answerAll(d);
    const json = await exportDecisionJson(ada, d.id);
    expect(json.criteria[0].pairwise).toBe(true);
    expect(json.candidateJudgments).toHaveLength(6);
    // As stored (one row per pair, in the orientation first answered), Ada's first in candidate order.
    expect(json.candidateJudgments[0]).toEqual({
      evaluator: "ada@stackwise.demo",
      criterion: "Operability",
      candidateA: "Kafka",
      candidateB: "Pulsar",
      value: 2,
    });
    expect(json.candidateJudgments).toContainEqual({
      evaluator: "ada@stackwise.demo",
      criterion: "Operability",
      candidateA: "RabbitMQ",
      candidateB: "Kafka",
      value: 3,
    });
    expect(json.evaluation?.criteria[0].pointsFrom).toBe("pairwise");
    const copy = await applyJsonImport(ada, { ...json, decision: { ...json.decision, title: "Imported brokers" } });
    expect(await pointsOf(ada, copy.decisionId)).toEqual(await pointsOf(ada, d.id));
    // A file naming a criterion that is not pairwise is refused with the field.
    const bad = await domainError(
      applyJsonImport(ada, { ...json, criteria: [{ ...json.criteria[0], pairwise: false }] }),
    );
    expect(JSON.stringify(bad.details)).toContain("notPairwise");
  });

  test("the report states how the points were derived, and the change log says who compared what", async () => {
    const d = await brokerDecision();
    await answerAll(d);
    const bundle = await loadReportBundle(ada, d.id, "export.read");
    const t = reportTranslator("en");
    const f = formatters("en");
    const sentences = bundle.changes.map((c) => changeSentence(c, t, f));
    expect(sentences).toContain("Ada Architect compared RabbitMQ with Kafka on Operability: 3");
    expect(sentences.some((s) => s.includes("pairwise comparison of the candidates"))).toBe(true);
    const row = rawRows(bundle).find((r) => r.criterion.name === "Operability")!;
    expect(derivationText(row, t, f)).toBe(
      "Points from comparing the candidates in pairs (AHP, ideal mode): the best candidate is 10 and the others " +
        "their priority's ratio to it, from 2 evaluators; consistency ratio 0.005.",
    );
  });
});
