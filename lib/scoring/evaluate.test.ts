import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "./evaluate";
import type { DecisionResult } from "./result-types";
import { rating, seedModel, seedRequirements, seedSkills, seedTeam } from "./test-fixtures";
import { modelArb } from "./test-arbitraries";
import type { DecisionModel, EvaluateOptions } from "./types";

const FAST: EvaluateOptions = { monteCarlo: { samples: 500, seed: 7 } };

function run(model: DecisionModel, options: EvaluateOptions = FAST): DecisionResult {
  const out = evaluateDecision(model, options);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const totalOf = (r: DecisionResult, id: string) => r.ranking.find((x) => x.candidateId === id)!.total;

describe("seed broker decision end to end", () => {
  const r = run(seedModel(), { monteCarlo: { samples: 4000, seed: 1 } });

  test("weights, totals (6.70 / 7.70 / 5.60), winner and verdict", () => {
    expect(r.weights.map((w) => w.share)).toEqual([0.2, 0.25, 0.15, 0.3, 0.1]);
    expect(totalOf(r, "kafka")).toBeCloseTo(6.7, 12);
    expect(totalOf(r, "rabbit")).toBeCloseTo(7.7, 12);
    expect(totalOf(r, "pulsar")).toBeCloseTo(5.6, 12);
    expect(r.winnerId).toBe("rabbit");
    expect(r.tieAtTop).toBe(false);
    expect(r.topsis.winnerId).toBe("rabbit");
    expect(r.topsis.agreesWithWeightedSum).toBe(true);
    expect(r.sensitivity.smallestChange?.criterionId).toBe("community");
    expect(r.verdict.key).toBe("verdict.clear");
    expect(r.verdict.facts).toMatchObject({
      winnerId: "rabbit",
      runnerUpId: "kafka",
      weakestCriterionId: "community",
      flipTo: "kafka",
    });
    expect(r.verdict.facts.lead!).toBeCloseTo(1, 12);
    expect(r.ahp).toBeNull();
    expect(r.team).toBeNull();
  });

  test("Monte Carlo probabilities are consistent", () => {
    const mc = r.monteCarlo!;
    for (const row of mc.rankAcceptability) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < 3; k++) expect(mc.rankAcceptability.reduce((a, row) => a + row[k], 0)).toBeCloseTo(1, 12);
    expect(mc.pWinnerFirst).toBe(mc.pFirst.find((p) => p.candidateId === "rabbit")!.p);
    expect(mc.pairwiseWinRate[1][0] + mc.pairwiseWinRate[0][1]).toBeCloseTo(1, 12);
  });
});

describe("skill match as a criterion", () => {
  test("the team's fit flows into the total; a candidate without requirements is incomplete", () => {
    const model: DecisionModel = {
      ...seedModel(),
      skills: seedSkills,
      team: seedTeam,
      requirements: seedRequirements,
    };
    model.criteria.push({ id: "fit", name: "Team fit", weight: 25, kind: "SKILL_MATCH", direction: "BENEFIT" });
    const r = run(model);
    // Shares: raw 20/25/15/30/10/25 over 125. RabbitMQ = (7.70·100 + 25·7.1)/125 = (770 + 177.5)/125 = 7.58;
    // Kafka = (670 + 25·5.9)/125 = 817.5/125 = 6.54; Pulsar has no requirements → fit missing: 560/125 = 4.48.
    expect(totalOf(r, "rabbit")).toBeCloseTo(7.58, 12);
    expect(totalOf(r, "kafka")).toBeCloseTo(6.54, 12);
    expect(totalOf(r, "pulsar")).toBeCloseTo(4.48, 12);
    expect(r.ranking.find((x) => x.candidateId === "pulsar")!.missingCriteria).toEqual(["fit"]);
    // Pulsar is shown apart, not ranked on its partial 4.48; the verdict judges RabbitMQ against Kafka (lead 1.04).
    expect(r.ranking.find((x) => x.candidateId === "pulsar")!.rank).toBeNull();
    expect(r.verdict.key).toBe("verdict.clear");
    expect(r.verdict.facts.lead).toBe(1.04);
    expect(r.verdict.facts.unranked).toEqual([{ candidateId: "pulsar", missingCriteria: ["fit"] }]);
    expect(r.verdict.facts.skillRisks).toEqual([
      { candidateId: "rabbit", skillId: "jms", busFactor: 0, weight: 0.3, flagged: true },
    ]);
    expect(r.team!.skills.map((s) => s.level)).toEqual([8, 5, 6]);
    expect(r.skillMatch.find((s) => s.candidateId === "rabbit")!.match).toBeCloseTo(7.1, 12);
    expect(r.topsis.closeness.map((c) => c.candidateId).sort()).toEqual(["kafka", "rabbit"]); // incomplete left out
  });
});

