import { describe, expect, test } from "vitest";
import { ahpWeights, groupMatrix, inconsistentJudgments, nearestSaaty, randomIndex } from "./ahp";

// Published example: Wikipedia, "Analytic hierarchy process – leader example" (Tom, Dick, Harry; criteria
// Experience, Education, Charisma, Age). Published criterion priorities .547, .127, .270, .056 and candidate
// priorities under each criterion below; final priorities Tom .358, Dick .493, Harry .149. The precise values and CR
// were recomputed independently with numpy (np.linalg.eig, principal eigenvector, RI(3) = 0.58, RI(4) = 0.90).
const LEADER_CRITERIA = [
  [1, 4, 3, 7],
  [1 / 4, 1, 1 / 3, 3],
  [1 / 3, 3, 1, 5],
  [1 / 7, 1 / 3, 1 / 5, 1],
];

const CASES: [string, number[][], number[], number[], number, number][] = [
  // name, matrix, published weights (3 d.p.), numpy weights, numpy λmax, numpy CR
  [
    "leader criteria",
    LEADER_CRITERIA,
    [0.547, 0.127, 0.27, 0.056],
    [0.54756924, 0.12655528, 0.26994992, 0.05592555],
    4.118418024313366,
    0.04385852752346877,
  ],
  [
    "experience: Tom, Dick, Harry",
    [
      [1, 1 / 4, 4],
      [4, 1, 9],
      [1 / 4, 1 / 9, 1],
    ],
    [0.217, 0.717, 0.066],
    [0.21716561, 0.71706504, 0.06576935],
    3.0368955407784193,
    0.031806500671051105,
  ],
  [
    "education",
    [
      [1, 3, 1 / 5],
      [1 / 3, 1, 1 / 7],
      [5, 7, 1],
    ],
    [0.188, 0.081, 0.731],
    [0.1883941, 0.08096123, 0.73064467],
    3.064887579872816,
    0.055937568855875974,
  ],
  [
    "charisma",
    [
      [1, 5, 9],
      [1 / 5, 1, 4],
      [1 / 9, 1 / 4, 1],
    ],
    [0.743, 0.194, 0.063],
    [0.74286662, 0.19388163, 0.06325174],
    3.0712653127831744,
    0.06143561446825378,
  ],
  [
    "age",
    [
      [1, 1 / 3, 5],
      [3, 1, 9],
      [1 / 5, 1 / 9, 1],
    ],
    [0.265, 0.672, 0.063],
    [0.26543334, 0.67162545, 0.06294121],
    3.029063766798437,
    0.02505497137796296,
  ],
];

describe("ahpWeights: published leader example", () => {
  test.each(CASES)("%s", (_name, matrix, published, numpyWeights, lambda, cr) => {
    const r = ahpWeights(matrix);
    r.weights.forEach((w, i) => {
      // Published to 3 d.p.; allow one unit in the last place (the article rounds .5476 down to .547).
      expect(Math.abs(w - published[i])).toBeLessThanOrEqual(0.001);
      expect(w).toBeCloseTo(numpyWeights[i], 7);
    });
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.lambdaMax).toBeCloseTo(lambda, 9);
    expect(r.cr!).toBeCloseTo(cr, 9);
    expect(r.consistent).toBe(true);
  });

  test("synthesis reproduces the published final priorities Tom .358, Dick .493, Harry .149", () => {
    const criteria = ahpWeights(LEADER_CRITERIA).weights;
    const local = CASES.slice(1).map(([, m]) => ahpWeights(m).weights);
    const final = [0, 1, 2].map((c) => criteria.reduce((s, w, i) => s + w * local[i][c], 0));
    expect(final[0]).toBeCloseTo(0.358, 3);
    expect(final[1]).toBeCloseTo(0.493, 3);
    expect(final[2]).toBeCloseTo(0.149, 3);
  });
});

