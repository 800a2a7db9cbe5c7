import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "./evaluate";
import type { DecisionResult } from "./result-types";
import { modelArb } from "./test-arbitraries";
import { judge, rating } from "./test-fixtures";
import { buildTree, checkTree, moveAmongSiblings, possibleParents, treeOrder, treeShares } from "./tree";
import type { CriterionInput, DecisionModel, EvaluateOptions } from "./types";
import { validateModel } from "./validate";

// Expected figures computed independently with numpy (shares multiplied down the path by hand, totals P @ g, the
// group's one-way line T(t) = t·s_g + (1 − t)·R solved for each challenger), or by hand where stated.

const CANDS = [
  { id: "kafka", name: "Kafka" },
  { id: "rabbit", name: "RabbitMQ" },
  { id: "pulsar", name: "Pulsar" },
];

// Three levels: Operations 40 {Ops complexity 3, Observability 2 {Metrics 1, Tracing 1}}, Ecosystem 35
// {Community 2, Libraries 1}, Team fit 25.
const TREE: CriterionInput[] = [
  rating("operations", 40),
  rating("ops", 3, { parentId: "operations" }),
  rating("observability", 2, { parentId: "operations" }),
  rating("metrics", 1, { parentId: "observability" }),
  rating("tracing", 1, { parentId: "observability" }),
  rating("ecosystem", 35),
  rating("community", 2, { parentId: "ecosystem" }),
  rating("libraries", 1, { parentId: "ecosystem" }),
  rating("team", 25),
];
const LEAVES = ["ops", "metrics", "tracing", "community", "libraries", "team"];
const POINTS: Record<string, number[]> = {
  kafka: [4, 9, 7, 9, 8, 6],
  rabbit: [8, 6, 5, 7, 8, 9],
  pulsar: [3, 7, 8, 6, 5, 4],
};

function treeModel(criteria: CriterionInput[] = TREE): DecisionModel {
  return {
    criteria: criteria.map((c) => ({ ...c })),
    candidates: CANDS,
    scores: Object.entries(POINTS).flatMap(([candidateId, values]) =>
      values.map((value, i) => ({ criterionId: LEAVES[i], candidateId, evaluatorId: "e1", value })),
    ),
  };
}

