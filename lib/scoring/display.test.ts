// The one display rule: ranks, ties and margins are judged on the figures as printed (2 decimals for points).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { atCurrentShare, displayMargin, displayPoints, displayRanks, roundTo } from "./display";
import { evaluateDecision } from "./evaluate";
import type { DecisionResult } from "./result-types";
import { rating, seedModel } from "./test-fixtures";
import type { DecisionModel } from "./types";

function run(model: DecisionModel): DecisionResult {
  const out = evaluateDecision(model, { monteCarlo: { samples: 200, seed: 3 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

/** Two candidates on one 0–10 rating, so each total is exactly the value entered. */
function pair(a: number, b: number): DecisionModel {
  return {
    criteria: [rating("q", 1)],
    candidates: [
      { id: "gin", name: "Gin" },
      { id: "flask", name: "Flask" },
    ],
    scores: [
      { criterionId: "q", candidateId: "gin", evaluatorId: "e", value: a },
      { criterionId: "q", candidateId: "flask", evaluatorId: "e", value: b },
    ],
  };
}

describe("roundTo", () => {
  test.each([
    [7.012, 2, 7.01],
    [7.008, 2, 7.01],
    [7.005, 2, 7.01], // half away from zero, as Intl.NumberFormat prints it
    [0.1 + 0.2, 2, 0.3],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [-0.001, 2, 0], // never −0
    [0.7484, 3, 0.748],
    [0.74849, 3, 0.748],
  ])("roundTo(%d, %d) = %d", (v, d, expected) => expect(roundTo(v, d)).toBe(expected));
});

describe("ties, margins and crossovers at the displayed precision", () => {
  test("totals 7.012 and 7.008 both print 7.01: a tie at rank 1, no winner, verdict tie", () => {
    const r = run(pair(7.012, 7.008));
    expect(r.ranking.map((x) => [x.candidateId, x.rank, x.tied, x.margin])).toEqual([
      ["gin", 1, true, 0],
      ["flask", 1, true, null],
    ]);
    expect(r.winnerId).toBeNull();
    expect(r.tieAtTop).toBe(true);
    expect(r.verdict.key).toBe("verdict.tie");
  });

  test("a lead that rounds to 0.00 is a tie, not 'leads by only 0.00 points'", () => {
    const r = run(pair(6.904, 6.896)); // 6.90 and 6.90
    expect(r.verdict.key).toBe("verdict.tie");
    expect(r.verdict.facts.lead).toBe(0);
  });

  test("totals 7.676 and 6.784 print 7.68 and 6.78: the margin and the verdict's lead are 0.90, not 0.89", () => {
    const r = run(pair(7.676, 6.784));
    expect(r.ranking[0].margin).toBe(0.9); // 7.68 − 6.78 by hand
    expect(r.verdict.facts.lead).toBe(0.9);
  });

  test("a lead of 7.005 over 7.004 prints 7.01 vs 7.00: ranks 1 and 2, margin 0.01", () => {
    const r = run(pair(7.005, 7.004));
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 2]);
    expect(r.ranking[0].margin).toBe(0.01);
  });

  test("a crossover that prints as today's share is at today's weight", () => {
    expect(atCurrentShare(0.7483, 0.7479)).toBe(true); // 74.8 % and 74.8 %
    expect(atCurrentShare(0.7486, 0.7479)).toBe(false); // 74.9 % and 74.8 %
    // Seed decision with community at 15 %: the flip to Kafka lies at 43.3 %, far from today's share.
    const r = run(seedModel());
    const c = r.sensitivity.smallestChange!;
    expect(atCurrentShare(c.toShare, c.fromShare)).toBe(false);
  });
});

describe("properties", () => {
  const totals = fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 });

  test("the displayed margin always equals the difference of the displayed totals", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b) => {
        const m = displayMargin(a, b);
        // Compare in hundredths, where the displayed values are integers.
        expect(Math.round(m * 100)).toBe(Math.round(displayPoints(a) * 100) - Math.round(displayPoints(b) * 100));
      }),
    );
  });

  test("displayed ranks are consistent with displayed totals", () => {
    fc.assert(
      fc.property(totals, (values) => {
        const sorted = [...values].sort((x, y) => y - x);
        const ranks = displayRanks(sorted);
        for (let k = 1; k < sorted.length; k++) {
          const same = displayPoints(sorted[k]) === displayPoints(sorted[k - 1]);
          expect(ranks[k] === ranks[k - 1]).toBe(same);
          if (!same) expect(ranks[k]).toBe(k + 1);
        }
      }),
    );
  });

  test("the engine's ranking: equal printed totals share a rank; margins are differences of printed totals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 6 }),
        (xs, ys) => {
          const m = Math.min(xs.length, ys.length);
          const model: DecisionModel = {
            criteria: [rating("a", 3), rating("b", 7)],
            candidates: Array.from({ length: m }, (_, c) => ({ id: `c${c}`, name: `C${c}` })),
            scores: Array.from({ length: m }, (_, c) => [
              { criterionId: "a", candidateId: `c${c}`, evaluatorId: "e", value: xs[c] / 1000 },
              { criterionId: "b", candidateId: `c${c}`, evaluatorId: "e", value: ys[c] / 1000 },
            ]).flat(),
          };
          const out = evaluateDecision(model, { monteCarlo: { samples: 0 } });
          if (!out.ok) throw new Error("unexpected");
          const ranking = out.result.ranking;
          for (let k = 0; k + 1 < ranking.length; k++) {
            const [x, y] = [ranking[k], ranking[k + 1]];
            const dx = Math.round(displayPoints(x.total) * 100);
            const dy = Math.round(displayPoints(y.total) * 100);
            expect(dx).toBeGreaterThanOrEqual(dy);
            expect(x.rank === y.rank).toBe(dx === dy);
            expect(Math.round(x.margin! * 100)).toBe(dx - dy);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
