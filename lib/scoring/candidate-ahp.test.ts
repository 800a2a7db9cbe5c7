import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { candidatePairwise, idealPoints } from "./candidate-ahp";
import { evaluateDecision } from "./evaluate";
import type { CandidateJudgmentInput, CriterionInput, DecisionModel } from "./types";
import { validateModel } from "./validate";

// Expected figures computed independently with numpy (np.linalg.eig, principal eigenvector normalised to sum 1,
// points 10·p/max p; CI = (λ − n)/(n − 1), CR = CI/RI with RI(3) = 0.58, RI(4) = 0.90), or by hand where stated.

const K = "kafka";
const R = "rabbit";
const P = "pulsar";
const IDS = [K, R, P];
const on = (evaluatorId: string, a: string, b: string, value: number, criterionId = "ops"): CandidateJudgmentInput => ({
  criterionId,
  evaluatorId,
  candidateA: a,
  candidateB: b,
  value,
});
// Ada: RabbitMQ 3× Kafka, Kafka 2× Pulsar, RabbitMQ 5× Pulsar (one answer given the other way round).
const ADA = [on("ada", R, K, 3), on("ada", K, P, 2), on("ada", R, P, 5)];
// Bo: Kafka = RabbitMQ, Kafka 4× Pulsar, RabbitMQ 3× Pulsar.
const BO = [on("bo", K, R, 1), on("bo", K, P, 4), on("bo", R, P, 3)];
const pointsOf = (r: ReturnType<typeof candidatePairwise>) => r.priorities.map((p) => p.points);

