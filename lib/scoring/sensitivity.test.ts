import { describe, expect, test } from "vitest";
import { crossingPoint, sensitivity, totalLine } from "./sensitivity";

// Seed example. For the leader w and challenger c on criterion i, with ΔT = T_w − T_c and Δs = s_wi − s_ci, the lines
// T(t) = t·s_i + (1 − t)·(T − ŵ_i s_i)/(1 − ŵ_i) meet where  t* = (ΔT − ŵ_i·Δs) / (ΔT − Δs).
// RabbitMQ (7.70) vs Kafka (6.70, ΔT = 1.0) and Pulsar (5.60, ΔT = 2.1):
//   learning    ŵ .20: Kafka Δs = 2 → (1 − .4)/(1 − 2) = −0.6;      Pulsar Δs = 3 → 1.5/−0.9 < 0   → none
//   ops         ŵ .25: Kafka Δs = 2 → (1 − .5)/(1 − 2) = −0.5;      Pulsar Δs = 3 → 1.35/−0.9 < 0  → none
//   community   ŵ .15: Kafka Δs = −2 → (1 + .3)/(1 + 2) = 0.43333;  Pulsar Δs = −1 → 2.25/3.1 = 0.725806
//   familiarity ŵ .30: Kafka Δs = 2 → (1 − .6)/(1 − 2) = −0.4;      Pulsar Δs = 4 → 0.9/−1.9 < 0   → none
//                     (RabbitMQ is best on familiarity AND overall, so no share of it can flip the winner)
//   ecosystem   ŵ .10: Kafka Δs = −2 → (1 + .2)/(1 + 2) = 0.4;      Pulsar Δs = −3 → 2.4/5.1 = 0.470588
// Kafka vs Pulsar (ΔT = 1.1): community Δs = 1 → (1.1 − .15)/(0.1) = 9.5 (none);
//   ecosystem Δs = −1 → (1.1 + .1)/(2.1) = 0.571429; learning Δs = 1 → (1.1 − .2)/0.1 = 9 (none);
//   ops Δs = 1 → (1.1 − .25)/0.1 = 8.5 (none); familiarity Δs = 2 → (1.1 − .6)/(−0.9) < 0 (none).
const ids = ["learning", "ops", "community", "familiarity", "ecosystem"];
const shares = [0.2, 0.25, 0.15, 0.3, 0.1];
const candidates = ["kafka", "rabbit", "pulsar"];
const points = [
  [6, 5, 9, 7, 8],
  [8, 7, 7, 9, 6],
  [5, 4, 8, 5, 9],
];
const result = sensitivity({ criterionIds: ids, candidateIds: candidates, points, shares, leader: 1 });

