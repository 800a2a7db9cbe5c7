// The discussion list against hand computation. Two 0–10 ratings, A (weight 3) and B (weight 1): shares 0.75, 0.25.
//   A: x 8 4 6 (mean 6), y 7 7 7, z 5 6 4 (mean 5)      B: x 5 5 5, y 3 8 4 (mean 5), z 6 6 6
//   totals: x = .75·6 + .25·5 = 5.75, y = .75·7 + .25·5 = 6.5 (leader), z = .75·5 + .25·6 = 5.25
//   A·x: swing .75·(8 − 4) = 3;  x at its lowest view 5.75 − .75·2 = 4.25, at its highest 5.75 + .75·2 = 7.25 > 6.5
//   A·z: swing .75·(6 − 4) = 1.5; z from 4.5 to 6.0: passes x (5.75), not y
//   B·y: swing .25·(8 − 3) = 1.25; y from 6.0 to 7.25: stays first, passes nobody
//   portions: 3, 1.5, 1.25 over 5.75 = 0.5217391304, 0.2608695652, 0.2173913043
import { describe, expect, test } from "vitest";
import { decisiveDisagreements, discussionList, judgmentDiscussion } from "./discussion";
import { evaluateDecision } from "./evaluate";
import { Sfc32 } from "./prng";
import { judge, rating } from "./test-fixtures";
import type { DecisionModel, ScoreInput } from "./types";

const scoresOf = (criterionId: string, values: Record<string, number[]>): ScoreInput[] =>
  Object.entries(values).flatMap(([candidateId, vs]) =>
    vs.map((value, k) => ({ criterionId, candidateId, evaluatorId: `e${k + 1}`, value })),
  );

function model(): DecisionModel {
  return {
    criteria: [rating("A", 3), rating("B", 1)],
    candidates: ["x", "y", "z"].map((id) => ({ id, name: id })),
    scores: [
      ...scoresOf("A", { x: [8, 4, 6], y: [7, 7, 7], z: [5, 6, 4] }),
      ...scoresOf("B", { x: [5, 5, 5], y: [3, 8, 4], z: [6, 6, 6] }),
    ],
  };
}