describe("AHP weights", () => {
  test("weightSource 'ahp' uses the principal eigenvector of the judgments (leader example numbers)", () => {
    const ids = ["learning", "ops", "community", "familiarity"];
    const model = seedModel();
    model.criteria = model.criteria.slice(0, 4);
    model.scores = model.scores.filter((s) => ids.includes(s.criterionId));
    const A = [
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ];
    model.judgments = [];
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++)
        model.judgments.push({ evaluatorId: "e", criterionA: ids[i], criterionB: ids[j], value: A[i][j] });
    const r = run(model, { ...FAST, weightSource: "ahp" });
    // numpy principal eigenvector (see ahp.test.ts): 0.54756924, 0.12655528, 0.26994992, 0.05592555.
    [0.54756924, 0.12655528, 0.26994992, 0.05592555].forEach((w, i) => expect(r.weights[i].share).toBeCloseTo(w, 7));
    expect(r.ahp!.cr!).toBeCloseTo(0.04385852752346877, 9);
    expect(r.ahp!.complete).toBe(true);
    expect(r.weightSource).toBe("ahp");
    // Direct weights still available when AHP is only informative.
    const d = run(model);
    expect(d.weights[0].share).toBeCloseTo(20 / 90, 12);
    expect(d.ahp!.weights[0].weight).toBeCloseTo(0.54756924, 7);
  });

  test("disconnected judgments: an error when AHP weights are requested, a warning otherwise", () => {
    const model = seedModel();
    model.judgments = [{ evaluatorId: "e", criterionA: "learning", criterionB: "ops", value: 2 }];
    const out = evaluateDecision(model, { ...FAST, weightSource: "ahp" });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ code: "ahp_incomplete", path: ["judgments"] });
    const r = run(model);
    expect(r.ahp).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain("ahp_incomplete");
  });

  test("no judgments with weightSource 'ahp' is an error", () => {
    const out = evaluateDecision(seedModel(), { weightSource: "ahp" });
    expect(out.ok).toBe(false);
  });
});

