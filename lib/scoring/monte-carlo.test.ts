import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Sfc32 } from "./prng";
import {
  cellPerturbation,
  monteCarloResult,
  noisyTotals,
  simulate,
  standardError,
  type MonteCarloProblem,
} from "./monte-carlo";
import type { CellResult } from "./result-types";

function problem(points: number[][], shares: number[], halfWidth = 0.5): MonteCarloProblem {
  const m = points.length;
  const n = shares.length;
  const base = new Float64Array(m * n);
  const width = new Float64Array(m * n);
  points.forEach((row, c) =>
    row.forEach((p, j) => {
      base[c * n + j] = Math.max(0, p - halfWidth);
      width[c * n + j] = Math.min(10, p + halfWidth) - base[c * n + j];
    }),
  );
  return { m, n, shares: Float64Array.from(shares), base, width };
}

const opts = { samples: 10_000, seed: 42, kappa: 100, scoreNoise: true, pairwise: true };
const seedPoints = [
  [6, 5, 9, 7, 8],
  [8, 7, 7, 9, 6],
  [5, 4, 8, 5, 9],
];
const seedShares = [0.2, 0.25, 0.15, 0.3, 0.1];

describe("simulate: invariants", () => {
  test("rank acceptability rows and columns each sum to N", () => {
    const r = simulate(problem(seedPoints, seedShares), { ...opts, kappa: 5 });
    const m = 3;
    for (let a = 0; a < m; a++) {
      let row = 0;
      let col = 0;
      for (let k = 0; k < m; k++) {
        row += r.rankCounts[a * m + k];
        col += r.rankCounts[k * m + a];
      }
      expect(row).toBe(10_000);
      expect(col).toBe(10_000);
    }
  });

  test("lazily counted pairwise wins agree exactly with the rank counts", () => {
    // Σ_b wins(a, b) = Σ_r count(a at rank r)·(m − 1 − r): every sample, a beats exactly those ranked below it.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (m, n, seed, kappa) => {
          const rng = new Sfc32(seed);
          const pts = Array.from({ length: m }, () =>
            Array.from({ length: n }, () => Math.round(rng.uniform() * 4) * 2.5),
          );
          const shares = Array.from({ length: n }, () => 1 / n);
          const r = simulate(problem(pts, shares, 1), {
            samples: 300,
            seed,
            kappa,
            scoreNoise: rng.uniform() < 0.5,
            pairwise: true,
          });
          for (let a = 0; a < m; a++) {
            let wins = 0;
            let expected = 0;
            for (let b = 0; b < m; b++) {
              wins += r.winCounts![a * m + b];
              if (b !== a) expect(r.winCounts![a * m + b] + r.winCounts![b * m + a]).toBe(300);
            }
            for (let k = 0; k < m; k++) expected += r.rankCounts[a * m + k] * (m - 1 - k);
            expect(wins).toBe(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test("same seed → identical counts; another seed → different counts", () => {
    const p = problem(seedPoints, seedShares);
    const a = simulate(p, { ...opts, kappa: 10 });
    const b = simulate(p, { ...opts, kappa: 10 });
    const c = simulate(p, { ...opts, kappa: 10, seed: 43 });
    expect(Array.from(a.rankCounts)).toEqual(Array.from(b.rankCounts));
    expect(Array.from(a.winCounts!)).toEqual(Array.from(b.winCounts!));
    expect(Array.from(a.rankCounts)).not.toEqual(Array.from(c.rankCounts));
  });

  test("noisyTotals consumes the generator exactly like nextU32, 16 bits per cell, high half first", () => {
    const p = problem(
      [
        [1, 2, 3],
        [4, 5, 6.5],
      ],
      [0.5, 0.3, 0.2],
    );
    const w = Float64Array.from([0.5, 0.3, 0.2]);
    const totals = new Float64Array(2);
    noisyTotals(new Sfc32(5), new Int32Array(4), w, p.base, p.width, 2, 3, totals);
    const ref = new Sfc32(5);
    const us: number[] = [];
    for (let k = 0; k < 3; k++) {
      const x = ref.nextU32();
      us.push((x >>> 16) / 65536, (x & 0xffff) / 65536);
    }
    for (let c = 0; c < 2; c++) {
      let t = 0;
      for (let j = 0; j < 3; j++) t += w[j] * (p.base[c * 3 + j] + us[c * 3 + j] * p.width[c * 3 + j]);
      expect(totals[c]).toBeCloseTo(t, 14);
    }
  });
});

describe("simulate: statistics (tolerances from the standard error)", () => {
  test("two identical candidates split P(first) within 4 SE of 0.5", () => {
    const N = 20_000;
    const r = simulate(
      problem(
        [
          [5, 6],
          [5, 6],
        ],
        [0.5, 0.5],
      ),
      { ...opts, samples: N },
    );
    const p = r.rankCounts[0] / N;
    expect(Math.abs(p - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
  });

  test("identical candidates without score noise: exact ties are broken at random, not by model order", () => {
    const N = 20_000;
    const r = simulate(
      problem(
        [
          [5, 6],
          [5, 6],
          [5, 6],
        ],
        [0.5, 0.5],
      ),
      { ...opts, samples: N, scoreNoise: false },
    );
    for (let c = 0; c < 3; c++) {
      const p = r.rankCounts[c * 3] / N;
      expect(Math.abs(p - 1 / 3)).toBeLessThan(4 * Math.sqrt(((1 / 3) * (2 / 3)) / N));
    }
  });

  test("κ = 1e7 without score noise: the strict winner is first in every sample", () => {
    const r = simulate(problem(seedPoints, seedShares, 0), { ...opts, kappa: 1e7, scoreNoise: false });
    expect(r.rankCounts[1 * 3 + 0]).toBe(10_000); // RabbitMQ first
    expect(r.rankCounts[0 * 3 + 1]).toBe(10_000); // Kafka second
    expect(r.rankCounts[2 * 3 + 2]).toBe(10_000); // Pulsar third
  });

  test("a single criterion with score noise: P(first) matches the uniform-overlap probability", () => {
    // a ~ U[5.5, 6.5], b ~ U[6, 7]; P(a > b) = ½·0.5·0.5 = 0.125 (area of the corner triangle), by hand.
    const N = 40_000;
    const r = simulate(problem([[6], [6.5]], [1]), { ...opts, samples: N });
    const p = r.rankCounts[0] / N;
    expect(Math.abs(p - 0.125)).toBeLessThan(4 * Math.sqrt((0.125 * 0.875) / N));
  });

  test("weights only: P(first) matches a Beta probability computed independently", () => {
    // Two criteria, shares (0.5, 0.5), κ = 10 → w₁ ~ Beta(5, 5). x = (10, 0), y = (0, 6), no score noise:
    // x wins iff 10w > 6(1 − w) ⇔ w > 0.375. P(Beta(5, 5) > 0.375) = 0.783382, computed with numpy by trapezoid
    // integration of x⁴(1 − x)⁴ / B(5, 5) over [0.375, 1] (2,000,001 points).
    const N = 40_000;
    const r = simulate(
      problem(
        [
          [10, 0],
          [0, 6],
        ],
        [0.5, 0.5],
        0,
      ),
      { ...opts, samples: N, kappa: 10, scoreNoise: false },
    );
    const p = r.rankCounts[0] / N;
    expect(Math.abs(p - 0.783382)).toBeLessThan(4 * Math.sqrt((0.783382 * 0.216618) / N));
  });
});

describe("cellPerturbation", () => {
  const cell = (over: Partial<CellResult>): CellResult => ({
    criterionId: "c",
    candidateId: "a",
    value: 5,
    points: 5,
    evaluatorCount: 1,
    min: 5,
    max: 5,
    range: 0,
    stdDev: 0,
    pointsMin: 5,
    pointsMax: 5,
    disagreement: false,
    missing: false,
    ...over,
  });
  test.each([
    [cell({}), 4.5, 1],
    [cell({ points: 9.8 }), 9.3, 0.7], // ±0.5 shrunk at 10
    [cell({ points: 0.2 }), 0, 0.7],
    [cell({ evaluatorCount: 3, pointsMin: 4, pointsMax: 8 }), 4, 4],
    [cell({ evaluatorCount: 0, points: 7.1 }), 7.1, 0], // computed skill match: fixed
    [cell({ points: null, missing: true }), 0, 0], // missing contributes 0
  ])("%#", (c, base, width) => {
    const p = cellPerturbation(c);
    expect(p.base).toBeCloseTo(base, 12);
    expect(p.width).toBeCloseTo(width, 12);
  });
});

describe("monteCarloResult", () => {
  test("maps simulated candidates back to model order; excluded rows are zero", () => {
    const counts = simulate(problem([[8], [5]], [1]), { ...opts, samples: 1000 });
    const r = monteCarloResult(counts, ["x", "gone", "y"], [0, 2], "x", { ...opts, samples: 1000 });
    expect(r.rankAcceptability).toHaveLength(3);
    expect(r.rankAcceptability[1]).toEqual([0, 0]);
    expect(r.rankAcceptability[0]).toEqual([1, 0]);
    expect(r.pFirst[0]).toEqual({ candidateId: "x", p: 1, se: 0 });
    expect(r.pWinnerFirst).toBe(1);
    expect(r.pairwiseWinRate[0][2]).toBe(1);
    expect(r.pairwiseWinRate[2][0]).toBe(0);
  });

  test.each([
    [0.5, 10_000, 0.005],
    [0.9, 100, 0.03],
    [0, 100, 0],
  ])("standardError(%s, %s) = %s", (p, n, se) => expect(standardError(p, n)).toBeCloseTo(se, 12));
});