const resultOf = (m: DecisionModel) => {
  const out = evaluateDecision(m, { monteCarlo: { samples: 0 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
};

describe("discussionList", () => {
  test("ranks the disagreements by weighted swing and says which could change the outcome", () => {
    const list = discussionList(resultOf(model()));
    expect(list.map((c) => `${c.criterionId}·${c.candidateId}`)).toEqual(["A·x", "A·z", "B·y"]);
    const [ax, az, by] = list;
    expect(ax).toMatchObject({ evaluatorCount: 3, min: 4, max: 8, pointsMin: 4, pointsMax: 8, share: 0.75 });
    expect(ax.swing).toBeCloseTo(3, 12);
    expect(az.swing).toBeCloseTo(1.5, 12);
    expect(by.swing).toBeCloseTo(1.25, 12);
    expect(list.map((c) => c.portion)).toEqual([
      expect.closeTo(0.5217391304, 9),
      expect.closeTo(0.2608695652, 9),
      expect.closeTo(0.2173913043, 9),
    ]);
    expect([ax.changesLeader, ax.changesRank]).toEqual([true, true]);
    expect([az.changesLeader, az.changesRank]).toEqual([false, true]);
    expect([by.changesLeader, by.changesRank]).toEqual([false, false]);
    expect(decisiveDisagreements(list)).toEqual({ first: ax, count: 1 });
    expect(decisiveDisagreements([az, by])).toBeNull();
  });

  test("a cost criterion: the highest value is the lowest points", () => {
    // C is a 1–5 cost rating, weight 1 beside A's 3: shares .75, .25. x rated 1 and 5 → points 10 and 0.
    const m: DecisionModel = {
      criteria: [rating("A", 3), rating("C", 1, { direction: "COST", scaleMin: 1, scaleMax: 5 })],
      candidates: ["x", "y"].map((id) => ({ id, name: id })),
      scores: [...scoresOf("A", { x: [6, 6], y: [5, 5] }), ...scoresOf("C", { x: [1, 5], y: [3, 3] })],
    };
    const [c] = discussionList(resultOf(m));
    expect(c).toMatchObject({ criterionId: "C", candidateId: "x", min: 1, max: 5, pointsMin: 0, pointsMax: 10 });
    // x: .75·6 + .25·5 = 5.75 against y: .75·5 + .25·5 = 5; at x's lowest view 5.75 − .25·5 = 4.5 < 5.
    expect(c.swing).toBeCloseTo(2.5, 12);
    expect(c.changesLeader).toBe(true);
  });

  test("unanimous cells, single opinions, unweighted criteria and measured facts are not listed", () => {
    const m: DecisionModel = {
      criteria: [
        rating("A", 1),
        rating("Z", 0),
        { id: "M", name: "M", weight: 1, kind: "METRIC", direction: "BENEFIT", worst: 0, best: 100, unit: "x" },
      ],
      candidates: ["x", "y"].map((id) => ({ id, name: id })),
      scores: [...scoresOf("A", { x: [5, 5], y: [7] }), ...scoresOf("Z", { x: [0, 10], y: [1, 9] })],
      facts: [
        { criterionId: "M", candidateId: "x", value: 10 },
        { criterionId: "M", candidateId: "y", value: 90 },
      ],
    };
    expect(discussionList(resultOf(m))).toEqual([]);
  });

  test("property: the outcome flags match a full re-evaluation with the cell at its extremes", () => {
    const rng = new Sfc32(20261204);
    const int = (n: number) => rng.below(n);
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      const criteria = ["A", "B", "C"].map((id) => rating(id, 1 + int(9)));
      const candidates = ["p", "q", "r", "s"].slice(0, 2 + int(3)).map((id) => ({ id, name: id }));
      const evaluators = 2 + int(3);
      const scores = criteria.flatMap((c) =>
        candidates.flatMap((k) =>
          Array.from({ length: evaluators }, (_, e) => ({
            criterionId: c.id,
            candidateId: k.id,
            evaluatorId: `e${e}`,
            value: int(11),
          })),
        ),
      );
      const base: DecisionModel = { criteria, candidates, scores };
      const result = resultOf(base);
      const list = discussionList(result);
      expect(list.reduce((s, c) => s + c.portion, 0)).toBeCloseTo(1, 9);
      for (const cell of list) {
        expect(cell.swing).toBeLessThanOrEqual(cell.share * 10 + 1e-12);
        if (cell.changesLeader) expect(cell.changesRank).toBe(true);
        // Every evaluator gives the cell its lowest (highest) value: the group's value becomes that extreme.
        const at = (v: number) =>
          resultOf({
            ...base,
            scores: scores.map((s) =>
              s.criterionId === cell.criterionId && s.candidateId === cell.candidateId ? { ...s, value: v } : s,
            ),
          });
        const moved = [at(cell.min), at(cell.max)];
        // Near-ties are ranked as ties at the displayed precision: the strict comparison would read them apart.
        const nearTie = moved.some((r) => {
          const t = r.ranking.map((x) => x.total).sort((a, b) => b - a);
          return t.some((v, i) => i > 0 && Math.abs(t[i - 1] - v) < 0.01);
        });
        const baseTie = (() => {
          const t = result.ranking.map((x) => x.total).sort((a, b) => b - a);
          return t.some((v, i) => i > 0 && Math.abs(t[i - 1] - v) < 0.01);
        })();
        if (nearTie || baseTie || result.winnerId === null) continue;
        const leaderMoves = moved.some((r) => r.winnerId !== result.winnerId);
        expect(cell.changesLeader, `${round} ${cell.criterionId}·${cell.candidateId}`).toBe(leaderMoves);
        const order = (r: typeof result) => r.ranking.map((x) => x.candidateId).join();
        expect(cell.changesRank).toBe(moved.some((r) => order(r) !== order(result)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  test("property: the order of the evaluators changes nothing", () => {
    const m = model();
    const reversed = { ...m, scores: [...m.scores].reverse() };
    expect(discussionList(resultOf(reversed))).toEqual(discussionList(resultOf(m)));
  });
});

describe("judgmentDiscussion", () => {
  // A over B: 3, 1/3, 1 → lowest 1/3, highest 3, group ∛1 = 1, ln 9 = 2.1972245773.
  // B over C: e1 says C over B is 2 (B over C 0.5), e2 says 4 → group √2 = 1.4142135624, ln 8 = 2.0794415417.
  // A over C: 5 and 5 → no spread, not listed. A over D: one answer, not listed.
  const judgments = [
    judge("e1", "A", "B", 3),
    judge("e2", "A", "B", 1 / 3),
    judge("e3", "B", "A", 1),
    judge("e1", "C", "B", 2),
    judge("e2", "B", "C", 4),
    judge("e1", "A", "C", 5),
    judge("e2", "A", "C", 5),
    judge("e1", "A", "D", 7),
    // e1 answering A over B again (the reciprocal stored twice) counts once: the first answer stands.
    judge("e1", "B", "A", 9),
  ];

  test("the widest pairs first, in the criteria's orientation", () => {
    const list = judgmentDiscussion(["A", "B", "C", "D"], judgments);
    expect(list.map((p) => `${p.criterionA}/${p.criterionB}`)).toEqual(["A/B", "B/C"]);
    expect(list[0]).toMatchObject({ evaluatorCount: 3 });
    expect(list[0].lowest).toBeCloseTo(1 / 3, 12);
    expect(list[0].highest).toBeCloseTo(3, 12);
    expect(list[0].group).toBeCloseTo(1, 12);
    expect(list[0].logSpread).toBeCloseTo(2.1972245773, 9);
    expect(list[1]).toMatchObject({ evaluatorCount: 2, lowest: 0.5, highest: 4 });
    expect(list[1].group).toBeCloseTo(1.4142135624, 9);
    expect(list[1].logSpread).toBeCloseTo(2.0794415417, 9);
  });

  test("the order of the criteria turns the answers round, not the spread", () => {
    const list = judgmentDiscussion(["D", "C", "B", "A"], judgments);
    expect(list.map((p) => `${p.criterionA}/${p.criterionB}`)).toEqual(["B/A", "C/B"]);
    expect(list[0].lowest).toBeCloseTo(1 / 3, 12);
    expect(list[1].lowest).toBeCloseTo(0.25, 12);
    expect(list[1].highest).toBeCloseTo(2, 12);
    expect(list[1].logSpread).toBeCloseTo(2.0794415417, 9);
  });
});
