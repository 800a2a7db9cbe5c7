import { describe, expect, test } from "vitest";
import { EMPTY_POINTER, afterSuccessfulBuild, chooseBuildSlot, parsePointer } from "./start-builds";

const SLOTS = ["s/1", "s/2", "s/3"];
const all = () => true;

describe("parsePointer", () => {
  test.each([
    ["no pointer file", null, all, EMPTY_POINTER],
    ["not JSON", "{oops", all, EMPTY_POINTER],
    ["JSON null", "null", all, EMPTY_POINTER],
    ["both slots", '{"current":"s/2","previous":"s/1"}', all, { current: "s/2", previous: "s/1" }],
    ["unknown folder", '{"current":"../etc","previous":"s/1"}', all, { current: "s/1", previous: null }],
    [
      "current deleted",
      '{"current":"s/2","previous":"s/1"}',
      (s: string) => s !== "s/2",
      { current: "s/1", previous: null },
    ],
    [
      "previous deleted",
      '{"current":"s/2","previous":"s/1"}',
      (s: string) => s !== "s/1",
      { current: "s/2", previous: null },
    ],
    ["same slot twice", '{"current":"s/2","previous":"s/2"}', all, { current: "s/2", previous: null }],
    ["wrong types", '{"current":3,"previous":["s/1"]}', all, EMPTY_POINTER],
  ])("%s", (_name, text, isBuilt, expected) => {
    expect(parsePointer(text, SLOTS, isBuilt)).toEqual(expected);
  });
});

describe("chooseBuildSlot never picks the serving or the previous build", () => {
  test.each([
    [EMPTY_POINTER, "s/1"],
    [{ current: "s/1", previous: null }, "s/2"],
    [{ current: "s/1", previous: "s/2" }, "s/3"],
    [{ current: "s/3", previous: "s/1" }, "s/2"],
    [{ current: "s/2", previous: "s/3" }, "s/1"],
  ])("%o → %s", (pointer, slot) => {
    expect(chooseBuildSlot(pointer, SLOTS)).toBe(slot);
  });

  test("two slots are not enough once both are taken", () => {
    expect(() => chooseBuildSlot({ current: "s/1", previous: "s/2" }, ["s/1", "s/2"])).toThrow(/three/);
  });
});

describe("afterSuccessfulBuild", () => {
  test("first build: it becomes current, nothing else is kept", () => {
    expect(afterSuccessfulBuild(EMPTY_POINTER, "s/1", SLOTS)).toEqual({
      pointer: { current: "s/1", previous: null },
      prune: ["s/2", "s/3"],
    });
  });

  test("the serving build becomes previous; the one before it is pruned", () => {
    expect(afterSuccessfulBuild({ current: "s/1", previous: "s/2" }, "s/3", SLOTS)).toEqual({
      pointer: { current: "s/3", previous: "s/1" },
      prune: ["s/2"],
    });
  });

  test("a sequence of rebuilds cycles through the slots and never prunes the two newest", () => {
    let pointer = EMPTY_POINTER;
    const served: string[] = [];
    for (let i = 0; i < 7; i++) {
      const slot = chooseBuildSlot(pointer, SLOTS);
      const step = afterSuccessfulBuild(pointer, slot, SLOTS);
      expect(step.prune).not.toContain(slot);
      if (pointer.current) expect(step.prune).not.toContain(pointer.current);
      pointer = step.pointer;
      served.push(slot);
    }
    expect(served).toEqual(["s/1", "s/2", "s/3", "s/1", "s/2", "s/3", "s/1"]);
  });
});
