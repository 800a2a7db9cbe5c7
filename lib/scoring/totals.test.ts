import { describe, expect, test } from "vitest";
import { buildCells } from "./cells";
import { seedModel, rating } from "./test-fixtures";
import { candidateTotals, competitionRanks, rankCandidates } from "./totals";
import type { DecisionModel } from "./types";
import { normaliseWeights } from "./weights";

function totalsOf(model: DecisionModel) {
  const shares = normaliseWeights(model.criteria.map((c) => c.weight))!;
  const { cells } = buildCells(model.criteria, model.candidates, model.scores, []);
  return candidateTotals(model.criteria, model.candidates, shares, cells);
}

describe("seed broker example", () => {
  // Contributions ŵ·s by hand (ŵ = .20, .25, .15, .30, .10):
  //   Kafka    1.20 + 1.25 + 1.35 + 2.10 + 0.80 = 6.70
  //   RabbitMQ 1.60 + 1.75 + 1.05 + 2.70 + 0.60 = 7.70
  //   Pulsar   1.00 + 1.00 + 1.20 + 1.50 + 0.90 = 5.60
  const expected: Record<string, [number, number[]]> = {
    kafka: [6.7, [1.2, 1.25, 1.35, 2.1, 0.8]],
    rabbit: [7.7, [1.6, 1.75, 1.05, 2.7, 0.6]],
    pulsar: [5.6, [1.0, 1.0, 1.2, 1.5, 0.9]],
  };
  const totals = totalsOf(seedModel());

  test.each(Object.entries(expected))("%s", (id, [total, contributions]) => {
    const t = totals.find((x) => x.candidateId === id)!;
    expect(t.total).toBeCloseTo(total, 12);
    t.contributions.forEach((c, i) => expect(c.contribution!).toBeCloseTo(contributions[i], 12));
    expect(t.incomplete).toBe(false);
    expect(t.excluded).toBe(false);
  });

  test("ranking RabbitMQ 1 (margin 1.0), Kafka 2 (margin 1.1), Pulsar 3", () => {
    const ranked = rankCandidates(totals);
    expect(ranked.map((r) => [r.candidateId, r.rank, r.tied])).toEqual([
      ["rabbit", 1, false],
      ["kafka", 2, false],
      ["pulsar", 3, false],
    ]);
    expect(ranked[0].margin!).toBeCloseTo(1.0, 12);
    expect(ranked[1].margin!).toBeCloseTo(1.1, 12);
    expect(ranked[2].margin).toBeNull();
  });
});

describe("missing cells", () => {
  test("a missing cell is not zero-filled into the average; the total sums present cells and is marked incomplete", () => {
    const model = seedModel();
    model.scores = model.scores.filter((s) => !(s.candidateId === "kafka" && s.criterionId === "community"));
    const kafka = totalsOf(model).find((t) => t.candidateId === "kafka")!;
    expect(kafka.total).toBeCloseTo(6.7 - 1.35, 12);
    expect(kafka.incomplete).toBe(true);
    expect(kafka.missingCriteria).toEqual(["community"]);
    expect(kafka.contributions[2]).toEqual({ criterionId: "community", share: 0.15, points: null, contribution: null });
  });

  test("a missing cell on a weight-0 criterion does not make the total incomplete", () => {
    const model = seedModel();
    model.criteria.push(rating("extra", 0));
    const t = totalsOf(model);
    expect(t.every((x) => !x.incomplete)).toBe(true);
  });
});

describe("must-have thresholds", () => {
  test("benefit needs ≥, cost needs ≤; excluded candidates rank after all eligible ones", () => {
    const model = seedModel();
    model.criteria[1] = rating("ops", 25, { threshold: 6 }); // RabbitMQ 7 passes, Kafka 5 and Pulsar 4 fail
    const ranked = rankCandidates(totalsOf(model));
    expect(ranked.map((r) => [r.candidateId, r.rank, r.excluded])).toEqual([
      ["rabbit", 1, false],
      ["kafka", 2, true],
      ["pulsar", 3, true],
    ]);
    expect(ranked[1].exclusions).toEqual([{ criterionId: "ops", value: 5, threshold: 6 }]);
    expect(ranked[0].margin).toBeNull(); // last of the eligible group
  });

  test("cost threshold: value must not exceed it (raw units)", () => {
    const model: DecisionModel = {
      criteria: [{ id: "lat", name: "Latency", weight: 1, kind: "METRIC", direction: "COST", threshold: 60 }],
      candidates: [
        { id: "go", name: "Go" },
        { id: "py", name: "Python" },
      ],
      scores: [
        { criterionId: "lat", candidateId: "go", evaluatorId: "e", value: 50.7 },
        { criterionId: "lat", candidateId: "py", evaluatorId: "e", value: 81.3 },
      ],
    };
    const t = totalsOf(model);
    expect(t[0].excluded).toBe(false);
    expect(t[1].exclusions).toEqual([{ criterionId: "lat", value: 81.3, threshold: 60 }]);
  });

  test("a missing cell with a threshold is incomplete, not excluded", () => {
    const model = seedModel();
    model.criteria[1] = rating("ops", 25, { threshold: 6 });
    model.scores = model.scores.filter((s) => !(s.candidateId === "kafka" && s.criterionId === "ops"));
    const kafka = totalsOf(model).find((t) => t.candidateId === "kafka")!;
    expect(kafka.excluded).toBe(false);
    expect(kafka.incomplete).toBe(true);
  });
});

describe("competition ranking", () => {
  test.each([
    [
      [9, 8, 7],
      [1, 2, 3],
    ],
    [
      [9, 9, 7],
      [1, 1, 3],
    ],
    [
      [9, 8, 8, 8, 1],
      [1, 2, 2, 2, 5],
    ],
    [
      [5, 5, 5],
      [1, 1, 1],
    ],
    [
      [0.1 + 0.2, 0.3, 0.2],
      [1, 1, 3],
    ], // 0.30000000000000004 and 0.3 are the same total
  ])("%j → %j", (values, ranks) => expect(competitionRanks(values)).toEqual(ranks));

  test("tied candidates share a rank, keep model order and have margin 0", () => {
    const model = seedModel();
    // Make Pulsar identical to RabbitMQ.
    model.scores = model.scores.map((s) =>
      s.candidateId === "pulsar"
        ? {
            ...s,
            value: model.scores.find((r) => r.candidateId === "rabbit" && r.criterionId === s.criterionId)!.value,
          }
        : s,
    );
    const ranked = rankCandidates(totalsOf(model));
    expect(ranked.map((r) => [r.candidateId, r.rank, r.tied])).toEqual([
      ["rabbit", 1, true],
      ["pulsar", 1, true],
      ["kafka", 3, false],
    ]);
    expect(ranked[0].margin).toBe(0);
  });
});