describe("seed example (hand-computed crossovers)", () => {
  test.each([
    ["learning", 0, 1, null, null, []],
    ["ops", 0, 1, null, null, []],
    [
      "community",
      0,
      13 / 30,
      13 / 30,
      "kafka",
      [
        ["kafka", 13 / 30],
        ["pulsar", 2.25 / 3.1],
      ],
    ],
    ["familiarity", 0, 1, null, null, []],
    [
      "ecosystem",
      0,
      0.4,
      0.4,
      "kafka",
      [
        ["kafka", 0.4],
        ["pulsar", 2.4 / 5.1],
      ],
    ],
  ] as const)("%s: stable [%s, %s], flip at %s to %s", (id, from, to, flipAt, flipTo, crossovers) => {
    const c = result.criteria.find((x) => x.criterionId === id)!;
    expect(c.stableFrom).toBeCloseTo(from, 12);
    expect(c.stableTo).toBeCloseTo(to, 12);
    if (flipAt === null) expect(c.flipAt).toBeNull();
    else expect(c.flipAt!).toBeCloseTo(flipAt, 12);
    expect(c.flipTo).toBe(flipTo);
    expect(c.crossovers.map((x) => x.candidateId)).toEqual(crossovers.map((x) => x[0]));
    c.crossovers.forEach((x, k) => expect(x.at).toBeCloseTo(crossovers[k][1], 12));
  });

  test("smallest change: community from 15 % to 43.3 % hands the lead to Kafka (Δ 0.2833 < ecosystem's 0.30)", () => {
    expect(result.leaderId).toBe("rabbit");
    expect(result.smallestChange).toMatchObject({ criterionId: "community", fromShare: 0.15, newWinnerId: "kafka" });
    expect(result.smallestChange!.toShare).toBeCloseTo(13 / 30, 12);
    expect(result.smallestChange!.delta).toBeCloseTo(13 / 30 - 0.15, 12);
  });

  test("all pairwise crossovers in [0, 1]", () => {
    const got = result.pairs.map((p) => [p.criterionId, p.a, p.b, Number(p.at.toFixed(9))]);
    expect(got).toEqual([
      ["community", "kafka", "rabbit", Number((13 / 30).toFixed(9))],
      ["community", "rabbit", "pulsar", Number((2.25 / 3.1).toFixed(9))],
      ["ecosystem", "kafka", "rabbit", 0.4],
      ["ecosystem", "kafka", "pulsar", Number((1.2 / 2.1).toFixed(9))],
      ["ecosystem", "rabbit", "pulsar", Number((2.4 / 5.1).toFixed(9))],
    ]);
  });

  test("the totals really are equal at a crossover (checks the line algebra independently)", () => {
    const t = 13 / 30;
    // Reweight: community → t, the others keep their proportions.
    const w = shares.map((s, j) => (j === 2 ? t : (s * (1 - t)) / (1 - 0.15)));
    const total = (p: number[]) => p.reduce((acc, x, j) => acc + w[j] * x, 0);
    expect(total(points[0])).toBeCloseTo(total(points[1]), 12);
  });
});

describe("line helpers", () => {
  test("totalLine: at t = 0 the others' renormalised total, at t = 1 the criterion's own points", () => {
    // RabbitMQ, community: R = (7.70 − 0.15·7)/0.85 = 7.8235294…
    const l = totalLine(points[1], shares, 2);
    expect(l.at0).toBeCloseTo(6.65 / 0.85, 12);
    expect(l.at1).toBe(7);
  });

  test("parallel lines never cross; crossings outside [0, 1] are null", () => {
    expect(crossingPoint({ at0: 1, at1: 2 }, { at0: 2, at1: 3 })).toBeNull();
    expect(crossingPoint({ at0: 1, at1: 2 }, { at0: 3, at1: 5 })).toBeNull(); // meets at t = −2
    expect(crossingPoint({ at0: 0, at1: 2 }, { at0: 2, at1: 0 })).toBe(0.5);
  });

  test("a criterion holding all the weight: the others are spread evenly", () => {
    const l = totalLine([4, 8, 2], [1, 0, 0], 0);
    expect(l.at0).toBe(5);
  });

  test("a single candidate has nothing to flip", () => {
    const r = sensitivity({ criterionIds: ["a"], candidateIds: ["x"], points: [[5]], shares: [1], leader: 0 });
    expect(r.criteria[0]).toMatchObject({ stableFrom: 0, stableTo: 1, flipAt: null, flipTo: null });
    expect(r.smallestChange).toBeNull();
  });

  test("a weight-0 criterion can still flip the winner when raised", () => {
    // x leads on a (8 vs 6); y is far better on b, which weighs 0 now. Lines: x 8 → 1, y 6 → 10: t* = 2/11.
    const r = sensitivity({
      criterionIds: ["a", "b"],
      candidateIds: ["x", "y"],
      points: [
        [8, 1],
        [6, 10],
      ],
      shares: [1, 0],
      leader: 0,
    });
    const b = r.criteria[1];
    expect(b.flipAt!).toBeCloseTo(2 / 11, 12);
    expect(b.flipTo).toBe("y");
  });
});
