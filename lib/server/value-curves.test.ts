// Value curves and fixed-by-default references through the real data layer on a migrated database. Hand values:
//   p99 latency (cost), facts Kafka 120 ms, RabbitMQ 80 ms → references fixed at worst 120, best 80; Pulsar 60 ms
//   added later is beyond the best end: 10 points (clamped), and Kafka 0 / RabbitMQ 10 stay where they were.
//   Observed min–max instead would have made the range 120–60: RabbitMQ 10·(120 − 80)/60 = 6.67.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { readPasteText } from "@/lib/matrix/paste-block";
import { evaluateDecision } from "@/lib/scoring";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";
import { addCandidate } from "./candidates";
import { addCriterion, updateCriterionField, updateCriterionFields } from "./criteria";
import { db } from "./db";
import { createDecision } from "./decision-create";
import { getDecision } from "./decisions";
import { changeSentence } from "@/lib/export/change-log";
import { formatters, reportTranslator } from "@/lib/export/i18n";
import { exportDecisionJson, loadReportBundle } from "./exports";
import { setFact } from "./facts";
import { applyJsonImport } from "./imports";
import { pasteMatrix } from "./matrix";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = { userId: demo.users.get("ada")!, workspaceId: demo.workspace.id, role: "ARCHITECT" };
}, 120_000);

const measured = { unit: "", sourceUrl: "", note: "", measuredOn: "2026-11-20" };

async function latencyDecision() {
  const { id } = await createDecision(ada, { title: `Brokers ${Math.random()}`, teamId: null, template: "" });
  const c = await addCriterion(ada, { decisionId: id, name: "p99 latency", kind: "METRIC" });
  const dir = await updateCriterionField(ada, {
    criterionId: c.id,
    version: c.version,
    field: "direction",
    base: "BENEFIT",
    value: "COST",
  });
  const names = ["Kafka", "RabbitMQ", "Pulsar"];
  const candidates = [];
  for (const name of names) candidates.push(await addCandidate(ada, { decisionId: id, name }));
  return { id, criterionId: c.id, version: dir.version, candidates };
}

const fact = (decisionId: string, criterionId: string, candidateId: string, value: number) =>
  setFact(ada, { decisionId, criterionId, candidateId, value, version: null, ...measured });

async function pointsOf(decisionId: string): Promise<Record<string, number | null>> {
  const d = (await getDecision(ada, decisionId))!;
  const outcome = evaluateDecision(toScoringModel(d), { monteCarlo: { samples: 0 } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const name = new Map(d.candidates.map((c) => [c.id, c.name]));
  return Object.fromEntries(outcome.result.cells.map((c) => [name.get(c.candidateId)!, c.points]));
}

describe("new metrics fix their references at the first measured range", () => {
  test("two different facts fix worst/best; a candidate added later moves nobody else", async () => {
    const d = await latencyDecision();
    const [kafka, rabbit, pulsar] = d.candidates;
    expect((await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } })).autoReferences).toBe(true);

    await fact(d.id, d.criterionId, kafka.id, 120);
    let c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect([c.worst, c.best, c.autoReferences]).toEqual([null, null, true]);

    await fact(d.id, d.criterionId, rabbit.id, 80);
    c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect([c.worst, c.best, c.autoReferences]).toEqual([120, 80, true]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: d.criterionId, action: "criterion.referencesFixed" },
    });
    const after = typeof audit.after === "string" ? JSON.parse(audit.after) : audit.after;
    expect(after).toEqual({ worst: 120, best: 80 });

    const before = await pointsOf(d.id);
    expect(before).toMatchObject({ Kafka: 0, RabbitMQ: 10, Pulsar: null });
    await fact(d.id, d.criterionId, pulsar.id, 60);
    expect(await pointsOf(d.id)).toEqual({ Kafka: 0, RabbitMQ: 10, Pulsar: 10 });
    c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect([c.worst, c.best]).toEqual([120, 80]);

    // The report's change log says it in words, in both languages.
    const b = await loadReportBundle(ada, d.id, "export.read");
    const fixed = b.changes.find((x) => x.action === "criterion.referencesFixed")!;
    expect(changeSentence(fixed, reportTranslator("en"), formatters("en"))).toBe(
      "Ada Architect fixed the reference values of p99 latency at the first measured range: worst 120, best 80",
    );
    expect(changeSentence(fixed, reportTranslator("zh-CN"), formatters("zh-CN"))).toBe(
      "Ada Architect在首次测得的范围处固定了“p99 latency”的参考值：最差 120，最佳 80",
    );
  });

  test("turned off, the points follow the observed range (and move when a candidate is added)", async () => {
    const d = await latencyDecision();
    const [kafka, rabbit, pulsar] = d.candidates;
    await updateCriterionField(ada, {
      criterionId: d.criterionId,
      version: d.version,
      field: "autoReferences",
      base: true,
      value: "false",
    });
    await fact(d.id, d.criterionId, kafka.id, 120);
    await fact(d.id, d.criterionId, rabbit.id, 80);
    await fact(d.id, d.criterionId, pulsar.id, 60);
    const c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect([c.worst, c.best]).toEqual([null, null]);
    expect((await pointsOf(d.id)).RabbitMQ).toBeCloseTo((10 * 40) / 60, 12);
  });

  test("a reference the user set is never overwritten", async () => {
    const d = await latencyDecision();
    await updateCriterionField(ada, {
      criterionId: d.criterionId,
      version: d.version,
      field: "worst",
      base: null,
      value: "500",
    });
    await fact(d.id, d.criterionId, d.candidates[0].id, 120);
    await fact(d.id, d.criterionId, d.candidates[1].id, 80);
    const c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect([c.worst, c.best, c.autoReferences]).toEqual([500, null, true]);
  });

  test("a pasted metric fixes its references at the pasted range", async () => {
    const { id } = await createDecision(ada, { title: "Paste curve", teamId: null, template: "" });
    const r = readPasteText("Criterion\tWeight\tKafka\tNATS\tPulsar\nLatency\t20%\t12 ms\t4 ms\t8 ms\n");
    if (!r.ok) throw new Error("paste");
    await pasteMatrix(ada, { decisionId: id, ...r.block, basis: { criteria: {}, scores: {}, facts: {} } });
    const c = await db.criterion.findFirstOrThrow({ where: { decisionId: id, name: "Latency" } });
    // A pasted metric reads as a benefit until someone says otherwise: worst is the smallest value.
    expect([c.kind, c.worst, c.best, c.autoReferences]).toEqual(["METRIC", 4, 12, true]);
    expect(await pointsOf(id)).toEqual({ Kafka: 10, NATS: 0, Pulsar: 5 });
    // Told afterwards that lower is better, the fixed range turns round with the direction: 4 ms is now the best.
    await updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: "direction",
      base: "BENEFIT",
      value: "COST",
    });
    expect(await pointsOf(id)).toEqual({ Kafka: 0, NATS: 10, Pulsar: 5 });
  });
});

