import { expect, test } from "vitest";
import { decisionSeed } from "./seed";

// FNV-1a 32-bit reference values (offset 2166136261, prime 16777619): "" → 0x811c9dc5, "a" → 0xe40c292c.
test.each([
  ["", 0x811c9dc5],
  ["a", 0xe40c292c],
  ["foobar", 0xbf9cf968],
])("decisionSeed(%j)", (id, expected) => {
  expect(decisionSeed(id)).toBe(expected);
});
