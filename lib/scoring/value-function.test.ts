import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "./evaluate";
import { metricPoints, metricReference, metricScale } from "./normalise";
import type { CriterionInput, DecisionModel } from "./types";
import { validateModel } from "./validate";
import {
  checkValueCurve,
  curvePoints,
  curveRange,
  diminishingCurve,
  linearCurve,
  thresholdCurve,
  type CurvePoint,
} from "./value-function";

describe("curvePoints against hand and numpy.interp", () => {
  // numpy: np.interp([15, 30, 5, 50], [10, 20, 40], [0, 6, 10]) → [3, 8, 0, 10]
  test.each([
    [15, 3],
    [30, 8],
    [5, 0],
    [50, 10],
    [10, 0],
    [20, 6],
    [40, 10],
  ])("benefit curve (10,0)(20,6)(40,10) at %s → %s", (x, expected) => {
    const curve: CurvePoint[] = [
      [10, 0],
      [20, 6],
      [40, 10],
    ];
    expect(curvePoints(x, curve)).toBeCloseTo(expected, 12);
  });

  // numpy: np.interp([125, 350], [50, 200, 500], [10, 4, 0]) → [7, 2]; outside: clamped to the end points.
  test.each([
    [125, 7],
    [350, 2],
    [20, 10],
    [900, 0],
  ])("cost curve (50,10)(200,4)(500,0) at %s ms → %s", (x, expected) => {
    const curve: CurvePoint[] = [
      [50, 10],
      [200, 4],
      [500, 0],
    ];
    expect(curvePoints(x, curve)).toBeCloseTo(expected, 12);
  });

  test("a benefit step: below the threshold nothing, on it and above full points", () => {
    const curve = thresholdCurve(99.9, "BENEFIT");
    expect(curvePoints(99.8, curve)).toBe(0);
    expect(curvePoints(99.9, curve)).toBe(10);
    expect(curvePoints(99.99, curve)).toBe(10);
  });

  test("a cost step: up to the limit full points, beyond it nothing", () => {
    const curve = thresholdCurve(200, "COST");
    expect(curvePoints(150, curve)).toBe(10);
    expect(curvePoints(200, curve)).toBe(10);
    expect(curvePoints(200.5, curve)).toBe(0);
  });

  test("a step between ramps: (0,0)(50,2)(50,8)(100,10)", () => {
    const curve: CurvePoint[] = [
      [0, 0],
      [50, 2],
      [50, 8],
      [100, 10],
    ];
    expect(curvePoints(25, curve)).toBeCloseTo(1, 12); // 0 + 2·25/50
    expect(curvePoints(49.999, curve)).toBeCloseTo(1.99996, 10);
    expect(curvePoints(50, curve)).toBe(8);
    expect(curvePoints(75, curve)).toBeCloseTo(9, 12); // 8 + 2·25/50
  });
});

test("raw values near the ends of the double range stay finite and between the knots' points", () => {
  const curve: CurvePoint[] = [
    [-1.7e308, 0],
    [1.7e308, 10],
  ];
  expect(curvePoints(0, curve)).toBeCloseTo(5, 12);
  expect(curvePoints(1.6e308, curve)).toBeGreaterThan(9.7);
  expect(curvePoints(1.6e308, curve)).toBeLessThanOrEqual(10);
  expect(Number.isFinite(curvePoints(-1.69e308, curve))).toBe(true);
});

