import { describe, expect, test } from "vitest";
import { averageRanks, chiSquareSurvival, kendallW } from "./consensus";
import { Sfc32 } from "./prng";

// Reference values: Python 3, numpy 2.4, scipy 1.17, after
//   import numpy as np; from scipy.stats import friedmanchisquare, chi2
// For a matrix M (rows = raters, columns = items) scipy takes one sample per item, so the snippet is
//   r = friedmanchisquare(*np.array(M, float).T); m, n = np.shape(M)
// and W = r.statistic / (m * (n - 1)).

/** Passes when within `abs` absolutely or `rel` relatively: the far tails are compared to their own size. */
function expectClose(actual: number, expected: number, abs: number, rel: number) {
  const err = Math.abs(actual - expected);
  expect(err <= abs || err <= rel * Math.abs(expected), `${actual} vs ${expected}`).toBe(true);
}

describe("averageRanks", () => {
  test("ties share the mean of the positions they span", () => {
    // Sorted descending: 9 (1st), 7 and 7 (2nd and 3rd → 2.5), 3 (4th).
    expect(averageRanks([7, 9, 7, 3])).toEqual([2.5, 1, 2.5, 4]);
    expect(averageRanks([7, 9, 7, 3], "desc")).toEqual([2.5, 1, 2.5, 4]);
  });

  test("ascending puts the smallest first", () => {
    // Sorted ascending: 3 (1st), 7 and 7 (2nd and 3rd → 2.5), 9 (4th).
    expect(averageRanks([7, 9, 7, 3], "asc")).toEqual([2.5, 4, 2.5, 1]);
  });

  test("all equal: everyone gets the middle rank (n + 1)/2", () => {
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([4, 4, 4, 4], "asc")).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(averageRanks([])).toEqual([]);
  });

  test("ranks always sum to n(n+1)/2, whatever the ties", () => {
    const rng = new Sfc32(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.below(12);
      const values = Array.from({ length: n }, () => rng.below(4));
      for (const order of ["desc", "asc"] as const) {
        expect(averageRanks(values, order).reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
      }
    }
  });
});

describe("kendallW: hand-worked extremes", () => {
  test("three raters giving the same order agree perfectly", () => {
    // Ranks 1..4 for every rater: R = (3, 6, 9, 12), mean 7.5, S = 2·(4.5² + 1.5²) = 45; 12·45 / (3²·(64 − 4)) = 1.
    const r = kendallW([
      [10, 8, 5, 1],
      [4, 3, 2, 1],
      [100, 50, 20, 0],
    ])!;
    expect(r.w).toBe(1);
    expect(r).toMatchObject({ raters: 3, items: 4, df: 3, tied: false });
    expect(r.chiSquare).toBe(9); // m(n − 1)·W = 3·3·1
    expectClose(r.pValue, 0.02929088653488826, 1e-12, 1e-10); // chi2.sf(9, 3)
  });

  test("identical tie patterns are still perfect agreement", () => {
    // Ranks (1.5, 1.5, 3) twice: R = (3, 3, 6), mean 4, S = 1 + 1 + 4 = 6; T = 2·(8 − 2) = 12;
    // 12·6 / (4·24 − 2·12) = 72 / 72 = 1.
    const r = kendallW([
      [5, 5, 1],
      [2, 2, 0],
    ])!;
    expect(r.w).toBe(1);
    expect(r.tied).toBe(true);
  });

  test("two raters in exactly opposite order have W = 0", () => {
    // Each R_i = i + (5 − i) = 5 = m(n + 1)/2, so S = 0 and W = 0; χ² = 0 and p = P(χ²₃ ≥ 0) = 1.
    const r = kendallW([
      [1, 2, 3, 4],
      [4, 3, 2, 1],
    ])!;
    expect(r.w).toBe(0);
    expect(r.chiSquare).toBe(0);
    expect(r.pValue).toBe(1);
  });
});

