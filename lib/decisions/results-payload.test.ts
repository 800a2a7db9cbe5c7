// The results page's packed scores: the layout worked by hand on a small case, and a property test that packing then
// unpacking gives back every cell (so the engine's results cannot change).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "@/lib/scoring";
import { packDecision, packScores, unpackDecision, unpackScores, type ScoreCell } from "./results-payload";
import { criterion, decision, score } from "./test-fixtures";
import { toScoringModel } from "./to-scoring-model";

const key = (s: ScoreCell) => `${s.criterionId}|${s.candidateId}|${s.evaluatorId}|${s.value}`;

describe("packScores", () => {
  // Criteria x, y; candidates a, b, c; evaluators (first seen) e1, e2.
  // Index (criterion · 3 + candidate) · 2 + evaluator: x·a·e1 = 0, x·a·e2 = 1, x·b·e1 = 2, …, y·c·e2 = 11.
  const d = decision({
    criteria: [criterion("x", "RATING", 1), criterion("y", "RATING", 1)],
    scores: [
      score("x", "a", "e1", 7),
      score("y", "c", "e2", 2.5),
      score("x", "a", "e2", 0),
      score("y", "a", "e1", 10),
      score("gone", "a", "e1", 4),
    ],
  });

  test("lays values out in (criterion, candidate, evaluator) order, null where nobody scored", () => {
    expect(packScores(d)).toEqual({
      evaluatorIds: ["e1", "e2"],
      values: [7, 0, null, null, null, null, 10, null, null, null, null, 2.5],
    });
  });

  test("unpacks to the same cells, leaving out a score of a criterion no longer listed", () => {
    expect(unpackScores(d, packScores(d)).map(key).sort()).toEqual(
      ["x|a|e1|7", "x|a|e2|0", "y|a|e1|10", "y|c|e2|2.5"].sort(),
    );
  });

  test("carries no score row fields the results page does not read", () => {
    const packed = packDecision(d);
    expect(JSON.stringify(packed)).not.toContain("rationale");
    expect("scores" in packed).toBe(false);
  });

  test("a decision without scores packs to empty", () => {
    expect(packScores(decision({ criteria: [criterion("x", "RATING", 1)] }))).toEqual({
      evaluatorIds: [],
      values: [],
    });
  });
});

describe("round trip", () => {
  const arb = fc
    .record({
      nCrit: fc.integer({ min: 1, max: 5 }),
      nEval: fc.integer({ min: 1, max: 4 }),
      cells: fc.array(fc.tuple(fc.nat(4), fc.nat(2), fc.nat(3), fc.integer({ min: 0, max: 100 })), { maxLength: 40 }),
    })
    .map(({ nCrit, nEval, cells }) => {
      const criteria = Array.from({ length: nCrit }, (_, i) => criterion(`c${i}`, "RATING", i + 1));
      const seen = new Set<string>();
      const scores = cells
        .filter(([i, , e]) => i < nCrit && e < nEval)
        .map(([i, j, e, v]) => score(`c${i}`, ["a", "b", "c"][j], `e${e}`, v / 10))
        .filter(
          (s) =>
            !seen.has(`${s.criterionId}${s.candidateId}${s.evaluatorId}`) &&
            !!seen.add(`${s.criterionId}${s.candidateId}${s.evaluatorId}`),
        );
      return decision({ criteria, scores });
    });

  test("every cell survives packing, and the engine gives the same result", () => {
    fc.assert(
      fc.property(arb, (d) => {
        const back = unpackDecision(packDecision(d));
        expect(back.scores.map(key).sort()).toEqual(d.scores.map(key).sort());
        for (const aggregation of ["mean", "median"] as const)
          expect(evaluateDecision(toScoringModel(back), { aggregation, monteCarlo: { samples: 0 } })).toEqual(
            evaluateDecision(toScoringModel(d), { aggregation, monteCarlo: { samples: 0 } }),
          );
      }),
      { numRuns: 200 },
    );
  });
});