function run(model: DecisionModel, options: EvaluateOptions = {}): DecisionResult {
  const out = evaluateDecision(model, { monteCarlo: { samples: 2000, seed: 7 }, ...options });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

const totalOf = (r: DecisionResult, id: string) => r.ranking.find((x) => x.candidateId === id)!.total;

describe("a three-level tree", () => {
  test("global weight = product of local shares down the path; leaves sum to 1 (by hand)", () => {
    const r = run(treeModel());
    const node = (id: string) => r.tree!.nodes.find((n) => n.criterionId === id)!;
    // Operations .4; Ops complexity .4·3/5 = .24; Observability .4·2/5 = .16; Metrics, Tracing .16·½ = .08;
    // Ecosystem .35; Community .35·⅔ = .23333; Libraries .11667; Team fit .25.
    const expected: Record<string, [number, number, number]> = {
      operations: [0.4, 0.4, 1],
      ops: [0.6, 0.24, 2],
      observability: [0.4, 0.16, 2],
      metrics: [0.5, 0.08, 3],
      tracing: [0.5, 0.08, 3],
      ecosystem: [0.35, 0.35, 1],
      community: [2 / 3, 0.35 * (2 / 3), 2],
      libraries: [1 / 3, 0.35 / 3, 2],
      team: [0.25, 0.25, 1],
    };
    for (const [id, [local, global, depth]] of Object.entries(expected)) {
      expect(node(id).localShare).toBeCloseTo(local, 12);
      expect(node(id).globalShare).toBeCloseTo(global, 12);
      expect(node(id).depth).toBe(depth);
    }
    expect(r.tree!.nodes.filter((n) => !n.leaf).map((n) => n.criterionId)).toEqual([
      "operations",
      "observability",
      "ecosystem",
    ]);
    // The leaves are the scored criteria; groups have no cells.
    expect(r.weights.map((w) => w.criterionId)).toEqual(LEAVES);
    expect(r.weights.reduce((a, w) => a + w.share, 0)).toBeCloseTo(1, 14);
    expect(new Set(r.cells.map((c) => c.criterionId))).toEqual(new Set(LEAVES));
  });

  test("totals over the leaves: numpy P @ g = 6.77333, 7.61667, 4.90333", () => {
    const r = run(treeModel());
    expect(totalOf(r, "kafka")).toBeCloseTo(6.773333333, 8);
    expect(totalOf(r, "rabbit")).toBeCloseTo(7.616666667, 8);
    expect(totalOf(r, "pulsar")).toBeCloseTo(4.903333333, 8);
    expect(r.winnerId).toBe("rabbit");
  });

  test("group sensitivity: Kafka overtakes when Observability passes 37.19 % or Ecosystem 60.18 % (numpy)", () => {
    const r = run(treeModel());
    const of = (id: string) => r.tree!.groupSensitivity.find((s) => s.criterionId === id)!;
    // Observability: s_g = (8, 5.5, 7.5), R = (6.53968, 8.01984, 4.40873) → Kafka at 0.371884, Pulsar at 0.643564.
    expect(of("observability").currentShare).toBeCloseTo(0.16, 12);
    expect(of("observability").stableFrom).toBe(0);
    expect(of("observability").stableTo).toBeCloseTo(0.371884347, 8);
    expect(of("observability").flipTo).toBe("kafka");
    expect(of("observability").crossovers.map((c) => [c.candidateId, Number(c.at.toFixed(6))])).toEqual([
      ["kafka", 0.371884],
      ["pulsar", 0.643564],
    ]);
    // Ecosystem: s_g = (8.66667, 7.33333, 5.66667), R = (5.75385, 7.76923, 4.49231) → Kafka at 0.601838.
    expect(of("ecosystem").stableTo).toBeCloseTo(0.601837672, 8);
    expect(of("ecosystem").flipTo).toBe("kafka");
    // Operations: both lines stay below RabbitMQ's over the whole range (roots at −0.509 and 3.571).
    expect(of("operations").stableFrom).toBe(0);
    expect(of("operations").stableTo).toBe(1);
    expect(of("operations").flipTo).toBeNull();
    // A leaf's own sensitivity is on its global share with everyone else in proportion, exactly as in a flat list.
    const leaf = r.sensitivity.criteria.find((s) => s.criterionId === "metrics")!;
    expect(leaf.currentShare).toBeCloseTo(0.08, 12);
  });

  test("a group moved to exactly its reported crossover share makes the two candidates level", () => {
    // Rebuild the tree with Observability moved to share t = .371884 and everything outside it keeping its
    // proportions (.24 : .35 : .25 of the remaining 1 − t): Kafka and RabbitMQ must then be level.
    const at = 0.371884347;
    const rest = 1 - at;
    const flatish = treeModel([
      rating("operations", 0.24 * (rest / 0.84) * 100),
      rating("ops", 1, { parentId: "operations" }),
      rating("observability", at * 100),
      rating("metrics", 1, { parentId: "observability" }),
      rating("tracing", 1, { parentId: "observability" }),
      rating("ecosystem", 0.35 * (rest / 0.84) * 100),
      rating("community", 2, { parentId: "ecosystem" }),
      rating("libraries", 1, { parentId: "ecosystem" }),
      rating("team", 0.25 * (rest / 0.84) * 100),
    ]);
    const r = run(flatish);
    expect(totalOf(r, "kafka")).toBeCloseTo(totalOf(r, "rabbit"), 6);
  });

  test("Monte Carlo samples level by level: P(Kafka first) is the numpy figure for nested Dirichlets, not the flat one", () => {
    // Goal: G 50 {X 1, Z 1}, Y 50. Kafka has 10 on X only; RabbitMQ 2.9 everywhere. Kafka wins a sample when
    // w_X > 0.29. Level by level (κ = 100): w_X = g·x, g ~ Beta(50, 50), x ~ Beta(50, 50); numpy (4·10⁶ draws):
    // P = 0.1308. A flat Dirichlet(25, 25, 50) would give P = 0.1763 (numpy, same draws).
    const model: DecisionModel = {
      criteria: [
        rating("g", 50),
        rating("x", 1, { parentId: "g" }),
        rating("z", 1, { parentId: "g" }),
        rating("y", 50),
      ],
      candidates: CANDS.slice(0, 2),
      scores: ["x", "z", "y"].flatMap((criterionId) => [
        { criterionId, candidateId: "kafka", evaluatorId: "e1", value: criterionId === "x" ? 10 : 0 },
        { criterionId, candidateId: "rabbit", evaluatorId: "e1", value: 2.9 },
      ]),
    };
    const n = 40_000;
    const r = run(model, { monteCarlo: { samples: n, seed: 11, scoreNoise: false } });
    const p = r.monteCarlo!.pFirst.find((x) => x.candidateId === "kafka")!.p;
    const se = Math.sqrt((0.1308 * 0.8692) / n);
    expect(Math.abs(p - 0.1308)).toBeLessThan(4 * se + 0.002);
    expect(Math.abs(p - 0.1763)).toBeGreaterThan(0.03);
  });
});

describe("AHP per group", () => {
  test("each group is its own pairwise set: weights and CR per node, globals multiplied down", () => {
    // Top level: Operations 3× Ecosystem, Operations 2× Team, Team 1/2 × Ecosystem… (numpy eigenvector below);
    // Operations: Ops complexity 4× Observability → ⅘, ⅕ (a 2×2 reciprocal matrix is exactly consistent).
    const model = treeModel();
    model.judgments = [
      judge("ada", "operations", "ecosystem", 3),
      judge("ada", "operations", "team", 2),
      judge("ada", "ecosystem", "team", 1 / 2),
      judge("ada", "ops", "observability", 4),
      judge("ada", "metrics", "tracing", 1),
      judge("ada", "community", "libraries", 3),
    ];
    const r = run(model, { weightSource: "ahp" });
    // numpy: eig of [[1,3,2],[1/3,1,1/2],[1/2,2,1]] → 0.539615, 0.163424, 0.296961; λ = 3.009203, CR = 0.007933.
    const top = r.ahp!;
    expect(top.weights.map((w) => w.criterionId)).toEqual(["operations", "ecosystem", "team"]);
    [0.53961, 0.16342, 0.29696].forEach((w, i) => expect(top.weights[i].weight).toBeCloseTo(w, 5));
    expect(top.cr).toBeCloseTo(0.007933, 5);
    const groups = Object.fromEntries(r.tree!.ahp.map((g) => [g.parentId, g.result!]));
    expect(Object.keys(groups)).toEqual(["operations", "ecosystem", "observability"]);
    expect(groups.operations.weights.map((w) => w.weight)).toEqual([0.8, 0.2].map((x) => expect.closeTo(x, 12)));
    expect(groups.ecosystem.weights.map((w) => w.weight)).toEqual([0.75, 0.25].map((x) => expect.closeTo(x, 12)));
    const node = (id: string) => r.tree!.nodes.find((n) => n.criterionId === id)!;
    expect(node("ops").globalShare).toBeCloseTo(0.539615 * 0.8, 5);
    expect(node("metrics").globalShare).toBeCloseTo(0.539615 * 0.2 * 0.5, 5);
    expect(node("libraries").globalShare).toBeCloseTo(0.163424 * 0.25, 5);
    // A judgment between criteria in different groups is not used, and the result says so.
    model.judgments.push(judge("ada", "ops", "team", 9));
    const again = run(model, { weightSource: "ahp" });
    expect(again.warnings).toContainEqual(
      expect.objectContaining({ code: "judgment_not_siblings", params: { count: 1 } }),
    );
    expect(again.tree!.nodes).toEqual(r.tree!.nodes);
  });

  test("AHP weights with a group left unjudged is an error naming the group", () => {
    const model = treeModel();
    model.judgments = [judge("ada", "operations", "ecosystem", 3), judge("ada", "operations", "team", 2)];
    const out = evaluateDecision(model, { weightSource: "ahp", monteCarlo: { samples: 0 } });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors[0]).toMatchObject({ code: "ahp_no_judgments", params: { groupId: "operations" } });
    }
  });
});