// name, matrix (higher is better), scipy χ², scipy W, scipy p-value.
const SCIPY_CASES: [string, number[][], number, number, number][] = [
  [
    // Siegel (1956), Nonparametric Statistics, §9: three executives rank six applicants (1 = best), W = .16 there.
    // By hand: R = (8, 14, 11, 11, 11, 8), mean 10.5, S = 25.5, W = 12·25.5 / (9·210) = 17/105. Ranks are negated
    // into "higher is better" values; scipy ranks each block itself, so the direction does not change its statistic.
    "Siegel's interview example, no ties",
    [
      [1, 6, 3, 2, 5, 4],
      [1, 5, 6, 4, 2, 3],
      [6, 3, 2, 5, 4, 1],
    ].map((row) => row.map((rank) => -rank)),
    2.4285714285714306, // M = [[1,6,3,2,5,4],[1,5,6,4,2,3],[6,3,2,5,4,1]]; r.statistic
    0.16190476190476205, // r.statistic / (3 * 5)
    0.7872118138839399, // r.pvalue
  ],
  [
    "4 raters × 6 items, 1–5 stars, ties in three rows",
    [
      [5, 4, 4, 2, 1, 3],
      [4, 4, 3, 2, 2, 1],
      [5, 3, 4, 4, 1, 2],
      [3, 5, 4, 1, 1, 2],
    ],
    14.70370370370369, // M = [[5,4,4,2,1,3],[4,4,3,2,2,1],[5,3,4,4,1,2],[3,5,4,1,1,2]]; r.statistic
    0.7351851851851845, // r.statistic / (4 * 5)
    0.011706307281903193, // r.pvalue
  ],
  [
    "5 raters × 8 items, 0–10 scores, ties in every row",
    [
      [8, 7, 7, 5, 6, 3, 3, 1],
      [9, 6, 8, 5, 5, 4, 2, 2],
      [7, 7, 6, 6, 4, 5, 1, 3],
      [8, 5, 8, 7, 3, 3, 2, 1],
      [6, 7, 5, 5, 5, 2, 4, 4],
    ],
    // M = [[8,7,7,5,6,3,3,1],[9,6,8,5,5,4,2,2],[7,7,6,6,4,5,1,3],[8,5,8,7,3,3,2,1],[6,7,5,5,5,2,4,4]]; r.statistic
    30.665847665847668,
    0.8761670761670762, // r.statistic / (5 * 7)
    7.164421910767152e-5, // r.pvalue
  ],
  [
    "4 raters × 5 items, heavy ties and one rater who ties everything",
    [
      [3, 3, 2, 2, 1],
      [2, 2, 2, 1, 1],
      [3, 1, 2, 2, 2],
      [5, 5, 5, 5, 5],
    ],
    6.040816326530616, // M = [[3,3,2,2,1],[2,2,2,1,1],[3,1,2,2,2],[5,5,5,5,5]]; r.statistic
    0.3775510204081635, // r.statistic / (4 * 4)
    0.19612075105497262, // r.pvalue
  ],
];

describe("kendallW against scipy.stats.friedmanchisquare", () => {
  test.each(SCIPY_CASES)("%s", (name, matrix, chiSquare, w, pValue) => {
    const r = kendallW(matrix)!;
    expect(r.raters).toBe(matrix.length);
    expect(r.items).toBe(matrix[0].length);
    expect(r.df).toBe(matrix[0].length - 1);
    expectClose(r.w, w, 1e-9, 0);
    expectClose(r.chiSquare, chiSquare, 1e-9, 0);
    expectClose(r.pValue, pValue, 1e-9, 1e-9);
    expect(r.tied).toBe(!name.includes("no ties"));
  });

  test("the hand value of Siegel's W is exact: 17/105", () => {
    expectClose(kendallW(SCIPY_CASES[0][1])!.w, 17 / 105, 1e-15, 0);
  });

  test("the 4 × 6 panel stacked on itself: same W, twice the χ²", () => {
    const panel = SCIPY_CASES[1][1];
    const r = kendallW([...panel, ...panel])!;
    expectClose(r.w, 0.7351851851851845, 1e-9, 0); // M = A + A (A the 4 × 6 matrix); r.statistic / (8 * 5)
    expectClose(r.chiSquare, 29.40740740740738, 1e-9, 0); // r.statistic
    expectClose(r.pValue, 1.9287537166747745e-5, 0, 1e-9); // r.pvalue
  });
});