describe("candidatePairwise (AHP of the alternatives, ideal mode)", () => {
  test("one evaluator: numpy priorities .2297/.6483/.1220, points 3.5422/10/1.8821, CR .0032", () => {
    const r = candidatePairwise("ops", IDS, ADA);
    expect(r.status).toBe("ok");
    const expected = [0.22965079, 0.64832901, 0.12202019];
    r.priorities.forEach((p, i) => expect(p.priority).toBeCloseTo(expected[i], 7));
    [3.54219523, 10, 1.88207206].forEach((v, i) => expect(pointsOf(r)[i]).toBeCloseTo(v, 6));
    expect(r.lambdaMax).toBeCloseTo(3.003694598063639, 9);
    expect(r.cr).toBeCloseTo(0.003184998330723208, 9);
    expect(r.consistent).toBe(true);
    expect(r.evaluatorCount).toBe(1);
    expect(r.evaluators).toHaveLength(1);
  });

  test("two evaluators: the geometric mean per pair (numpy 6.2439/10/2.3875, CR .0053), each one's own points", () => {
    const r = candidatePairwise("ops", IDS, [...ADA, ...BO]);
    [6.24394933, 10, 2.38745049].forEach((v, i) => expect(pointsOf(r)[i]).toBeCloseTo(v, 6));
    expect(r.cr).toBeCloseTo(0.005292538162811669, 8);
    expect(r.evaluatorCount).toBe(2);
    const bo = r.evaluators.find((e) => e.evaluatorId === "bo")!;
    [10, 9.08560296, 2.75160604].forEach((v, i) => expect(bo.points[i].points).toBeCloseTo(v, 6));
    expect(bo.cr).toBeCloseTo(0.007933373029549594, 8);
  });

  test("an inconsistent 4×4 set: numpy CR 1.2539, and the pairs to revisit are named", () => {
    const ids = ["a", "b", "c", "d"];
    const r = candidatePairwise("ops", ids, [
      on("e", "a", "b", 3),
      on("e", "a", "c", 1 / 5),
      on("e", "a", "d", 7),
      on("e", "b", "c", 5),
      on("e", "b", "d", 1 / 3),
      on("e", "c", "d", 3),
    ]);
    [9.5682807, 8.57840642, 10, 4.7662708].forEach((v, i) => expect(pointsOf(r)[i]).toBeCloseTo(v, 5));
    expect(r.cr).toBeCloseTo(1.2539221182120623, 6);
    expect(r.consistent).toBe(false);
    expect(r.inconsistentJudgments.length).toBeGreaterThan(0);
    const sum = r.inconsistentJudgments.reduce((s, j) => s + j.contribution, 0);
    expect(sum).toBeCloseTo(1, 9);
  });

  test("by hand: a chain K:R = 1/3, R:P = 5 (K:P unjudged) completes consistently — R 10, K 3.333, P 2", () => {
    const r = candidatePairwise("ops", IDS, [on("ada", K, R, 1 / 3), on("ada", R, P, 5)]);
    expect(r.status).toBe("ok");
    [10 / 3, 10, 2].forEach((v, i) => expect(pointsOf(r)[i]).toBeCloseTo(v, 9));
    expect(r.missingPairs).toEqual([{ candidateA: K, candidateB: P }]);
  });

  test("a candidate nobody compared is left out (missing), the others keep their points", () => {
    const r = candidatePairwise("ops", [...IDS, "nats"], ADA);
    expect(r.unjudged).toEqual(["nats"]);
    expect(r.priorities.map((p) => p.candidateId)).toEqual(IDS);
    [3.54219523, 10, 1.88207206].forEach((v, i) => expect(pointsOf(r)[i]).toBeCloseTo(v, 6));
  });

  test("judged pairs that fall apart are disconnected; fewer than two candidates judged is none", () => {
    const ids = ["a", "b", "c", "d"];
    const r = candidatePairwise("ops", ids, [on("e", "a", "b", 3), on("e", "c", "d", 2)]);
    expect(r.status).toBe("disconnected");
    expect(r.priorities).toEqual([]);
    expect(candidatePairwise("ops", ids, []).status).toBe("none");
    expect(candidatePairwise("ops", ids, [on("e", "a", "b", 3, "other")]).status).toBe("none");
  });

  test("an evaluator whose own answers do not connect everyone adds to the group but has no own points", () => {
    const r = candidatePairwise("ops", IDS, [...ADA, on("bo", K, R, 2)]);
    expect(r.evaluatorCount).toBe(2);
    expect(r.evaluators.map((e) => e.evaluatorId)).toEqual(["ada"]);
  });

  test("property: the best candidate gets exactly 10, nobody more, and the points keep the priorities' ratios", () => {
    const saaty = fc.constantFrom(9, 7, 5, 3, 2, 1, 1 / 2, 1 / 3, 1 / 5, 1 / 7, 1 / 9);
    fc.assert(
      fc.property(fc.array(saaty, { minLength: 6, maxLength: 6 }), (values) => {
        const ids = ["a", "b", "c", "d"];
        const pairs = [
          ["a", "b"],
          ["a", "c"],
          ["a", "d"],
          ["b", "c"],
          ["b", "d"],
          ["c", "d"],
        ];
        const r = candidatePairwise(
          "ops",
          ids,
          pairs.map(([a, b], i) => on("e", a, b, values[i])),
        );
        const pts = pointsOf(r);
        expect(Math.max(...pts)).toBeCloseTo(10, 12);
        const top = Math.max(...r.priorities.map((p) => p.priority));
        r.priorities.forEach((p) => expect(p.points).toBeCloseTo((10 * p.priority) / top, 9));
      }),
      { numRuns: 200 },
    );
  });

  test("property: adding a candidate judged worse than everyone, consistently, moves nobody else's points", () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 3, 4), (k) => {
        // A consistent base (by hand: K:R = 1/2, K:P = 1, R:P = 2, so p ∝ 1:2:1 and points K 5, R 10, P 5) and a
        // newcomer N that Kafka and Pulsar beat k times and RabbitMQ 2k times (consistent for 2k ≤ 9).
        const base = [on("e", K, R, 1 / 2), on("e", K, P, 1), on("e", R, P, 2)];
        expect(pointsOf(candidatePairwise("ops", IDS, base)).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 10, 5]);
        const withNew = candidatePairwise(
          "ops",
          [...IDS, "n"],
          [...base, on("e", K, "n", k), on("e", P, "n", k), on("e", R, "n", 2 * k)],
        );
        const pts = pointsOf(withNew);
        [5, 10, 5].forEach((v, i) => expect(pts[i]).toBeCloseTo(v, 9));
        expect(pts[3]).toBeCloseTo(5 / k, 9);
      }),
    );
  });

  test("idealPoints by hand", () => {
    expect(idealPoints([0.2, 0.5, 0.3])).toEqual([4, 10, 6]);
  });
});