describe("a published hierarchy: the Wikipedia AHP car example (the Jones family's Honda)", () => {
  // Judgments as reproduced by AHPy (README) and the hahp CarChoice sample, which agree with each other: goal
  // Cost 3× Safety, 7× Style, 3× Capacity; Safety 9× Style, 1× Capacity; Style 1/7 × Capacity. Cost: Price 2× Fuel,
  // 5× Maintenance, 3× Resale; Fuel 2× Maintenance, 2× Resale; Maintenance 1/2 × Resale. Capacity: Cargo 1/5 ×
  // Passenger. AHPy prints Cost .51, Safety .234, Capacity .215, Style .041; Price .488, Fuel .252, Resale .161;
  // global Price .249, Fuel .129, Resale .082, Maintenance .051, Cargo .0358. numpy (eig) gives the digits below.
  const cars = ["accord", "hybrid", "pilot", "crv", "element", "odyssey"];
  // hahp's priority of each car per covering criterion, used here as 0–10 points (×10).
  const alt: Record<string, number[]> = {
    price: [0.242, 0.027, 0.027, 0.242, 0.362, 0.1],
    fuel: [0.188, 0.212, 0.133, 0.16, 0.151, 0.156],
    maintenance: [0.357, 0.312, 0.084, 0.1, 0.089, 0.058],
    resale: [0.225, 0.095, 0.055, 0.415, 0.105, 0.105],
    safety: [0.215, 0.215, 0.083, 0.038, 0.025, 0.424],
    style: [0.346, 0.346, 0.045, 0.16, 0.025, 0.078],
    cargo: [0.09, 0.09, 0.17, 0.17, 0.17, 0.31],
    passenger: [0.136, 0.136, 0.273, 0.136, 0.046, 0.273],
  };
  const model: DecisionModel = {
    criteria: [
      rating("cost", 1),
      rating("price", 1, { parentId: "cost" }),
      rating("fuel", 1, { parentId: "cost" }),
      rating("maintenance", 1, { parentId: "cost" }),
      rating("resale", 1, { parentId: "cost" }),
      rating("safety", 1),
      rating("style", 1),
      rating("capacity", 1),
      rating("cargo", 1, { parentId: "capacity" }),
      rating("passenger", 1, { parentId: "capacity" }),
    ],
    candidates: cars.map((id) => ({ id, name: id })),
    scores: Object.entries(alt).flatMap(([criterionId, ps]) =>
      ps.map((p, k) => ({ criterionId, candidateId: cars[k], evaluatorId: "jones", value: 10 * p })),
    ),
    judgments: [
      judge("jones", "cost", "safety", 3),
      judge("jones", "cost", "style", 7),
      judge("jones", "cost", "capacity", 3),
      judge("jones", "safety", "style", 9),
      judge("jones", "safety", "capacity", 1),
      judge("jones", "style", "capacity", 1 / 7),
      judge("jones", "price", "fuel", 2),
      judge("jones", "price", "maintenance", 5),
      judge("jones", "price", "resale", 3),
      judge("jones", "fuel", "maintenance", 2),
      judge("jones", "fuel", "resale", 2),
      judge("jones", "maintenance", "resale", 1 / 2),
      judge("jones", "cargo", "passenger", 1 / 5),
    ],
  };

  test("criteria priorities and CR per node, global priorities of the eight covering criteria", () => {
    const r = run(model, { weightSource: "ahp" });
    const top = r.ahp!;
    [0.51007502, 0.23435219, 0.04051875, 0.21505404].forEach((w, i) => expect(top.weights[i].weight).toBeCloseTo(w, 7));
    expect(top.lambdaMax).toBeCloseTo(4.199235118, 8);
    expect(top.cr).toBeCloseTo(0.073790784, 8);
    const cost = r.tree!.ahp.find((g) => g.parentId === "cost")!.result!;
    [0.48805379, 0.2515361, 0.09986256, 0.16054755].forEach((w, i) => expect(cost.weights[i].weight).toBeCloseTo(w, 7));
    expect(cost.cr).toBeCloseTo(0.015075964, 8);
    const capacity = r.tree!.ahp.find((g) => g.parentId === "capacity")!.result!;
    expect(capacity.weights.map((w) => w.weight)).toEqual([1 / 6, 5 / 6].map((x) => expect.closeTo(x, 12)));
    const global = [0.24894405, 0.12830228, 0.0509374, 0.0818913, 0.23435219, 0.04051875, 0.03584234, 0.1792117];
    r.weights.forEach((w, i) => expect(w.share).toBeCloseTo(global[i], 7));
  });

  test("overall: Odyssey 2.1902, Accord Sedan 2.1298, CR-V 1.6571, Accord Hybrid 1.4960, Element 1.4383, Pilot 1.0886", () => {
    const r = run(model, { weightSource: "ahp" });
    expect(r.ranking.map((x) => [x.candidateId, Number(x.total.toFixed(4))])).toEqual([
      ["odyssey", 2.1902],
      ["accord", 2.1298],
      ["crv", 1.6571],
      ["hybrid", 1.496],
      ["element", 1.4383],
      ["pilot", 1.0886],
    ]);
  });
});

