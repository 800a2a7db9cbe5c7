import { describe, expect, test } from "vitest";
import type { DecisionDetail } from "@/lib/decisions/dto";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision } from "./evaluate";
import { topsis } from "./topsis";

describe("topsis: published car example", () => {
  // Lecture example (Decision Analysis course notes, "An example of using TOPSIS method"): cars Civic, Saturn, Ford,
  // Mazda on Style, Reliability, Fuel economy (benefit) and Cost (cost), weights 0.1, 0.4, 0.3, 0.2.
  // Published ideal A* = {0.059, 0.244, 0.162, 0.080} (from normalised values rounded to 2 d.p., hence ±0.002).
  // Exact closeness from an independent numpy implementation: 0.74269, 0.40360, 0.17587, 0.44143
  // (Civic > Mazda > Saturn > Ford, the published order).
  const X = [
    [7, 9, 9, 8],
    [8, 7, 8, 7],
    [9, 6, 8, 9],
    [6, 7, 8, 6],
  ];
  const w = [0.1, 0.4, 0.3, 0.2];
  const dirs = ["BENEFIT", "BENEFIT", "BENEFIT", "COST"] as const;
  const r = topsis(X, w, dirs);

  test("ideal solution matches the published A*", () => {
    [0.059, 0.244, 0.162, 0.08].forEach((v, j) => expect(Math.abs(r.ideal[j] - v)).toBeLessThan(0.002));
  });

  test("distances and closeness match numpy", () => {
    const dp = [0.029488391230979422, 0.05936165277403139, 0.0926960740246281, 0.06080887158583795];
    const dm = [0.085116015253434, 0.040171523046841684, 0.019781414201873612, 0.04805625284826082];
    const c = [0.7426940888613219, 0.4035993297263738, 0.17586998530798234, 0.4414292740495746];
    c.forEach((v, a) => {
      expect(r.dPlus[a]).toBeCloseTo(dp[a], 12);
      expect(r.dMinus[a]).toBeCloseTo(dm[a], 12);
      expect(r.closeness[a]).toBeCloseTo(v, 12);
    });
    expect(r.antiIdeal[3]).toBeCloseTo(0.11868848521124167, 12); // cost column: anti-ideal is the maximum
  });
});

describe("topsis: published weighted normalised matrix", () => {
  // B. Sennaroğlu, Decision Analysis (2009) "TOPSIS Example": 3 alternatives, 2 criteria with weights 0.714, 0.286;
  // published V = [[0.5703, 0.2124], [0.3355, 0.1593], [0.2684, 0.1062]].
  test("V matches to 4 d.p.", () => {
    const r = topsis(
      [
        [17, 12],
        [10, 9],
        [8, 6],
      ],
      [0.714, 0.286],
      ["BENEFIT", "BENEFIT"],
    );
    const V = [
      [0.5703, 0.2124],
      [0.3355, 0.1593],
      [0.2684, 0.1062],
    ];
    V.forEach((row, a) => row.forEach((v, j) => expect(r.weighted[a][j]).toBeCloseTo(v, 4)));
    // Alternative 1 is best on both criteria, so it is the ideal (closeness 1); alternative 3 the anti-ideal.
    expect(r.closeness[0]).toBeCloseTo(1, 12);
    expect(r.closeness[2]).toBeCloseTo(0, 12);
  });
});

describe("topsis: degenerate inputs", () => {
  test("identical alternatives: d⁺ = d⁻ = 0 → closeness 0.5 by convention", () => {
    const r = topsis(
      [
        [5, 5],
        [5, 5],
      ],
      [0.5, 0.5],
      ["BENEFIT", "BENEFIT"],
    );
    expect(r.closeness).toEqual([0.5, 0.5]);
  });

  test("an all-zero column contributes nothing and does not produce NaN", () => {
    const r = topsis(
      [
        [0, 4],
        [0, 2],
      ],
      [0.5, 0.5],
      ["BENEFIT", "BENEFIT"],
    );
    expect(r.closeness).toEqual([1, 0]);
  });

  test("no alternatives", () => {
    expect(topsis([], [1], ["BENEFIT"]).closeness).toEqual([]);
  });
});

