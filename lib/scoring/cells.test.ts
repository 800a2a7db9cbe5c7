import { describe, expect, test } from "vitest";
import { buildCells } from "./cells";
import type { CandidateInput, CriterionInput, ScoreInput } from "./types";

const cands: CandidateInput[] = [
  { id: "a", name: "A" },
  { id: "b", name: "B" },
];
const score = (criterionId: string, candidateId: string, evaluatorId: string, value: number): ScoreInput => ({
  criterionId,
  candidateId,
  evaluatorId,
  value,
});

describe("buildCells", () => {
  test("RATING on 1–5 cost scale with three evaluators: mean, spread, points range and disagreement", () => {
    const crit: CriterionInput = {
      id: "c",
      name: "C",
      weight: 1,
      kind: "RATING",
      direction: "COST",
      scaleMin: 1,
      scaleMax: 5,
    };
    const { cells } = buildCells(
      [crit],
      cands,
      [score("c", "a", "x", 1), score("c", "a", "y", 2), score("c", "a", "z", 3)],
      [],
    );
    // mean 2 → 10·(5−2)/4 = 7.5; range 2 ≤ 0.4·4 = 1.6? No: 2 > 1.6 → disagreement.
    // Evaluator extremes 1 and 3 → points 10 and 5 (ordered low → high).
    expect(cells[0]).toMatchObject({
      value: 2,
      points: 7.5,
      evaluatorCount: 3,
      min: 1,
      max: 3,
      range: 2,
      pointsMin: 5,
      pointsMax: 10,
      disagreement: true,
      missing: false,
    });
    expect(cells[0].stdDev!).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(cells[1]).toMatchObject({
      value: null,
      points: null,
      missing: true,
      evaluatorCount: 0,
      disagreement: false,
    });
  });

  test.each([
    [[6, 10], false], // range 4 = 40 % of 10: not above
    [[6, 10.5], true],
    [[5, 5], false],
  ])("disagreement for %j on a 0–10.5 scale", (values, flag) => {
    const crit: CriterionInput = {
      id: "c",
      name: "C",
      weight: 1,
      kind: "RATING",
      direction: "BENEFIT",
      scaleMax: 10.5,
    };
    const { cells } = buildCells(
      [crit],
      cands.slice(0, 1),
      values.map((v, k) => score("c", "a", `e${k}`, v)),
      [],
    );
    // Scale here is 10.5 → threshold 4.2: [6, 10] range 4 → no, [6, 10.5] range 4.5 → yes.
    expect(cells[0].disagreement).toBe(flag);
  });

  test("METRIC: references from aggregated values; disagreement relative to |best − worst|", () => {
    const crit: CriterionInput = { id: "qps", name: "QPS", weight: 1, kind: "METRIC", direction: "BENEFIT" };
    const scores = [score("qps", "a", "x", 1000), score("qps", "a", "y", 3000), score("qps", "b", "x", 1000)];
    const { cells, references } = buildCells([crit], cands, scores, []);
    // a: mean 2000, b: 1000 → worst 1000, best 2000; a → 10, b → 0. Range 2000 > 0.4·1000 → disagreement.
    expect(references[0]).toEqual({ worst: 1000, best: 2000 });
    expect(cells[0]).toMatchObject({ value: 2000, points: 10, pointsMin: 0, pointsMax: 10, disagreement: true });
    expect(cells[1]).toMatchObject({ value: 1000, points: 0, disagreement: false });
  });

  test("median aggregation", () => {
    const crit: CriterionInput = { id: "c", name: "C", weight: 1, kind: "RATING", direction: "BENEFIT" };
    const { cells } = buildCells(
      [crit],
      cands.slice(0, 1),
      [score("c", "a", "x", 1), score("c", "a", "y", 2), score("c", "a", "z", 9)],
      [],
      "median",
    );
    expect(cells[0].value).toBe(2);
  });

  test("SKILL_MATCH cells take the match; no match → missing", () => {
    const crit: CriterionInput = { id: "fit", name: "Fit", weight: 1, kind: "SKILL_MATCH", direction: "BENEFIT" };
    const { cells } = buildCells(
      [crit],
      cands,
      [],
      [
        { candidateId: "a", match: 7.1, requirements: [], risks: [] },
        { candidateId: "b", match: null, requirements: [], risks: [] },
      ],
    );
    expect(cells[0]).toMatchObject({ value: 7.1, points: 7.1, evaluatorCount: 0, missing: false });
    expect(cells[1].missing).toBe(true);
  });
});