describe("verdicts and edge cases", () => {
  test("tie at the top: no winner, verdict.tie", () => {
    const model = seedModel();
    model.scores = model.scores.map((s) =>
      s.candidateId === "kafka"
        ? {
            ...s,
            value: model.scores.find((x) => x.candidateId === "rabbit" && x.criterionId === s.criterionId)!.value,
          }
        : s,
    );
    const r = run(model);
    expect(r.winnerId).toBeNull();
    expect(r.tieAtTop).toBe(true);
    expect(r.verdict.key).toBe("verdict.tie");
    expect(r.verdict.params.tiedCount).toBe(2);
    expect(r.monteCarlo!.pWinnerFirst).toBeNull();
    const p = r.monteCarlo!.pFirst;
    expect(p[0].p + p[1].p).toBeCloseTo(1, 12);
  });

  test("everyone excluded: verdict.noEligible, no simulation", () => {
    const model = seedModel();
    model.criteria[0] = rating("learning", 20, { threshold: 9.5 });
    const r = run(model);
    expect(r.ranking.every((x) => x.excluded)).toBe(true);
    expect(r.winnerId).toBeNull();
    expect(r.monteCarlo).toBeNull();
    expect(r.verdict.key).toBe("verdict.noEligible");
  });

  test("a narrow lead is close", () => {
    const model = seedModel();
    model.scores = model.scores.map((s) =>
      s.candidateId === "kafka" && s.criterionId === "familiarity" ? { ...s, value: 9.5 } : s,
    );
    // Kafka: 6.70 + 0.3·2.5 = 7.45 → lead 0.25 < 0.5
    const r = run(model);
    expect(r.winnerId).toBe("rabbit");
    expect(r.verdict.key).toBe("verdict.close");
  });

  test("metric criteria with explicit references and cost direction", () => {
    const m: DecisionModel = {
      criteria: [
        { id: "qps", name: "QPS", weight: 30, kind: "METRIC", direction: "BENEFIT", worst: 0, best: 10000 },
        { id: "lat", name: "Latency", weight: 25, kind: "METRIC", direction: "COST", worst: 200, best: 0 },
        { id: "err", name: "Errors", weight: 15, kind: "METRIC", direction: "COST", worst: 1, best: 0 },
        { id: "mem", name: "Memory", weight: 15, kind: "METRIC", direction: "COST", worst: 1024, best: 0 },
        { id: "pkg", name: "Package", weight: 15, kind: "METRIC", direction: "COST", worst: 500, best: 0 },
      ],
      candidates: [
        { id: "go", name: "Go" },
        { id: "py", name: "Python" },
      ],
      scores: [
        ["go", [9842, 50.7, 0, 96, 15]],
        ["py", [6135, 81.3, 0.12, 512, 300]],
      ].flatMap(([cand, vals]) =>
        (vals as number[]).map((value, i) => ({
          criterionId: ["qps", "lat", "err", "mem", "pkg"][i],
          candidateId: cand as string,
          evaluatorId: "bench",
          value,
        })),
      ),
    };
    const r = run(m);
    // Points by hand in normalise.test.ts; totals: Go .3·9.842 + .25·7.465 + .15·10 + .15·9.0625 + .15·9.7 = 9.133225 (python-checked),
    // Python .3·6.135 + .25·5.935 + .15·8.8 + .15·5 + .15·4 = 5.99425.
    expect(totalOf(r, "go")).toBeCloseTo(9.133225, 12);
    expect(totalOf(r, "py")).toBeCloseTo(5.99425, 12);
  });

  test("metric with default references: three candidates (numpy-checked)", () => {
    const ids = ["qps", "lat", "err", "mem", "pkg"];
    const dirs = ["BENEFIT", "COST", "COST", "COST", "COST"] as const;
    const m: DecisionModel = {
      criteria: ids.map((id, i) => ({
        id,
        name: id,
        weight: [30, 25, 15, 15, 15][i],
        kind: "METRIC" as const,
        direction: dirs[i],
      })),
      candidates: [
        { id: "go", name: "Go" },
        { id: "py", name: "Python" },
        { id: "node", name: "Node" },
      ],
      scores: [
        ["go", [9842, 50.7, 0, 96, 15]],
        ["py", [6135, 81.3, 0.12, 512, 300]],
        ["node", [8000, 60, 0.05, 200, 100]],
      ].flatMap(([cand, vals]) =>
        (vals as number[]).map((value, i) => ({
          criterionId: ids[i],
          candidateId: cand as string,
          evaluatorId: "bench",
          value,
        })),
      ),
    };
    const r = run(m);
    // numpy (observed min/max as references): Node points 5.03102239, 6.96078431, 5.83333333, 7.5, 7.01754386;
    // totals Go 10, Python 0, Node 6.302134374400591.
    expect(totalOf(r, "go")).toBeCloseTo(10, 12);
    expect(totalOf(r, "py")).toBeCloseTo(0, 12);
    expect(totalOf(r, "node")).toBeCloseTo(6.302134374400591, 12);
  });

  test("weight overrides act as what-if sliders without touching the model", () => {
    const model = seedModel();
    const r = run(model, { ...FAST, weightOverrides: { community: 60 } });
    // raw 20/25/60/30/10 = 145: Kafka (120+125+540+210+80)/145 = 1075/145 = 7.4138; RabbitMQ (160+175+420+270+60)/145 = 7.4828
    expect(totalOf(r, "kafka")).toBeCloseTo(1075 / 145, 12);
    expect(totalOf(r, "rabbit")).toBeCloseTo(1085 / 145, 12);
    expect(model.criteria[2].weight).toBe(15);
  });

  test("invalid input returns errors instead of throwing", () => {
    const out = evaluateDecision({ criteria: [], candidates: [], scores: [] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.code)).toEqual(["no_criteria", "no_candidates"]);
    expect(evaluateDecision(null as unknown as DecisionModel).ok).toBe(false);
  });

  test("scores on a SKILL_MATCH criterion are ignored with a warning", () => {
    const model = seedModel();
    model.criteria.push({ id: "fit", name: "Fit", weight: 0, kind: "SKILL_MATCH", direction: "BENEFIT" });
    model.scores.push({ criterionId: "fit", candidateId: "kafka", evaluatorId: "e1", value: 3 });
    const r = run(model);
    expect(r.warnings).toEqual([expect.objectContaining({ code: "score_ignored", path: ["scores", 15] })]);
  });
});