describe("presets", () => {
  test("linear between references is the two-point curve, in either direction", () => {
    expect(linearCurve(0, 100)).toEqual([
      [0, 0],
      [100, 10],
    ]);
    expect(linearCurve(500, 50)).toEqual([
      [50, 10],
      [500, 0],
    ]);
  });

  // numpy: 10·(1 − exp(−3u)) / (1 − exp(−3)) at u = 0, .25, .5, .75, 1 → 0, 5.5528, 8.1757, 9.4147, 10
  test("diminishing returns samples 10·(1 − e^(−3u))/(1 − e^(−3))", () => {
    expect(diminishingCurve(0, 100)).toEqual([
      [0, 0],
      [25, 5.55],
      [50, 8.18],
      [75, 9.41],
      [100, 10],
    ]);
    // A cost (latency 500 ms worst, 100 ms best): the first 100 ms saved are worth the most.
    expect(diminishingCurve(500, 100)).toEqual([
      [100, 10],
      [200, 9.41],
      [300, 8.18],
      [400, 5.55],
      [500, 0],
    ]);
    expect(checkValueCurve(diminishingCurve(500, 100), "COST")).toBeNull();
    expect(checkValueCurve(diminishingCurve(0, 100), "BENEFIT")).toBeNull();
  });

  test("curveRange names the ends as worst and best for the direction", () => {
    expect(curveRange(linearCurve(500, 50), "COST")).toEqual({ worst: 500, best: 50 });
    expect(curveRange(linearCurve(0, 100), "BENEFIT")).toEqual({ worst: 0, best: 100 });
  });
});

describe("checkValueCurve", () => {
  test.each([
    [[[1, 0]], "BENEFIT", "curveTooFewPoints"],
    [Array.from({ length: 13 }, (_, i) => [i, Math.min(10, i)]), "BENEFIT", "curveTooManyPoints"],
    [
      [
        [0, 0],
        [1, Number.NaN],
      ],
      "BENEFIT",
      "curveNotANumber",
    ],
    [[[0, 0], [1]], "BENEFIT", "curveNotANumber"],
    [
      [
        [0, 0],
        [1, 11],
      ],
      "BENEFIT",
      "curvePointsRange",
    ],
    [
      [
        [0, -1],
        [1, 5],
      ],
      "BENEFIT",
      "curvePointsRange",
    ],
    [
      [
        [5, 0],
        [1, 10],
      ],
      "BENEFIT",
      "curveOrder",
    ],
    [
      [
        [1, 0],
        [1, 5],
        [1, 10],
      ],
      "BENEFIT",
      "curveOrder",
    ],
    [
      [
        [0, 0],
        [5, 8],
        [10, 6],
      ],
      "BENEFIT",
      "curveNotMonotone",
    ],
    [
      [
        [0, 0],
        [10, 10],
      ],
      "COST",
      "curveNotMonotone",
    ],
    [
      [
        [0, 4],
        [10, 4],
      ],
      "BENEFIT",
      "curveFlat",
    ],
    [
      [
        [0, 0],
        [10, 10],
      ],
      "BENEFIT",
      null,
    ],
    [
      [
        [0, 10],
        [5, 10],
        [10, 0],
      ],
      "COST",
      null,
    ],
    [
      [
        [3, 0],
        [3, 10],
      ],
      "BENEFIT",
      null,
    ],
  ] as const)("%j %s → %s", (curve, direction, expected) => {
    expect(checkValueCurve(curve as unknown as number[][], direction)).toBe(expected);
  });

  // Falls (right for a cost) and then goes back in raw value: the order problem must not hide behind the fall.
  test.each([
    ["BENEFIT", "curveNotMonotone"],
    [null, "curveOrder"],
    ["COST", "curveOrder"],
  ] as const)("(0,10)(5,0)(3,0) with direction %s → %s", (direction, expected) => {
    const curve = [
      [0, 10],
      [5, 0],
      [3, 0],
    ];
    expect(checkValueCurve(curve, direction)).toBe(expected);
  });

  test("validateModel reports a bad curve with its path and problem", () => {
    const model = {
      criteria: [
        {
          id: "lat",
          name: "Latency",
          weight: 1,
          kind: "METRIC",
          direction: "COST",
          valueCurve: [
            [0, 0],
            [10, 10],
          ],
        },
      ],
      candidates: [{ id: "a", name: "A" }],
      scores: [],
    };
    const errors = validateModel(model);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "invalid_value_curve",
      path: ["criteria", 0, "valueCurve"],
      params: { problem: "curveNotMonotone" },
    });
  });
});

