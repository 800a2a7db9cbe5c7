import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assembleAhp, judgmentPairs, liveAhp } from "./ahp-result";
import { judge } from "./test-fixtures";
import type { PairwiseJudgmentInput } from "./types";

// Every expected figure below was computed independently with numpy (np.linalg.eig, principal eigenvector normalised
// to sum 1; CI = (λ − n)/(n − 1); CR = CI/RI with RI(3) = 0.58, RI(4) = 0.90), or by hand where stated.

const IDS = ["exp", "edu", "cha", "age"];

// Wikipedia's AHP leader example (Experience, Education, Charisma, Age), entered as one evaluator's six answers. Two
// of them are given the other way round (B over A) to show the direction is folded in.
const LEADER = [
  judge("e1", "exp", "edu", 4),
  judge("e1", "exp", "cha", 3),
  judge("e1", "age", "exp", 1 / 7),
  judge("e1", "edu", "cha", 1 / 3),
  judge("e1", "edu", "age", 3),
  judge("e1", "age", "cha", 1 / 5),
];

const weightsOf = (r: ReturnType<typeof liveAhp>) => r!.weights.map((w) => w.weight);

describe("assembleAhp", () => {
  test.each<[string, PairwiseJudgmentInput[], string[], number[], number, number | null, boolean]>([
    // name, judgments, criteria, numpy weights, numpy λmax, numpy CR, complete
    [
      "leader example (published .547/.127/.270/.056)",
      LEADER,
      IDS,
      [0.5475692389618297, 0.12655528437341862, 0.2699499224522027, 0.05592555421254902],
      4.118418024313366,
      0.04385852752346877,
      true,
    ],
    [
      // By hand: a12 = 2, a13 = 4, a23 = 2 is perfectly consistent, so w ∝ (4, 2, 1), λ = n = 3, CR = 0.
      "a consistent matrix (by hand)",
      [judge("e1", "exp", "edu", 2), judge("e1", "exp", "cha", 4), judge("e1", "edu", "cha", 2)],
      IDS.slice(0, 3),
      [4 / 7, 2 / 7, 1 / 7],
      3,
      0,
      true,
    ],
    [
      // Group of two: a12 = √(3·⅓) = 1, a13 = √(5·9) = 6.708, a23 = √(3·1) = 1.732.
      "two evaluators, geometric mean per pair",
      [
        judge("e1", "exp", "edu", 3),
        judge("e1", "exp", "cha", 5),
        judge("e1", "edu", "cha", 3),
        judge("e2", "exp", "edu", 1 / 3),
        judge("e2", "exp", "cha", 9),
        judge("e2", "cha", "edu", 1),
      ],
      IDS.slice(0, 3),
      [0.5345086013148789, 0.3403607628953769, 0.12513063578974418],
      3.2071910219481876,
      0.17861294995533417,
      true,
    ],
    [
      // The leader example without Experience–Age: Harker's matrix (a14 = a41 = 0, diagonal 1 + missing = 2 in rows 1
      // and 4), whose principal eigenvector numpy gives.
      "one pair missing (Harker)",
      LEADER.filter((j) => !(j.criterionA === "age" && j.criterionB === "exp")),
      IDS,
      [0.5899481981540291, 0.11745809137494158, 0.24947181671562194, 0.04312189375540749],
      4.065008113353981,
      0.024077079019992977,
      false,
    ],
  ])("%s", (_, judgments, ids, weights, lambdaMax, cr, complete) => {
    const a = assembleAhp(ids, judgments);
    expect(a.status).toBe("ok");
    if (a.status !== "ok") return;
    expect(a.result.weights.map((w) => w.criterionId)).toEqual(ids);
    a.result.weights.forEach((w, i) => expect(w.weight).toBeCloseTo(weights[i], 9));
    expect(a.result.lambdaMax).toBeCloseTo(lambdaMax, 9);
    expect(a.result.cr).toBeCloseTo(cr!, 9);
    expect(a.result.consistent).toBe(cr! <= 0.1);
    expect(a.result.complete).toBe(complete);
    expect(a.result.missingPairs).toEqual(complete ? [] : [{ criterionA: "exp", criterionB: "age" }]);
  });

  test("the leader example's most inconsistent answers, with numpy's shares of the squared log error", () => {
    const a = assembleAhp(IDS, LEADER);
    if (a.status !== "ok") throw new Error(a.status);
    // |ln(a_ij·w_j/w_i)| sorted: cha–exp .391, edu–cha .341, exp–age .336, edu–age .282, exp–edu .079, cha–age .035.
    // Suggestions are the Saaty values nearest (in log space) to w_i/w_j = 2.03, 0.469, 9.79, 2.26, 4.33, 4.83.
    expect(a.result.inconsistentJudgments.map((j) => [j.criterionA, j.criterionB, j.suggested])).toEqual([
      ["exp", "cha", 2],
      ["edu", "cha", 1 / 2],
      ["exp", "age", 9],
      ["edu", "age", 2],
      ["exp", "edu", 4],
      ["cha", "age", 5],
    ]);
    const shares = [0.3265840790836012, 0.24802273569978606, 0.24009107025522092, 0.16951199605045117];
    shares.forEach((s, i) => expect(a.result.inconsistentJudgments[i].contribution).toBeCloseTo(s, 9));
    expect(a.result.evaluatorCount).toBe(1);
  });

  test("no judgments and judgments that leave criteria unconnected are told apart", () => {
    expect(assembleAhp(IDS, [])).toEqual({ status: "none" });
    expect(assembleAhp(IDS, [judge("e1", "exp", "edu", 3), judge("e1", "cha", "age", 2)])).toEqual({
      status: "disconnected",
      missingPairs: [
        { criterionA: "exp", criterionB: "cha" },
        { criterionA: "exp", criterionB: "age" },
        { criterionA: "edu", criterionB: "cha" },
        { criterionA: "edu", criterionB: "age" },
      ],
    });
  });

  test("property: the weights are positive and sum to 1 for any connected set of Saaty answers", () => {
    const saaty = fc.constantFrom(1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9);
    fc.assert(
      fc.property(fc.array(saaty, { minLength: 6, maxLength: 6 }), (values) => {
        const pairs = judgmentPairs(IDS);
        const r = liveAhp(
          IDS,
          pairs.map((p, k) => judge("e1", p.a, p.b, values[k])),
        );
        const w = weightsOf(r);
        expect(w.every((x) => x > 0)).toBe(true);
        expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("liveAhp", () => {
  test("null until the answers determine the weights; then the same result evaluateDecision assembles", () => {
    expect(liveAhp(IDS, [])).toBeNull();
    expect(liveAhp(IDS, LEADER.slice(0, 2))).toBeNull();
    expect(liveAhp(["exp"], [judge("e1", "exp", "edu", 3)])).toBeNull();
    const three = LEADER.filter((j) => [j.criterionA, j.criterionB].every((id) => id !== "age"));
    expect(liveAhp(IDS.slice(0, 3), three)?.complete).toBe(true);
    const a = assembleAhp(IDS, LEADER);
    expect(liveAhp(IDS, LEADER)).toEqual(a.status === "ok" ? a.result : null);
  });
});

describe("judgmentPairs", () => {
  test("n(n−1)/2 questions in criterion order, the earlier criterion first", () => {
    expect(judgmentPairs(["a", "b", "c"])).toEqual([
      { key: "a|b", a: "a", b: "b" },
      { key: "a|c", a: "a", b: "c" },
      { key: "b|c", a: "b", b: "c" },
    ]);
    expect(judgmentPairs(["a"])).toEqual([]);
    for (const n of [2, 5, 10])
      expect(judgmentPairs(Array.from({ length: n }, (_, i) => `c${i}`))).toHaveLength((n * (n - 1)) / 2);
  });
});
