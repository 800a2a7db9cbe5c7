// Facts vs opinions in the engine's input: METRIC cells take their one shared fact (no evaluators, no spread, nothing
// for the Monte Carlo to perturb), RATING cells aggregate the evaluators' scores. Figures worked by hand.
import { describe, expect, test } from "vitest";
import { cellPerturbation, evaluateDecision } from "@/lib/scoring";
import { criterion, decision, fact, score } from "./test-fixtures";
import { toScoringModel } from "./to-scoring-model";

describe("toScoringModel: facts feed METRIC cells", () => {
  const d = decision({
    criteria: [criterion("qps", "METRIC", 60), criterion("fun", "RATING", 40)],
    facts: [fact("qps", "a", 100), fact("qps", "b", 300), fact("qps", "c", 200), fact("fun", "a", 99)],
    scores: [
      // A leftover metric score (from before the kind changed) is not an opinion about the measurement.
      score("qps", "a", "u2", 100000),
      score("fun", "a", "u1", 4),
      score("fun", "a", "u2", 8),
      score("fun", "b", "u1", 5),
      score("fun", "c", "u1", 10),
    ],
  });

  test("facts of METRIC criteria become the model's facts; scores of METRIC criteria and stray facts are left out", () => {
    const m = toScoringModel(d);
    expect(m.facts).toEqual([
      { criterionId: "qps", candidateId: "a", value: 100 },
      { criterionId: "qps", candidateId: "b", value: 300 },
      { criterionId: "qps", candidateId: "c", value: 200 },
    ]);
    expect(m.scores.map((s) => s.criterionId)).toEqual(["fun", "fun", "fun", "fun"]);
  });

  test("points from the observed range, totals by hand, and no spread on a fact", () => {
    const outcome = evaluateDecision(toScoringModel(d), { monteCarlo: { samples: 0 } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const r = outcome.result;
    const cell = (k: string, c: string) => r.cells.find((x) => x.criterionId === k && x.candidateId === c)!;
    // Observed 100 (worst) … 300 (best): a 0, b 10, c 10·(200−100)/200 = 5.
    expect([cell("qps", "a").points, cell("qps", "b").points, cell("qps", "c").points]).toEqual([0, 10, 5]);
    // a: .6·0 + .4·6 = 2.4; b: .6·10 + .4·5 = 8; c: .6·5 + .4·10 = 7.
    const total = (c: string) => r.ranking.find((x) => x.candidateId === c)!.total;
    expect(total("a")).toBeCloseTo(2.4, 12);
    expect(total("b")).toBeCloseTo(8, 12);
    expect(total("c")).toBeCloseTo(7, 12);
    const measured = cell("qps", "c");
    expect(measured).toMatchObject({ value: 200, evaluatorCount: 0, min: 200, max: 200, range: 0, stdDev: 0 });
    expect(measured.disagreement).toBe(false);
    // The Monte Carlo holds a fact fixed; a single-evaluator rating moves ±0.5 points.
    expect(cellPerturbation(measured)).toEqual({ base: 5, width: 0 });
    expect(cellPerturbation(cell("fun", "b"))).toEqual({ base: 4.5, width: 1 });
    expect(cell("fun", "a")).toMatchObject({ value: 6, evaluatorCount: 2, range: 4 });
  });

  test("a METRIC cell without a fact is missing, never zero", () => {
    const outcome = evaluateDecision(toScoringModel({ ...d, facts: d.facts.filter((f) => f.candidateId !== "c") }), {
      monteCarlo: { samples: 0 },
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const c = outcome.result.ranking.find((x) => x.candidateId === "c")!;
    expect(c.incomplete).toBe(true);
    expect(c.missingCriteria).toEqual(["qps"]);
  });

  test("stated reference values convert a fact the same way a score was converted", () => {
    const ref = decision({
      criteria: [criterion("lat", "METRIC", 1, { direction: "COST", unit: "ms", worst: 150, best: 30 })],
      facts: [fact("lat", "a", 50.7), fact("lat", "b", 81.3), fact("lat", "c", 200)],
    });
    const outcome = evaluateDecision(toScoringModel(ref), { monteCarlo: { samples: 0 } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    // 10·(150−50.7)/120 = 8.275; 10·(150−81.3)/120 = 5.725; 200 ms is past the worst reference → 0.
    expect(outcome.result.cells.map((c) => c.points)).toEqual([
      expect.closeTo(8.275, 12),
      expect.closeTo(5.725, 12),
      0,
    ]);
  });
});
