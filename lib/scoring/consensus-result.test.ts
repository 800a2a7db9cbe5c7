// The engine's consensus figures against scipy, on a decision with ratings, a measured metric and an evaluator who
// did not finish. Reference (Python 3, numpy 2.4, scipy 1.17):
//   from scipy.stats import friedmanchisquare; import numpy as np
//   W = lambda M: (lambda r, m, n: (r.statistic / (m * (n - 1)), r.statistic, r.pvalue))(
//         friedmanchisquare(*np.array(M, float).T), *np.shape(M))
//   totals e = 0.5·A[e] + 0.3·B[e] + 0.2·[5, 8, 2, 10]   (C's facts 50, 80, 20, 100 on 0–100 → 5, 8, 2, 10 points)
import { describe, expect, test } from "vitest";
import { buildCells } from "./cells";
import { kendallW } from "./consensus";
import { evaluateDecision } from "./evaluate";
import { Sfc32 } from "./prng";
import { rating } from "./test-fixtures";
import { candidateTotals } from "./totals";
import type { CriterionInput, DecisionModel } from "./types";

const CANDIDATES = ["c1", "c2", "c3", "c4"];
const A: Record<string, number[]> = { e1: [8, 6, 7, 3], e2: [7, 7, 5, 4], e3: [9, 5, 6, 6], e4: [6, 8, 2, 5] };
const B: Record<string, number[]> = { e1: [5, 9, 4, 6], e2: [6, 8, 5, 5], e3: [4, 7, 7, 3] };

function model(): DecisionModel {
  const scores = [
    ...Object.entries(A).flatMap(([e, vs]) =>
      vs.map((value, k) => ({ criterionId: "A", candidateId: CANDIDATES[k], evaluatorId: e, value })),
    ),
    ...Object.entries(B).flatMap(([e, vs]) =>
      vs.map((value, k) => ({ criterionId: "B", candidateId: CANDIDATES[k], evaluatorId: e, value })),
    ),
  ];
  return {
    criteria: [
      rating("A", 5),
      rating("B", 3),
      { id: "C", name: "C", weight: 2, kind: "METRIC", direction: "BENEFIT", worst: 0, best: 100, unit: "x" },
    ],
    candidates: CANDIDATES.map((id) => ({ id, name: id })),
    scores,
    facts: [50, 80, 20, 100].map((value, k) => ({ criterionId: "C", candidateId: CANDIDATES[k], value })),
  };
}

