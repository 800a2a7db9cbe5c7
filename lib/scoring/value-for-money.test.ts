// Value for money against hand computation. perf (rating, weight 3), ops (rating, weight 1), cost (measured, cost,
// weight 2, USD per month, references 10,000 worst and 2,000 best):
//   benefit = (3·perf + 1·ops) / 4:  A (27 + 8)/4 = 8.75, B (18 + 6)/4 = 6.00, C (15 + 7)/4 = 5.50, D (21 + 6)/4 = 6.75
//   cost:                           A 8,000          B 4,000          C 5,000           D 9,000
//   C is dominated by B (cheaper and better), D by A; the frontier is B then A. Σ ŵ of the benefit = 4/6.
//   totals (3·perf + ops + 2·costPoints)/6 with costPoints = 10·(10,000 − x)/8,000: A 6.667, B 6.5, C 5.75, D 4.917.
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "./evaluate";
import { Sfc32 } from "./prng";
import { rating } from "./test-fixtures";
import type { DecisionModel } from "./types";
import { valueForMoney, type MoneyCriterion } from "./value-for-money";

const COST = { id: "cost", currency: "USD", unit: "/month" };
const MONEY: MoneyCriterion[] = [
  { id: "perf", currency: null, unit: null },
  { id: "ops", currency: null, unit: null },
  COST,
];

function model(costs: Record<string, number> = { A: 8000, B: 4000, C: 5000, D: 9000 }): DecisionModel {
  const perf: Record<string, number> = { A: 9, B: 6, C: 5, D: 7 };
  const ops: Record<string, number> = { A: 8, B: 6, C: 7, D: 6 };
  const ids = Object.keys(perf);
  return {
    criteria: [
      rating("perf", 3),
      rating("ops", 1),
      {
        id: "cost",
        name: "cost",
        weight: 2,
        kind: "METRIC",
        direction: "COST",
        worst: 10000,
        best: 2000,
        unit: "/month",
      },
    ],
    candidates: ids.map((id) => ({ id, name: id })),
    scores: ids.flatMap((id) => [
      { criterionId: "perf", candidateId: id, evaluatorId: "e", value: perf[id] },
      { criterionId: "ops", candidateId: id, evaluatorId: "e", value: ops[id] },
    ]),
    facts: Object.entries(costs).map(([candidateId, value]) => ({ criterionId: "cost", candidateId, value })),
  };
}

