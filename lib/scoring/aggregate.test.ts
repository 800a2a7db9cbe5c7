import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { median, summariseValues } from "./aggregate";

describe("summariseValues", () => {
  // [6, 8, 10]: mean 8, population variance (4+0+4)/3 = 8/3 → σ = 1.632993161855452.
  // [2, 9]: mean 5.5, median 5.5, σ = 3.5.  [1, 2, 10, 3]: median (2+3)/2 = 2.5, mean 4.
  test.each([
    [[6, 8, 10], "mean", 8, 6, 10, 4, Math.sqrt(8 / 3)],
    [[6, 8, 10], "median", 8, 6, 10, 4, Math.sqrt(8 / 3)],
    [[2, 9], "median", 5.5, 2, 9, 7, 3.5],
    [[1, 2, 10, 3], "median", 2.5, 1, 10, 9, Math.sqrt((9 + 4 + 36 + 1) / 4)],
    [[1, 2, 10, 3], "mean", 4, 1, 10, 9, Math.sqrt((9 + 4 + 36 + 1) / 4)],
    [[7], "mean", 7, 7, 7, 0, 0],
  ] as const)("%j by %s", (values, method, value, min, max, range, sd) => {
    const s = summariseValues(values, method);
    expect(s.value).toBeCloseTo(value, 12);
    expect(s.min).toBe(min);
    expect(s.max).toBe(max);
    expect(s.range).toBe(range);
    expect(s.stdDev).toBeCloseTo(sd, 12);
  });

  test("median does not reorder its input", () => {
    const xs = [3, 1, 2];
    expect(median(xs)).toBe(2);
    expect(xs).toEqual([3, 1, 2]);
  });

  test("the order of the values changes nothing, to the last bit", () => {
    // 0.1 + 0.2 + 0.3 = 0.6000000000000001 but 0.3 + 0.2 + 0.1 = 0.6: summed as given, the two means would differ.
    expect(summariseValues([0.1, 0.2, 0.3]).value).toBe(summariseValues([0.3, 0.2, 0.1]).value);
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((v) => v / 100),
          { minLength: 1, maxLength: 12 },
        ),
        fc.infiniteStream(fc.nat()),
        (values, stream) => {
          const it = stream[Symbol.iterator]();
          const shuffled = [...values].sort(() => (it.next().value! % 3) - 1);
          for (const method of ["mean", "median"] as const)
            expect(summariseValues(shuffled, method)).toStrictEqual(summariseValues(values, method));
        },
      ),
      { numRuns: 300 },
    );
  });
});