describe("tree validation", () => {
  test("unknown parent, a loop and a tree deeper than five levels are refused with the row's path", () => {
    const model = treeModel([rating("a", 1, { parentId: "nope" }), rating("b", 1)]);
    model.scores = [];
    expect(validateModel(model)).toContainEqual(
      expect.objectContaining({ code: "unknown_parent", path: ["criteria", 0, "parentId"] }),
    );
    const loop = [rating("a", 1, { parentId: "b" }), rating("b", 1, { parentId: "a" }), rating("c", 1)];
    expect(checkTree(loop).map((e) => e.code)).toEqual(["parent_cycle", "parent_cycle"]);
    const chain = ["l1", "l2", "l3", "l4", "l5", "l6"].map((id, i, all) =>
      rating(id, 1, { parentId: i === 0 ? null : all[i - 1] }),
    );
    expect(checkTree(chain).map((e) => [e.code, e.path[1]])).toEqual([["tree_too_deep", 5]]);
    expect(checkTree(chain.slice(0, 5))).toEqual([]);
    expect(validateModel({ ...treeModel(), criteria: [{ ...TREE[1], parentId: 7 }] })).toContainEqual(
      expect.objectContaining({ code: "invalid_type", path: ["criteria", 0, "parentId"] }),
    );
  });

  test("a group that carries weight while its sub-criteria all weigh 0 is an error on the group", () => {
    const criteria = TREE.map((c) => (c.parentId === "ecosystem" ? { ...c, weight: 0 } : c));
    const out = evaluateDecision(treeModel(criteria));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]).toMatchObject({ code: "group_weights_zero", path: ["criteria", 5, "weight"] });
    // Weighing the group 0 as well makes its empty split irrelevant.
    const quiet = criteria.map((c) => (c.id === "ecosystem" ? { ...c, weight: 0 } : c));
    expect(evaluateDecision(treeModel(quiet), { monteCarlo: { samples: 0 } }).ok).toBe(true);
  });

  test("buildTree lists sibling sets breadth first even when a child group is listed before its parent", () => {
    const tree = buildTree([
      rating("leaf", 1, { parentId: "inner" }),
      rating("inner", 1, { parentId: "top" }),
      rating("top", 1),
    ]);
    expect(tree.sets.map((s) => s.parentId)).toEqual([null, "top", "inner"]);
    const shares = treeShares(tree, [1, 1, 1]);
    expect(shares.ok && shares.global).toEqual([1, 1, 1]);
  });
});