describe("ahpWeights: structure", () => {
  test("a perfectly consistent matrix gives λmax = n, CI = 0 and weights in the stated ratios", () => {
    // w = (4, 2, 1)/7 → a_ij = w_i / w_j.
    const r = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 12);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.ci).toBeCloseTo(0, 10);
  });

  test("n ≤ 2 has no CR", () => {
    const r = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(r.weights).toEqual([0.75, 0.25]);
    expect(r.cr).toBeNull();
    expect(r.consistent).toBe(true);
    expect(ahpWeights([[1]]).weights).toEqual([1]);
  });

  test("a strongly intransitive matrix is flagged (numpy: CR = 1.7244 for A>B 9, B>C 9, C>A 9)", () => {
    const r = ahpWeights([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    // By symmetry w = (1/3, 1/3, 1/3); λmax = 1 + 9 + 1/9 = 10.111…, CI = 3.5556, CR = 3.5556/0.58.
    expect(r.lambdaMax).toBeCloseTo(1 + 9 + 1 / 9, 9);
    expect(r.cr!).toBeCloseTo((1 + 9 + 1 / 9 - 3) / 2 / 0.58, 9);
    expect(r.consistent).toBe(false);
  });

  test("Harker's method on an incomplete but connected matrix recovers consistent weights exactly", () => {
    // True w = (4, 2, 1)/7; only a_12 = 2 and a_23 = 2 are known, a_13 missing.
    const r = ahpWeights([
      [1, 2, null],
      [1 / 2, 1, 2],
      [null, 1 / 2, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(4 / 7, 10);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 10);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 10);
  });

  test.each([
    [1, 0],
    [3, 0.58],
    [10, 1.49],
    [15, 1.59],
    [20, 1.59],
  ])("RI(%i) = %s", (n, ri) => expect(randomIndex(n)).toBe(ri));
});

describe("groupMatrix", () => {
  test("geometric mean across evaluators, reciprocal below the diagonal", () => {
    const g = groupMatrix(
      ["a", "b"],
      [
        { evaluatorId: "e1", criterionA: "a", criterionB: "b", value: 2 },
        { evaluatorId: "e2", criterionA: "b", criterionB: "a", value: 1 / 8 }, // i.e. a_ab = 8
      ],
    );
    expect(g.matrix[0][1]).toBeCloseTo(4, 12); // √(2·8)
    expect(g.matrix[1][0]).toBeCloseTo(0.25, 12);
    expect(g.evaluatorCount).toBe(2);
    expect(g.connected).toBe(true);
  });

  test("an evaluator stating both directions counts once", () => {
    const g = groupMatrix(
      ["a", "b"],
      [
        { evaluatorId: "e1", criterionA: "a", criterionB: "b", value: 3 },
        { evaluatorId: "e1", criterionA: "b", criterionB: "a", value: 1 / 3 },
        { evaluatorId: "e2", criterionA: "a", criterionB: "b", value: 12 / 9 },
      ],
    );
    expect(g.matrix[0][1]).toBeCloseTo(2, 12); // √(3 · 4/3)
  });

  test("missing pairs and connectivity", () => {
    const g = groupMatrix(
      ["a", "b", "c", "d"],
      [
        { evaluatorId: "e", criterionA: "a", criterionB: "b", value: 2 },
        { evaluatorId: "e", criterionA: "c", criterionB: "d", value: 2 },
      ],
    );
    expect(g.missingPairs).toEqual([
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
    ]);
    expect(g.connected).toBe(false);
  });
});

describe("inconsistency diagnostics", () => {
  test.each([
    [1, 1],
    [1.4, 1],
    [1.42, 2], // ln 1.42 = 0.3507 > ln √2 = 0.3466: nearer to 2 in log space
    [2.9, 3],
    [12, 9],
    [0.3, 1 / 3],
    [0.01, 1 / 9],
  ])("nearestSaaty(%s) = %s", (x, v) => expect(nearestSaaty(x)).toBeCloseTo(v, 12));

  test("the contradicting judgment is ranked first and a better value is suggested", () => {
    // Consistent with w ∝ (8, 4, 2, 1) except a_ad, which says 1/8 instead of 8. (With n = 3 a single cycle shares
    // its error equally among the three pairs, so n = 4 is the smallest case where one pair can stand out.)
    const ids = ["a", "b", "c", "d"];
    const matrix = [
      [1, 2, 4, 1 / 8],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [8, 1 / 4, 1 / 2, 1],
    ];
    const r = ahpWeights(matrix);
    const list = inconsistentJudgments(ids, matrix, r.weights);
    expect(list[0]).toMatchObject({ criterionA: "a", criterionB: "d", value: 0.125 });
    // numpy: eigenvector w = (0.2176, 0.3017, 0.1508, 0.3299); |ln(a·w_d/w_a)| = 1.663 for (a, d), 1.476 for (b, d)
    // and (c, d), 1.020 for (a, b) and (a, c), 0 otherwise → contribution of (a, d) = 1.663² / 9.204 = 0.3005;
    // w_a/w_d = 0.660, nearest Saaty value 1/2 (moving the judgment from 1/8 towards consistency).
    expect(list[0].suggested).toBe(1 / 2);
    expect(list[0].contribution).toBeCloseTo(0.3005, 3);
    expect(list.map((j) => `${j.criterionA}${j.criterionB}`)).toEqual(["ad", "bd", "cd", "ab", "ac"]);
    expect(list.reduce((s, j) => s + j.contribution, 0)).toBeCloseTo(1, 12);
  });
});