describe("pairwise criteria in evaluateDecision", () => {
  const criteria: CriterionInput[] = [
    // Stored as a cost on a 1–5 scale: a pairwise criterion ignores both (preferences already point the right way).
    {
      id: "ops",
      name: "Operability",
      weight: 60,
      kind: "RATING",
      direction: "COST",
      scaleMin: 1,
      scaleMax: 5,
      pairwise: true,
    },
    { id: "eco", name: "Ecosystem", weight: 40, kind: "RATING", direction: "BENEFIT" },
  ];
  const candidates = IDS.map((id) => ({ id, name: id }));
  const scores = [
    { criterionId: "eco", candidateId: K, evaluatorId: "ada", value: 8 },
    { criterionId: "eco", candidateId: R, evaluatorId: "ada", value: 6 },
    { criterionId: "eco", candidateId: P, evaluatorId: "ada", value: 9 },
    // A score left on the pairwise criterion is not its input.
    { criterionId: "ops", candidateId: K, evaluatorId: "ada", value: 1 },
  ];
  const model: DecisionModel = { criteria, candidates, scores, candidateJudgments: [...ADA, ...BO] };

  test("the cells carry the ideal-mode points and the totals use them (hand sums from the numpy points)", () => {
    const out = evaluateDecision(model, { monteCarlo: { samples: 0 } });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const r = out.result;
    const cell = (c: string) => r.cells.find((x) => x.criterionId === "ops" && x.candidateId === c)!;
    expect(cell(K).points).toBeCloseTo(6.24394933, 6);
    expect(cell(R).points).toBe(10);
    expect(cell(K).evaluatorCount).toBe(2);
    // Spread between Ada's own view (3.5422) and Bo's (10) for Kafka.
    expect(cell(K).pointsMin).toBeCloseTo(3.54219523, 6);
    expect(cell(K).pointsMax).toBeCloseTo(10, 9);
    expect(cell(K).disagreement).toBe(true);
    const total = (c: string) => r.ranking.find((x) => x.candidateId === c)!.total;
    // 0.6 · points + 0.4 · ecosystem
    expect(total(K)).toBeCloseTo(0.6 * 6.24394933 + 0.4 * 8, 6);
    expect(total(R)).toBeCloseTo(0.6 * 10 + 0.4 * 6, 9);
    expect(total(P)).toBeCloseTo(0.6 * 2.38745049 + 0.4 * 9, 6);
    expect(r.winnerId).toBe(R);
    expect(r.pairwise).toHaveLength(1);
    expect(r.pairwise[0].cr).toBeCloseTo(0.005292538162811669, 8);
  });

  test("a must-have threshold on a pairwise criterion is in points (benefit, whatever the stored direction)", () => {
    const out = evaluateDecision(
      { ...model, criteria: [{ ...criteria[0], threshold: 5 }, criteria[1]] },
      { monteCarlo: { samples: 0 } },
    );
    if (!out.ok) throw new Error("invalid");
    expect(out.result.ranking.find((x) => x.candidateId === P)!.excluded).toBe(true);
    expect(out.result.ranking.find((x) => x.candidateId === K)!.excluded).toBe(false);
  });

  test("per-criterion agreement uses each evaluator's own pairwise ranking (Kendall's W by hand)", () => {
    const out = evaluateDecision(model, { monteCarlo: { samples: 0 } });
    if (!out.ok) throw new Error("invalid");
    const ops = out.result.consensus.criteria.find((c) => c.criterionId === "ops")!;
    expect(ops.evaluatorIds).toEqual(["ada", "bo"]);
    // Ada ranks R > K > P, Bo K > R > P: rank sums 3, 3, 6 (K 2+1, R 1+2, P 3+3); mean 4; S = 1 + 1 + 4 = 6;
    // W = 12·6 / (2²·(27 − 3)) = 72 / 96 = 0.75.
    expect(ops.concordance!.w).toBeCloseTo(0.75, 12);
  });

  test("unconnected judgments leave the criterion's cells missing, with a warning", () => {
    const out = evaluateDecision(
      {
        ...model,
        candidates: [...candidates, { id: "nats", name: "nats" }],
        candidateJudgments: [on("e", K, R, 2), on("e", P, "nats", 3)],
      },
      { monteCarlo: { samples: 0 } },
    );
    if (!out.ok) throw new Error("invalid");
    expect(out.result.cells.filter((c) => c.criterionId === "ops").every((c) => c.missing)).toBe(true);
    expect(out.result.warnings.map((w) => w.code)).toContain("pairwise_incomplete");
  });

  test("validation: judgments need a pairwise criterion, known candidates, two sides, Saaty's range, one answer", () => {
    const codes = (j: CandidateJudgmentInput[], c = criteria) =>
      validateModel({ criteria: c, candidates, scores: [], candidateJudgments: j }).map((e) => e.code);
    expect(codes([on("e", K, R, 3, "eco")])).toEqual(["not_pairwise"]);
    expect(codes([on("e", K, "ghost", 3)])).toEqual(["unknown_candidate"]);
    expect(codes([on("e", K, K, 3)])).toEqual(["self_judgment"]);
    expect(codes([on("e", K, R, 10)])).toEqual(["invalid_judgment"]);
    expect(codes([on("e", K, R, 3), on("e", R, K, 1 / 2)])).toEqual(["non_reciprocal"]);
    expect(codes([on("e", K, R, 3), on("e", R, K, 1 / 3)])).toEqual([]);
    // The same pair on two criteria, or by two evaluators, is two answers.
    expect(codes([on("e", K, R, 3), on("f", K, R, 2)])).toEqual([]);
    expect(codes([], [{ ...criteria[0], kind: "METRIC" }])).toEqual(["pairwise_needs_rating"]);
  });
});
