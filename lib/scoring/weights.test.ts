import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { effectiveRawWeights, normaliseWeights, setShare, sharesOf } from "./weights";

describe("normaliseWeights", () => {
  // Seed example: 20 + 25 + 15 + 30 + 10 = 100 → shares are the weights / 100.
  test.each([
    [
      [20, 25, 15, 30, 10],
      [0.2, 0.25, 0.15, 0.3, 0.1],
    ],
    [
      [1, 1],
      [0.5, 0.5],
    ],
    [
      [0, 3, 1],
      [0, 0.75, 0.25],
    ],
    [[7], [1]],
  ])("%j → %j", (raw, expected) => {
    const shares = normaliseWeights(raw)!;
    shares.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 15));
  });

  test("all zero has no normalisation", () => {
    expect(normaliseWeights([0, 0, 0])).toBeNull();
    expect(normaliseWeights([])).toBeNull();
  });

  test("property: scaling every weight by k > 0 leaves the shares unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (raw, k) => {
          fc.pre(raw.some((w) => w > 1e-6));
          const a = normaliseWeights(raw)!;
          const b = normaliseWeights(raw.map((w) => w * k))!;
          a.forEach((s, i) => expect(b[i]).toBeCloseTo(s, 12));
          expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe("effectiveRawWeights", () => {
  test("overrides replace only the named criteria", () => {
    const criteria = [
      { id: "a", name: "A", weight: 5, kind: "RATING" as const, direction: "BENEFIT" as const },
      { id: "b", name: "B", weight: 3, kind: "RATING" as const, direction: "BENEFIT" as const },
    ];
    expect(effectiveRawWeights(criteria, { b: 0 })).toEqual([5, 0]);
    expect(effectiveRawWeights(criteria, undefined)).toEqual([5, 3]);
  });
});

// Broker weights: learning 20, ops 25, community 15, familiarity 30, ecosystem 10 (Σ 100).
const BROKER = [20, 25, 15, 30, 10];

describe("setShare", () => {
  test("community to 13/30 keeps the others' proportions: rest 85 scaled by (1 − 13/30)/0.85", () => {
    // Others get w_j · (17/30) / 0.85 = w_j · 2/3: 20 → 13.333, 25 → 16.667, 30 → 20, 10 → 6.667; community 43.333.
    const w = setShare(BROKER, 2, 13 / 30);
    expect(w[2]).toBeCloseTo(43.3333333, 6);
    expect(w[0]).toBeCloseTo(13.3333333, 6);
    expect(w[3]).toBeCloseTo(20, 9);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(sharesOf(w)[2]).toBeCloseTo(13 / 30, 12);
  });
  test("share 1 gives the others zero, share 0 removes the criterion", () => {
    expect(setShare(BROKER, 0, 1)).toEqual([100, 0, 0, 0, 0]);
    const w = setShare(BROKER, 0, 0);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(25 / 0.8, 9);
  });
  test("others all zero share the remainder evenly", () => {
    expect(setShare([10, 0, 0], 0, 0.5)).toEqual([5, 2.5, 2.5]);
  });
  test("clamps the share to [0, 1]", () => {
    expect(setShare([1, 1], 0, 2)).toEqual([2, 0]);
  });
});

test("sharesOf", () => {
  expect(sharesOf([1, 3])).toEqual([0.25, 0.75]);
  expect(sharesOf([0, 0])).toEqual([0, 0]);
});