describe("kendallW: nothing to agree on", () => {
  test("one rater", () => expect(kendallW([[3, 1, 2]])).toBeNull());
  test("no raters", () => expect(kendallW([])).toBeNull());
  test("one item", () => expect(kendallW([[4], [2], [5]])).toBeNull());
  test("every rater ties every item", () => {
    expect(
      kendallW([
        [3, 3, 3],
        [1, 1, 1],
      ]),
    ).toBeNull();
  });
});

// [x, df, chi2.sf(x, df)]; each row's comment is the snippet that produced its third entry.
const CHI2_SF: [number, number, number][] = [
  [1e-6, 1, 0.9992021155721779], // chi2.sf(1e-06, 1)
  [0.1, 1, 0.7518296340458492], // chi2.sf(0.1, 1)
  [1, 1, 0.31731050786291115], // chi2.sf(1, 1)
  [3.841458820694124, 1, 0.04999999999999989], // chi2.sf(3.841458820694124, 1)
  [10, 1, 0.001565402258002549], // chi2.sf(10, 1)
  [50, 1, 1.537459794428033e-12], // chi2.sf(50, 1)
  [0.02, 2, 0.990049833749168], // chi2.sf(0.02, 2)
  [2, 2, 0.36787944117144245], // chi2.sf(2, 2)
  [5.991464547107979, 2, 0.05000000000000007], // chi2.sf(5.991464547107979, 2)
  [40, 2, 2.0611536224385566e-9], // chi2.sf(40, 2)
  [700, 2, 9.929590396265143e-153], // chi2.sf(700, 2)
  [0.5, 5, 0.9921232932326296], // chi2.sf(0.5, 5)
  [4, 5, 0.5494159513527802], // chi2.sf(4, 5)
  [6, 5, 0.30621891841327875], // chi2.sf(6, 5)
  [11.07, 5, 0.050009618622405425], // chi2.sf(11.07, 5)
  [25, 5, 0.0001393337911856263], // chi2.sf(25, 5)
  [120, 5, 3.1385797727553017e-24], // chi2.sf(120, 5)
  [2, 11, 0.9984958817174162], // chi2.sf(2, 11)
  [11, 11, 0.4432632784264655], // chi2.sf(11, 11)
  [12, 11, 0.36364322051682674], // chi2.sf(12, 11)
  [19.68, 11, 0.04992717623766331], // chi2.sf(19.68, 11)
  [60, 11, 9.272161502836452e-9], // chi2.sf(60, 11)
  [10, 30, 0.9997737463238232], // chi2.sf(10, 30)
  [29, 30, 0.5175966978958983], // chi2.sf(29, 30)
  [31, 30, 0.4154071101477918], // chi2.sf(31, 30)
  [50, 30, 0.01240206071890054], // chi2.sf(50, 30)
  [150, 30, 6.706952523937869e-18], // chi2.sf(150, 30)
  [60, 100, 0.999481108537452], // chi2.sf(60, 100)
  [100, 100, 0.48119168452795674], // chi2.sf(100, 100)
  [101, 100, 0.45319222327636854], // chi2.sf(101, 100)
  [124.3, 100, 0.050266398300158416], // chi2.sf(124.3, 100)
  [300, 100, 7.4121008573230175e-22], // chi2.sf(300, 100)
  [1000, 100, 2.3060767380354624e-148], // chi2.sf(1000, 100)
];

describe("chiSquareSurvival against scipy.stats.chi2.sf", () => {
  // Rows straddle x = df + 2 (a + 1 in Q(a, x/2)), where the series hands over to the continued fraction.
  test.each(CHI2_SF)("x = %s, df = %i", (x, df, expected) => {
    expectClose(chiSquareSurvival(x, df), expected, 1e-10, 1e-9);
    // The far tails must be right relative to their own size, not merely close to 0.
    expectClose(chiSquareSurvival(x, df), expected, 0, 1e-9);
  });

  test("df = 2 is the exponential tail e^(−x/2), by hand", () => {
    for (const x of [0.3, 2.5, 7, 33]) expectClose(chiSquareSurvival(x, 2), Math.exp(-x / 2), 0, 1e-12);
  });

  test("x ≤ 0 is certain; an invalid df is NaN", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(-2, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
    expect(chiSquareSurvival(1, 0)).toBeNaN();
    expect(chiSquareSurvival(NaN, 3)).toBeNaN();
  });
});

