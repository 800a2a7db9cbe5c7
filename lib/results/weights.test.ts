import { expect, test } from "vitest";
import { sameWeights } from "./weights";

test("sameWeights", () => {
  expect(sameWeights([1, 2], [1, 2 + 1e-12])).toBe(true);
  expect(sameWeights([1, 2], [1, 2.1])).toBe(false);
});