// ---- properties over random valid models ----

function assertAllFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => assertAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
}

describe("properties", () => {
  test("output never contains NaN or Infinity, and rank acceptability rows and columns sum to 1", () => {
    fc.assert(
      fc.property(modelArb, fc.boolean(), (model, ahp) => {
        const out = evaluateDecision(model, {
          monteCarlo: { samples: 200, seed: 3 },
          weightSource: ahp && (model.judgments?.length ?? 0) > 0 ? "ahp" : "direct",
        });
        if (!out.ok) throw new Error(JSON.stringify(out.errors));
        assertAllFinite(out.result);
        expect(JSON.parse(JSON.stringify(out.result))).toEqual(out.result);
        const mc = out.result.monteCarlo;
        if (mc) {
          // Simulated: eligible and complete (incomplete candidates are not ranked, so not simulated either).
          const simulated = (r: DecisionResult["ranking"][number]) => !r.excluded && r.rank !== null;
          const eligible = out.result.ranking.filter(simulated).length;
          mc.rankAcceptability.forEach((row, idx) => {
            const inSim = simulated(out.result.ranking.find((r) => r.candidateId === model.candidates[idx].id)!);
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(inSim ? 1 : 0, 9);
          });
          for (let k = 0; k < eligible; k++)
            expect(mc.rankAcceptability.reduce((a, row) => a + row[k], 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("scaling every weight by k > 0 changes no total, rank or probability", () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (model, k) => {
        const scaled = { ...model, criteria: model.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        const a = run(model, FAST);
        const b = run(scaled, FAST);
        a.ranking.forEach((r, i) => {
          expect(b.ranking[i].total).toBeCloseTo(r.total, 9);
          expect(b.ranking[i].rank).toBe(r.rank);
        });
        expect(b.winnerId).toBe(a.winnerId);
      }),
      { numRuns: 80 },
    );
  });

  test("raising a benefit rating never lowers that candidate's total", () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), fc.double({ min: 0, max: 10, noNaN: true }), (model, pick, bump) => {
        const idx = model.scores.findIndex(
          (s, k) =>
            k >= pick % Math.max(1, model.scores.length) &&
            model.criteria.find((c) => c.id === s.criterionId)!.kind === "RATING" &&
            model.criteria.find((c) => c.id === s.criterionId)!.direction === "BENEFIT",
        );
        fc.pre(idx >= 0);
        const s = model.scores[idx];
        const raised = {
          ...model,
          scores: model.scores.map((x, k) => (k === idx ? { ...x, value: Math.min(10, x.value + bump) } : x)),
        };
        const before = run(model, { monteCarlo: { samples: 0 } });
        const after = run(raised, { monteCarlo: { samples: 0 } });
        expect(totalOf(after, s.candidateId)).toBeGreaterThanOrEqual(totalOf(before, s.candidateId) - 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  test("adding a weight-0 criterion changes no total", () => {
    fc.assert(
      fc.property(
        modelArb,
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 5, maxLength: 5 }),
        (model, values) => {
          const extra: DecisionModel = {
            ...model,
            criteria: [...model.criteria, rating("zero", 0)],
            scores: [
              ...model.scores,
              ...model.candidates.map((c, i) => ({
                criterionId: "zero",
                candidateId: c.id,
                evaluatorId: "e0",
                value: values[i],
              })),
            ],
          };
          const a = run(model, { monteCarlo: { samples: 0 } });
          const b = run(extra, { monteCarlo: { samples: 0 } });
          for (const r of a.ranking) expect(totalOf(b, r.candidateId)).toBeCloseTo(r.total, 12);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("same seed → identical Monte Carlo result", () => {
    fc.assert(
      fc.property(modelArb, fc.integer(), (model, seed) => {
        const o = { monteCarlo: { samples: 300, seed } };
        expect(run(model, o).monteCarlo).toEqual(run(model, o).monteCarlo);
      }),
      { numRuns: 30 },
    );
  });
});
