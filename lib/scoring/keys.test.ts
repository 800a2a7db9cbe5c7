import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { pairKey, tripleKey } from "./keys";

describe("tuple keys", () => {
  test("tuples that would collide when simply joined stay apart", () => {
    expect(pairKey("ab", "c")).not.toBe(pairKey("a", "bc"));
    expect(pairKey("1:a", "")).not.toBe(pairKey("", "1:a"));
    expect(tripleKey("a", "b", "c")).toBe("1:a1:bc");
    expect(tripleKey("a", "bc", "")).not.toBe(tripleKey("a", "b", "c"));
  });

  test("equal keys exactly when the tuples are equal", () => {
    const id = fc.string({ maxLength: 6, unit: fc.constantFrom("a", "1", ":", "b") });
    fc.assert(
      fc.property(id, id, id, id, id, id, (a, b, c, x, y, z) => {
        expect(pairKey(a, b) === pairKey(x, y)).toBe(a === x && b === y);
        expect(tripleKey(a, b, c) === tripleKey(x, y, z)).toBe(a === x && b === y && c === z);
      }),
      { numRuns: 2000 },
    );
  });
});