/** A strictly valid random curve: ascending raw values (steps allowed), points monotone for the direction. */
const curveArb = (direction: "BENEFIT" | "COST") =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
    )
    .map(([gaps, levels]) => {
      let x = -100;
      // Gap 0 makes a step, but never three points on one raw value.
      const xs = gaps.map((g, i) => (x += i > 0 && g === 0 && gaps[i - 1] === 0 ? 1 : g));
      const ss = levels
        .slice(0, xs.length)
        .map((l) => l / 10)
        .sort((a, b) => a - b);
      if (direction === "COST") ss.reverse();
      return xs.map((xi, i) => [xi, ss[i]] as CurvePoint);
    })
    .filter((c) => checkValueCurve(c, direction) === null);

describe("properties", () => {
  test("a monotone value function never reverses the order of two candidates", () => {
    for (const direction of ["BENEFIT", "COST"] as const) {
      fc.assert(
        fc.property(
          curveArb(direction),
          fc.double({ min: -200, max: 800, noNaN: true }),
          fc.double({ min: -200, max: 800, noNaN: true }),
          (curve, a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            const pLo = curvePoints(lo, curve);
            const pHi = curvePoints(hi, curve);
            // Benefit: more is never worse; cost: more is never better.
            if (direction === "BENEFIT") expect(pLo).toBeLessThanOrEqual(pHi + 1e-12);
            else expect(pLo).toBeGreaterThanOrEqual(pHi - 1e-12);
            expect(pLo).toBeGreaterThanOrEqual(0);
            expect(pHi).toBeLessThanOrEqual(10);
          },
        ),
      );
    }
  });

  test("the two-point curve through the references is today's linear points", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        (worst, best, x) => {
          fc.pre(Math.abs(worst - best) > 1e-3);
          const direction = worst < best ? "BENEFIT" : "COST";
          const viaCurve = curvePoints(x, linearCurve(worst, best));
          expect(viaCurve).toBeCloseTo(metricPoints(x, { worst, best }), 9);
          expect(metricScale({ direction, valueCurve: linearCurve(worst, best) }, []).toPoints(x)).toBe(viaCurve);
        },
      ),
    );
  });
});

describe("through the engine", () => {
  const latency = (extra: Partial<CriterionInput>): CriterionInput => ({
    id: "lat",
    name: "p99 latency",
    weight: 1,
    kind: "METRIC",
    direction: "COST",
    unit: "ms",
    ...extra,
  });
  const model = (criterion: CriterionInput, values: Record<string, number>): DecisionModel => ({
    criteria: [criterion],
    candidates: Object.keys(values).map((id) => ({ id, name: id })),
    scores: [],
    facts: Object.entries(values).map(([candidateId, value]) => ({ criterionId: "lat", candidateId, value })),
  });
  const pointsOf = (m: DecisionModel) => {
    const outcome = evaluateDecision(m, { monteCarlo: { samples: 0 } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    return Object.fromEntries(outcome.result.cells.map((c) => [c.candidateId, c.points]));
  };

  test("a curve sets the points: (50,10)(200,4)(500,0) gives 125 ms 7 and 350 ms 2", () => {
    const m = model(
      latency({
        valueCurve: [
          [50, 10],
          [200, 4],
          [500, 0],
        ],
      }),
      { kafka: 125, rabbit: 350 },
    );
    expect(pointsOf(m).kafka).toBeCloseTo(7, 12);
    expect(pointsOf(m).rabbit).toBeCloseTo(2, 12);
  });

  test("with a curve, adding a candidate leaves everyone else's points alone; with observed references it does not", () => {
    const curve: CurvePoint[] = [
      [50, 10],
      [500, 0],
    ];
    const before = pointsOf(model(latency({ valueCurve: curve }), { kafka: 125, rabbit: 350 }));
    const after = pointsOf(model(latency({ valueCurve: curve }), { kafka: 125, rabbit: 350, nats: 20 }));
    expect(after.kafka).toBe(before.kafka);
    expect(after.rabbit).toBe(before.rabbit);
    expect(after.nats).toBe(10);
    // The contrast that motivates fixed references: observed min–max moves Kafka from 10 to 10·(350−125)/(350−20).
    const observed = pointsOf(model(latency({}), { kafka: 125, rabbit: 350, nats: 20 }));
    expect(observed.kafka).toBeCloseTo((10 * 225) / 330, 12);
    expect(metricReference({ direction: "COST" }, [125, 350, 20])).toEqual({ worst: 350, best: 20 });
  });
});