// The aircraft example entered as a decision, through the same path as the app: DecisionDetail → toScoringModel →
// evaluateDecision. Speed (Mach), range (NM), payload (lb) and cost ($M, lower is better) are metrics; reliability and
// maneuverability are ratings on 0–10. Weights .2 .1 .1 .1 .2 .3.
// Reference closeness computed once, independently, with numpy:
//   X = [[2.0,1500,20000,5.5,5,9],[2.5,2700,18000,6.5,3,5],[1.8,2000,21000,4.5,7,7],[2.2,1800,20000,5.0,5,5]]
//   w = [.2,.1,.1,.1,.2,.3]; benefit = [1,1,1,0,1,1]; V = w*X/np.linalg.norm(X, axis=0)
//   ideal = where(benefit, V.max(0), V.min(0)); anti = where(benefit, V.min(0), V.max(0))
//   dp = norm(V-ideal, axis=1); dm = norm(V-anti, axis=1); C = dm/(dp+dm)
//   C = [0.643277000553, 0.268383567719, 0.613542290007, 0.312291065582] → A1 > A3 > A4 > A2 (Hwang & Yoon's ranking).
// The same script gives the weighted sum on 0–10 points: A3 5.9167, A1 5.4381, A4 5.3095, A2 5.1000, so the methods
// disagree; per criterion, TOPSIS's share of A1's advantage over A3 minus the weighted sum's share is largest on
// maneuverability (+0.1712; payload +0.0964, cost +0.0981, range +0.0429, speed −0.1223, reliability −0.1886).
describe("TOPSIS on the data: the aircraft example as a decision", () => {
  const metric = (id: string, weight: number, direction: "BENEFIT" | "COST", unit: string) => ({
    id,
    name: id,
    description: "",
    lowMeaning: "",
    highMeaning: "",
    weight,
    kind: "METRIC" as const,
    direction,
    scaleMin: null,
    scaleMax: null,
    unit,
    worst: null,
    best: null,
    threshold: null,
    currency: null,
    valueCurve: null,
    autoReferences: false,
    pairwise: false,
    parentId: null,
    position: 0,
    version: 1,
  });
  const ratingCriterion = (id: string, weight: number) => ({
    ...metric(id, weight, "BENEFIT", ""),
    kind: "RATING" as const,
    unit: null,
    scaleMin: 0,
    scaleMax: 10,
  });
  const criteria = [
    metric("speed", 20, "BENEFIT", "Mach"),
    metric("range", 10, "BENEFIT", "NM"),
    metric("payload", 10, "BENEFIT", "lb"),
    metric("cost", 10, "COST", "$M"),
    ratingCriterion("reliability", 20),
    ratingCriterion("maneuverability", 30),
  ];
  const data: Record<string, number[]> = {
    A1: [2.0, 1500, 20000, 5.5, 5, 9],
    A2: [2.5, 2700, 18000, 6.5, 3, 5],
    A3: [1.8, 2000, 21000, 4.5, 7, 7],
    A4: [2.2, 1800, 20000, 5.0, 5, 5],
  };
  const decision: DecisionDetail = {
    id: "aircraft",
    title: "Fighter aircraft",
    context: "",
    status: "DRAFT",
    outcomeRationale: "",
    chosenCandidateId: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    criteria: criteria.map((c, i) => ({ ...c, position: i })),
    candidates: Object.keys(data).map((id, i) => ({
      id,
      name: id,
      description: "",
      link: "",
      position: i,
      version: 1,
    })),
    // Ratings are opinions (scores); the measured attributes are facts, entered once per aircraft.
    scores: Object.entries(data).flatMap(([candidateId, values]) =>
      values.flatMap((value, i) =>
        criteria[i].kind === "RATING"
          ? [
              {
                id: `${candidateId}-${i}`,
                criterionId: criteria[i].id,
                candidateId,
                evaluatorId: "u1",
                value,
                rationale: "",
                evidenceUrl: "",
                version: 1,
              },
            ]
          : [],
      ),
    ),
    evaluators: [{ id: "u1", name: "Ada" }],
    skills: [],
    requirements: [],
    judgments: [],
    candidateJudgments: [],
    facts: Object.entries(data).flatMap(([candidateId, values]) =>
      values.flatMap((value, i) =>
        criteria[i].kind === "METRIC"
          ? [
              {
                id: `f-${candidateId}-${i}`,
                criterionId: criteria[i].id,
                candidateId,
                value,
                unit: criteria[i].unit,
                sourceUrl: "",
                note: "",
                measuredOn: "1981-01-01",
                enteredById: "u1",
                enteredByName: "Ada",
                version: 1,
                updatedAt: "2026-01-01T00:00:00.000Z",
              },
            ]
          : [],
      ),
    ),
    team: null,
    scoring: { aggregation: "mean", weightSource: "direct" },
  };
  const out = evaluateDecision(toScoringModel(decision), { monteCarlo: { samples: 0 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  const r = out.result;

  test("closeness and ranking are Hwang & Yoon's", () => {
    const c = new Map(r.topsis.closeness.map((x) => [x.candidateId, x]));
    expect(c.get("A1")!.closeness).toBeCloseTo(0.643277000553, 9);
    expect(c.get("A2")!.closeness).toBeCloseTo(0.268383567719, 9);
    expect(c.get("A3")!.closeness).toBeCloseTo(0.613542290007, 9);
    expect(c.get("A4")!.closeness).toBeCloseTo(0.312291065582, 9);
    expect(r.topsis.closeness.map((x) => [x.candidateId, x.rank])).toEqual([
      ["A1", 1],
      ["A3", 2],
      ["A4", 3],
      ["A2", 4],
    ]);
    expect(r.topsis.winnerId).toBe("A1");
  });

  test("the weighted sum picks A3, and the disagreement names maneuverability", () => {
    expect(r.winnerId).toBe("A3");
    expect(r.ranking.find((x) => x.candidateId === "A3")!.total).toBeCloseTo(5.916666666667, 9);
    expect(r.topsis.agreesWithWeightedSum).toBe(false);
    expect(r.topsis.disagreementCriterionId).toBe("maneuverability");
    expect(r.verdict.facts.topsisDisagreementCriterionId).toBe("maneuverability");
  });
});