const resultOf = (m: DecisionModel) => {
  const out = evaluateDecision(m, { monteCarlo: { samples: 0 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
};

describe("valueForMoney", () => {
  test("benefit over the other criteria, cost as entered, the frontier and who dominates whom", () => {
    const v = valueForMoney(MONEY, resultOf(model()));
    if (v.kind !== "ok") throw new Error(v.kind);
    expect(v).toMatchObject({ currency: "USD", unit: "/month", moneyCriterionIds: ["cost"], withoutCost: [] });
    expect(v.benefitShare).toBeCloseTo(4 / 6, 12);
    const by = new Map(v.points.map((p) => [p.candidateId, p]));
    expect(by.get("A")!.benefit).toBeCloseTo(8.75, 12);
    expect(by.get("B")!.benefit).toBeCloseTo(6, 12);
    expect(by.get("C")!.benefit).toBeCloseTo(5.5, 12);
    expect(by.get("D")!.benefit).toBeCloseTo(6.75, 12);
    expect([...by.values()].map((p) => [p.candidateId, p.cost, p.dominatedBy])).toEqual([
      ["A", 8000, []],
      ["B", 4000, []],
      ["C", 5000, ["B"]],
      ["D", 9000, ["A"]],
    ]);
    expect(v.frontier).toEqual(["B", "A"]);
    // B → A: $4,000 more for 8.75 − 6 = 2.75 points.
    expect(v.steps).toEqual([{ from: "B", to: "A", extraCost: 4000, extraBenefit: expect.closeTo(2.75, 12) }]);
  });

  test("two candidates at the same point are both on the frontier, with no step between them", () => {
    // D given A's cost and A's scores: the same benefit (8.75) at the same $8,000.
    const m = model({ A: 8000, B: 4000, C: 5000, D: 8000 });
    m.scores = m.scores.map((s) => (s.candidateId === "D" ? { ...s, value: s.criterionId === "perf" ? 9 : 8 } : s));
    const v = valueForMoney(MONEY, resultOf(m));
    if (v.kind !== "ok") throw new Error(v.kind);
    expect(v.frontier).toEqual(["B", "A", "D"]);
    expect(v.steps.map((s) => [s.from, s.to])).toEqual([["B", "A"]]);
  });

  test("no money criterion, mixed currencies or units, nothing but money", () => {
    const r = resultOf(model());
    expect(valueForMoney(MONEY.slice(0, 2), r)).toEqual({ kind: "none" });
    expect(valueForMoney([...MONEY, { id: "ops", currency: "EUR", unit: "/month" }], r)).toMatchObject({
      kind: "mixed",
    });
    expect(valueForMoney([...MONEY.slice(0, 2), { ...COST, unit: "/year" }, { ...COST, id: "perf" }], r)).toEqual({
      kind: "mixed",
      currencies: [
        { currency: "USD", unit: "/year" },
        { currency: "USD", unit: "/month" },
      ],
    });
    const allMoney = MONEY.map((c) => ({ ...c, currency: "USD", unit: "/month" }));
    expect(valueForMoney(allMoney, r)).toEqual({ kind: "noBenefit", currency: "USD", unit: "/month" });
  });

  test("a money criterion that became a group is priced through its sub-criterion: same points as before", () => {
    const flat = valueForMoney(MONEY, resultOf(model()));
    const m = model();
    // The cost criterion gets one sub-criterion carrying its facts (so every share stays as it was).
    m.criteria.push({ ...m.criteria[2], id: "licence", name: "licence", parentId: "cost" });
    m.facts = m.facts!.map((f) => ({ ...f, criterionId: "licence" }));
    const tree = valueForMoney([...MONEY, { id: "licence", currency: "USD", unit: "/month" }], resultOf(m));
    expect(tree).toEqual({ ...flat, moneyCriterionIds: ["licence"] });
  });

  test("two money criteria in the same currency and unit are added", () => {
    // ops as a second money amount: cost = ops + cost fact; benefit = perf alone (3/6 of the weight).
    const v = valueForMoney([MONEY[0], { ...COST, id: "ops" }, COST], resultOf(model()));
    if (v.kind !== "ok") throw new Error(v.kind);
    expect(v.benefitShare).toBeCloseTo(0.5, 12);
    expect(v.points.map((p) => [p.candidateId, p.cost])).toEqual([
      ["A", 8008],
      ["B", 4006],
      ["C", 5007],
      ["D", 9006],
    ]);
    expect(v.points.find((p) => p.candidateId === "A")!.benefit).toBeCloseTo(9, 12);
  });

  test("a candidate with the same cost and benefit as another is not dominated by it", () => {
    const v = valueForMoney(MONEY, resultOf(model({ A: 8000, B: 4000, C: 5000, D: 8000 })));
    if (v.kind !== "ok") throw new Error(v.kind);
    // D (6.75, 8,000) against A (8.75, 8,000): same cost, less benefit → dominated.
    expect(v.points.find((p) => p.candidateId === "D")!.dominatedBy).toEqual(["A"]);
  });

  test("property: the frontier is exactly the undominated set, and its benefit rises with its cost", () => {
    const rng = new Sfc32(4242);
    for (let round = 0; round < 200; round++) {
      const ids = ["A", "B", "C", "D", "E", "F"].slice(0, 2 + rng.below(5));
      const m = model(Object.fromEntries(ids.map((id) => [id, 1000 * (1 + rng.below(9))])));
      m.candidates = ids.map((id) => ({ id, name: id }));
      m.scores = ids.flatMap((id) =>
        ["perf", "ops"].map((c) => ({ criterionId: c, candidateId: id, evaluatorId: "e", value: rng.below(11) })),
      );
      const v = valueForMoney(MONEY, resultOf(m));
      if (v.kind !== "ok") throw new Error(v.kind);
      const pts = v.points;
      // Written out independently of the module's own rule.
      const better = (q: (typeof pts)[number], p: (typeof pts)[number]) =>
        q.cost <= p.cost && q.benefit >= p.benefit - 1e-9 && (q.cost < p.cost || q.benefit > p.benefit + 1e-9);
      for (const p of pts) expect(p.dominated).toBe(pts.some((q) => q !== p && better(q, p)));
      expect(new Set(v.frontier)).toEqual(new Set(pts.filter((p) => !p.dominated).map((p) => p.candidateId)));
      const line = v.frontier.map((id) => pts.find((p) => p.candidateId === id)!);
      for (let i = 1; i < line.length; i++) {
        expect(line[i].cost).toBeGreaterThanOrEqual(line[i - 1].cost);
        if (line[i].cost > line[i - 1].cost) expect(line[i].benefit).toBeGreaterThan(line[i - 1].benefit);
      }
      expect(v.frontier.length).toBeGreaterThan(0);
    }
  });
});