const resultOf = (m: DecisionModel) => {
  const out = evaluateDecision(m, { monteCarlo: { samples: 0 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
};

describe("consensus in the evaluation", () => {
  test("overall: the three evaluators who scored everything, by their own totals", () => {
    const c = resultOf(model()).consensus;
    // W(totals of e1, e2, e3) → (0.9111111111111114, 8.200000000000003, 0.04205418289496618)
    expect(c.evaluatorIds).toEqual(["e1", "e2", "e3"]);
    expect(c.overall!.w).toBeCloseTo(0.9111111111111114, 12);
    expect(c.overall!.chiSquare).toBeCloseTo(8.200000000000003, 12);
    expect(c.overall!.pValue).toBeCloseTo(0.04205418289496618, 12);
    expect(c.overall).toMatchObject({ raters: 3, items: 4, df: 3 });
  });

  test("per criterion: everyone who rated it; the measured metric has no opinions to compare", () => {
    const byId = new Map(resultOf(model()).consensus.criteria.map((x) => [x.criterionId, x]));
    expect([...byId.keys()]).toEqual(["A", "B"]);
    // W(A of e1…e4) → (0.4605263157894737, 5.526315789473684, 0.13707308681384192)
    expect(byId.get("A")!.evaluatorIds).toEqual(["e1", "e2", "e3", "e4"]);
    expect(byId.get("A")!.concordance!.w).toBeCloseTo(0.4605263157894737, 12);
    expect(byId.get("A")!.concordance!.pValue).toBeCloseTo(0.13707308681384192, 12);
    // W(B of e1…e3) → (0.5357142857142857, 4.821428571428571, 0.18534984436088037)
    expect(byId.get("B")!.evaluatorIds).toEqual(["e1", "e2", "e3"]);
    expect(byId.get("B")!.concordance!.w).toBeCloseTo(0.5357142857142857, 12);
    expect(byId.get("B")!.concordance!.pValue).toBeCloseTo(0.18534984436088037, 12);
  });

  test("one evaluator: nothing to compare", () => {
    const m = model();
    m.scores = m.scores.filter((s) => s.evaluatorId === "e1");
    const c = resultOf(m).consensus;
    expect(c.overall).toBeNull();
    expect(c.evaluatorIds).toEqual([]);
    expect(c.criteria.map((x) => x.concordance)).toEqual([null, null]);
  });

  test("a candidate left unranked (a missing cell) is not among the items compared", () => {
    const m = model();
    // Nobody rates c4 on B: c4 is incomplete, so only c1–c3 are ranked and compared.
    m.scores = m.scores.filter((s) => !(s.criterionId === "B" && s.candidateId === "c4"));
    const c = resultOf(m).consensus;
    expect(c.overall!.items).toBe(3);
    // e1 totals 6.5 7.3 5.1, e2 6.3 7.5 4.4, e3 6.7 6.2 5.5: W([[6.5,7.3,5.1],[6.3,7.5,4.4],[6.7,6.2,5.5]])
    // → friedmanchisquare gives statistic 4.666666666666664, W = 0.7777777777777773
    expect(c.overall!.w).toBeCloseTo(0.7777777777777773, 12);
    expect(c.criteria.find((x) => x.criterionId === "A")!.concordance!.items).toBe(3);
  });

  test("agreement does not depend on the scale of anyone's entries: doubling a rating scale and its values", () => {
    const m = model();
    m.criteria[0] = rating("A", 5, { scaleMin: 0, scaleMax: 20 });
    m.scores = m.scores.map((s) => (s.criterionId === "A" ? { ...s, value: s.value * 2 } : s));
    const c = resultOf(m).consensus;
    expect(c.overall!.w).toBeCloseTo(0.9111111111111114, 12);
    expect(c.criteria.find((x) => x.criterionId === "A")!.concordance!.w).toBeCloseTo(0.4605263157894737, 12);
  });
});

describe("property: each evaluator's own totals are the ones their own evaluation gives", () => {
  test("random decisions with ratings, metrics (observed and set references, facts), cost criteria and gaps", () => {
    const rng = new Sfc32(1717);
    const int = (lo: number, hi: number) => lo + rng.below(hi - lo + 1);
    let compared = 0;
    for (let trial = 0; trial < 150; trial++) {
      const nCrit = int(1, 6);
      const nCand = int(2, 6);
      const evaluators = Array.from({ length: int(2, 5) }, (_, k) => `e${k}`);
      const criteria: CriterionInput[] = Array.from({ length: nCrit }, (_, i) =>
        rng.below(3) === 0
          ? {
              id: `k${i}`,
              name: `k${i}`,
              weight: rng.below(4),
              kind: "METRIC",
              direction: rng.below(2) ? "COST" : "BENEFIT",
              ...(rng.below(2) ? { worst: 0, best: 100 } : {}),
              unit: "ms",
            }
          : rating(`k${i}`, rng.below(4), { direction: rng.below(2) ? "COST" : "BENEFIT" }),
      );
      if (criteria.every((c) => c.weight === 0)) criteria[0].weight = 1;
      const candidates = Array.from({ length: nCand }, (_, j) => ({ id: `c${j}`, name: `c${j}` }));
      const facts = criteria.flatMap((c) =>
        c.kind === "METRIC"
          ? candidates
              .filter(() => rng.below(3) === 0)
              .map((d) => ({ criterionId: c.id, candidateId: d.id, value: int(0, 100) }))
          : [],
      );
      const scores = criteria.flatMap((c) =>
        candidates.flatMap((d) =>
          evaluators
            .filter(() => rng.below(10) > 0)
            .map((e) => ({
              criterionId: c.id,
              candidateId: d.id,
              evaluatorId: e,
              value: c.kind === "METRIC" ? int(0, 100) : int(0, 10),
            })),
        ),
      );
      const model: DecisionModel = { criteria, candidates, scores, facts };
      const out = evaluateDecision(model, { monteCarlo: { samples: 0 } });
      if (!out.ok) continue;
      const r = out.result;
      const contenders = r.ranking.filter((x) => !x.excluded && x.rank !== null).map((x) => x.candidateId);
      // Independently: each compared evaluator's own evaluation (the engine's cells and totals from their scores).
      const rows = r.consensus.evaluatorIds.map((e) => {
        const own = buildCells(
          criteria,
          candidates,
          scores.filter((s) => s.evaluatorId === e),
          r.skillMatch,
          "mean",
          facts,
        );
        const totals = candidateTotals(
          criteria,
          candidates,
          r.weights.map((w) => w.share),
          own.cells,
        );
        return contenders.map((id) => totals.find((t) => t.candidateId === id)!.total);
      });
      if (!r.consensus.overall) continue;
      const expected = kendallW(rows)!;
      expect(r.consensus.overall.w).toBeCloseTo(expected.w, 12);
      expect(r.consensus.overall.pValue).toBeCloseTo(expected.pValue, 12);
      compared++;
    }
    // The generator must produce comparable decisions, or the property says nothing.
    expect(compared).toBeGreaterThan(30);
  });
});
