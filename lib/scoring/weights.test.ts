import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { effectiveRawWeights, normaliseWeights } from "./weights";

describe("normaliseWeights", () => {
  // Seed example: 20 + 25 + 15 + 30 + 10 = 100 → shares are the weights / 100.
  test.each([
    [[20, 25, 15, 30, 10], [0.2, 0.25, 0.15, 0.3, 0.1]],
    [[1, 1], [0.5, 0.5]],
    [[0, 3, 1], [0, 0.75, 0.25]],
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