// ---- properties ----

const numbers = (r: DecisionResult) => ({
  ranking: r.ranking.map((x) => [x.candidateId, x.total, x.rank, x.excluded]),
  shares: r.weights.map((w) => w.share),
  cells: r.cells.map((c) => [c.points, c.value]),
  sensitivity: r.sensitivity.criteria.map((s) => [s.currentShare, s.stableFrom, s.stableTo, s.flipAt, s.flipTo]),
  smallest: r.sensitivity.smallestChange && [
    r.sensitivity.smallestChange.delta,
    r.sensitivity.smallestChange.newWinnerId,
  ],
  topsis: r.topsis.closeness.map((c) => [c.candidateId, c.closeness]),
  mc: r.monteCarlo && [r.monteCarlo.pWinnerFirst, r.monteCarlo.rankAcceptability, r.monteCarlo.pairwiseWinRate],
  verdict: r.verdict,
});

describe("properties", () => {
  test("a flat decision stays exactly today's (tree null), with or without explicit null parents", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const a = evaluateDecision(model, { monteCarlo: { samples: 100, seed: 5 } });
        const withNulls = { ...model, criteria: model.criteria.map((c) => ({ ...c, parentId: null })) };
        const b = evaluateDecision(withNulls, { monteCarlo: { samples: 100, seed: 5 } });
        expect(b).toEqual(a);
        if (a.ok) expect(a.result.tree).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  test("splitting a leaf into one sub-criterion changes no number, Monte Carlo included (bit for bit)", () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), fc.integer({ min: 1, max: 50 }), (model, pick, childWeight) => {
        const i = pick % model.criteria.length;
        const leaf = model.criteria[i];
        const child: CriterionInput = { ...leaf, id: `${leaf.id}-child`, weight: childWeight, parentId: leaf.id };
        const split: DecisionModel = {
          ...model,
          // The group keeps its weight; its kind no longer matters. The child takes its place in the order.
          criteria: [...model.criteria.slice(0, i + 1), child, ...model.criteria.slice(i + 1)],
          scores: model.scores.map((s) => (s.criterionId === leaf.id ? { ...s, criterionId: child.id } : s)),
          judgments: (model.judgments ?? []).map((j) => j),
        };
        const opts = { monteCarlo: { samples: 150, seed: 9 } };
        const a = evaluateDecision(model, opts);
        const b = evaluateDecision(split, opts);
        expect(b.ok).toBe(a.ok);
        if (!a.ok || !b.ok) return;
        const rename = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll(`"${child.id}"`, `"${leaf.id}"`));
        expect(rename(numbers(b.result))).toEqual(numbers(a.result));
      }),
      { numRuns: 80 },
    );
  });

  test("wrapping every criterion in one group changes no number (the group's local share is exactly 1)", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const wrapped: DecisionModel = {
          ...model,
          criteria: [rating("all", 3), ...model.criteria.map((c) => ({ ...c, parentId: "all" }))],
        };
        const opts = { monteCarlo: { samples: 150, seed: 4 } };
        const a = evaluateDecision(model, opts);
        const b = evaluateDecision(wrapped, opts);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(numbers(b.result)).toEqual(numbers(a.result));
      }),
      { numRuns: 60 },
    );
  });

  test("scaling one group's sub-criteria weights by k changes nothing; global shares always sum to 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (k) => {
        const scaled = TREE.map((c) => (c.parentId === "operations" ? { ...c, weight: c.weight * k } : c));
        const a = run(treeModel(), { monteCarlo: { samples: 0 } });
        const b = run(treeModel(scaled), { monteCarlo: { samples: 0 } });
        a.ranking.forEach((x, i) => expect(b.ranking[i].total).toBeCloseTo(x.total, 10));
        expect(b.weights.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 50 },
    );
  });
});