describe("value curves", () => {
  test("a curve is stored canonically and sets the points; one that rises for a cost is refused with nothing written", async () => {
    const d = await latencyDecision();
    const [kafka, rabbit] = d.candidates;
    await fact(d.id, d.criterionId, kafka.id, 125);
    await fact(d.id, d.criterionId, rabbit.id, 350);
    let c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    const saved = await updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: "valueCurve",
      base: null,
      value: " [[50, 10], [200, 4.0], [500, 0]] ",
    });
    expect(saved.value).toBe("[[50,10],[200,4],[500,0]]");
    // By hand: 125 ms → 10 − 6·75/150 = 7; 350 ms → 4 − 4·150/300 = 2.
    const points = await pointsOf(d.id);
    expect(points.Kafka).toBeCloseTo(7, 12);
    expect(points.RabbitMQ).toBeCloseTo(2, 12);

    c = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    const rising = updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: "valueCurve",
      base: c.valueCurve,
      value: "[[50,0],[500,10]]",
    });
    await expect(rising).rejects.toMatchObject({ fieldErrors: { valueCurve: "curveRisesForCost" } });
    const flip = updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: "direction",
      base: "COST",
      value: "BENEFIT",
    });
    await expect(flip).rejects.toMatchObject({ fieldErrors: { direction: "curveFallsForBenefit" } });
    const after = await db.criterion.findUniqueOrThrow({ where: { id: d.criterionId } });
    expect(after).toEqual(c);
  });

  test.each([
    ["[[1,0]]", "curveTooFewPoints"],
    ["[[0,0],[1,11]]", "curvePointsRange"],
    ["[[5,10],[1,0]]", "curveOrder"],
    // Falls (right for this cost) and then goes back in raw value: refused for the order, not let through.
    ["[[0,10],[5,0],[3,0]]", "curveOrder"],
    ["[[0,4],[9,4]]", "curveFlat"],
    ["not json", "curveNotANumber"],
    ['[["a",1],[2,3]]', "curveNotANumber"],
  ])("%s is refused as %s", async (value, code) => {
    const d = await latencyDecision();
    const err = (await updateCriterionField(ada, {
      criterionId: d.criterionId,
      version: d.version,
      field: "valueCurve",
      base: null,
      value,
    }).catch((e) => e)) as DomainError;
    expect(err.fieldErrors).toEqual({ valueCurve: code });
  });

  test("the API's typed patch takes pairs, and the exchange format round-trips the curve as pairs", async () => {
    const d = await latencyDecision();
    const row = await updateCriterionFields(ada, {
      criterionId: d.criterionId,
      version: d.version,
      values: {
        valueCurve: [
          [100, 10],
          [100, 0],
        ],
        autoReferences: false,
      },
    });
    expect([row.valueCurve, row.autoReferences]).toEqual(["[[100,10],[100,0]]", false]);
    const file = await exportDecisionJson(ada, d.id);
    const exported = file.criteria.find((c) => c.name === "p99 latency")!;
    expect(exported.valueCurve).toEqual([
      [100, 10],
      [100, 0],
    ]);
    expect(exported.autoReferences).toBe(false);
    const { decisionId } = await applyJsonImport(ada, file);
    const back = await db.criterion.findFirstOrThrow({ where: { decisionId, name: "p99 latency" } });
    expect([back.valueCurve, back.autoReferences]).toEqual(["[[100,10],[100,0]]", false]);
    // A cost step at 100 ms: 100 ms itself meets the limit (10), 100.5 ms does not (0).
    const [kafka, rabbit] = (await db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" } })).map(
      (c) => c.id,
    );
    await fact(decisionId, back.id, kafka, 100);
    await fact(decisionId, back.id, rabbit, 100.5);
    expect(await pointsOf(decisionId)).toMatchObject({ Kafka: 10, RabbitMQ: 0 });
  });
});