/** A random m × n panel of integer scores in [1, levels]; few levels force ties. */
function randomPanel(rng: Sfc32): number[][] {
  const m = 2 + rng.below(6);
  const n = 2 + rng.below(7);
  const levels = 2 + rng.below(9);
  return Array.from({ length: m }, () => Array.from({ length: n }, () => 1 + rng.below(levels)));
}

function shuffled(n: number, rng: Sfc32): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

describe("kendallW: properties on seeded random panels", () => {
  const TRIALS = 300;

  test("0 ≤ W ≤ 1, χ² = m(n − 1)·W and 0 ≤ p ≤ 1", () => {
    const rng = new Sfc32(1);
    for (let t = 0; t < TRIALS; t++) {
      const panel = randomPanel(rng);
      const r = kendallW(panel);
      if (!r) continue;
      expect(r.w >= 0 && r.w <= 1).toBe(true);
      expect(r.chiSquare).toBeCloseTo(panel.length * (panel[0].length - 1) * r.w, 12);
      expect(r.pValue >= 0 && r.pValue <= 1).toBe(true);
    }
  });

  test("a strictly increasing transform of any rater's values changes nothing", () => {
    // Ranks depend only on order; the scores are positive integers, so v³ and 3v + 7 are exact and order-preserving.
    const transforms = [(v: number) => 3 * v + 7, (v: number) => v * v * v, (v: number) => Math.log(v)];
    const rng = new Sfc32(2);
    for (let t = 0; t < TRIALS; t++) {
      const panel = randomPanel(rng);
      const moved = panel.map((row) => {
        const f = transforms[rng.below(transforms.length)];
        return row.map(f);
      });
      expect(kendallW(moved)).toEqual(kendallW(panel));
    }
  });

  test("permuting raters, or items consistently across raters, changes nothing", () => {
    const rng = new Sfc32(3);
    for (let t = 0; t < TRIALS; t++) {
      const panel = randomPanel(rng);
      const base = kendallW(panel);
      const raterOrder = shuffled(panel.length, rng);
      const itemOrder = shuffled(panel[0].length, rng);
      const permuted = raterOrder.map((r) => itemOrder.map((i) => panel[r][i]));
      const r = kendallW(permuted);
      if (!base) {
        expect(r).toBeNull();
        continue;
      }
      expect(r!.w).toBeCloseTo(base.w, 12);
      expect(r!.pValue).toBeCloseTo(base.pValue, 12);
      expect(r!.tied).toBe(base.tied);
    }
  });

  test("duplicating every rater keeps W and doubles χ²", () => {
    // m → 2m doubles every R_i, so S → 4S, and ΣT → 2ΣT; the denominator (2m)²(n³ − n) − 2m·2ΣT is 4× the old one,
    // so W = 12S / denominator is unchanged while χ² = m(n − 1)·W doubles (scipy agrees: see the stacked 4 × 6 panel).
    const rng = new Sfc32(4);
    for (let t = 0; t < TRIALS; t++) {
      const panel = randomPanel(rng);
      const base = kendallW(panel);
      if (!base) continue;
      const r = kendallW([...panel, ...panel])!;
      expect(r.w).toBeCloseTo(base.w, 12);
      expect(r.chiSquare).toBeCloseTo(2 * base.chiSquare, 10);
    }
  });

  test("two raters without ties: W = (1 + Spearman ρ)/2", () => {
    // The ranks are drawn first, so ρ = 1 − 6Σd²/(n(n² − 1)) is computed without going through averageRanks; the
    // values handed to kendallW are decreasing functions of those ranks (rank 1 = best = highest value).
    const rng = new Sfc32(5);
    for (let t = 0; t < TRIALS; t++) {
      const n = 2 + rng.below(11);
      const ranksA = shuffled(n, rng).map((i) => i + 1);
      const ranksB = shuffled(n, rng).map((i) => i + 1);
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += (ranksA[i] - ranksB[i]) ** 2;
      const rho = 1 - (6 * d2) / (n * (n * n - 1));
      const r = kendallW([ranksA.map((k) => 100 - 3.5 * k), ranksB.map((k) => 1 / k)])!;
      expect(r.tied).toBe(false);
      expect(r.w).toBeCloseTo((1 + rho) / 2, 12);
    }
  });
});