describe("list order of a tree", () => {
  const tree = buildTree(TREE);
  const ids = (order: number[] | null) => order?.map((i) => TREE[i].id) ?? null;

  test("depth first, siblings in model order", () => {
    expect(ids(treeOrder(tree))).toEqual(TREE.map((c) => c.id));
    const shuffled = buildTree([TREE[3], TREE[0], TREE[8], TREE[1], TREE[2], TREE[4]]);
    expect(ids(treeOrder(shuffled).map((i) => [3, 0, 8, 1, 2, 4][i]))).toEqual([
      "operations",
      "ops",
      "observability",
      "metrics",
      "tracing",
      "team",
    ]);
  });

  test("a group moves past its sibling with all its sub-criteria; the ends of a sibling list stay put", () => {
    // Ecosystem up past Operations (and its four descendants).
    expect(ids(moveAmongSiblings(tree, 5, -1))).toEqual([
      "ecosystem",
      "community",
      "libraries",
      "operations",
      "ops",
      "observability",
      "metrics",
      "tracing",
      "team",
    ]);
    // Ops complexity down past Observability.
    expect(ids(moveAmongSiblings(tree, 1, 1))).toEqual([
      "operations",
      "observability",
      "metrics",
      "tracing",
      "ops",
      "ecosystem",
      "community",
      "libraries",
      "team",
    ]);
    expect(moveAmongSiblings(tree, 0, -1)).toBeNull();
    expect(moveAmongSiblings(tree, 4, 1)).toBeNull();
    // Flat: the neighbour swap.
    const flat = buildTree([rating("a", 1), rating("b", 1), rating("c", 1)]);
    expect(moveAmongSiblings(flat, 2, -1)).toEqual([0, 2, 1]);
  });

  test("a criterion may go under anything but itself and its own sub-criteria", () => {
    expect(ids(possibleParents(tree, 0))).toEqual(["ecosystem", "community", "libraries", "team"]);
    expect(ids(possibleParents(tree, 3))).toEqual(TREE.map((c) => c.id).filter((id) => id !== "metrics"));
  });
});
