import { describe, expect, test } from "vitest";
import { parseTargetKey, rowKey, storedOf, targetKey, type Target } from "./targets";

describe("targets", () => {
  test.each<Target>([
    { t: "score", criterionId: "c1", candidateId: "k1" },
    { t: "fact", criterionId: "c1", candidateId: "k2" },
    { t: "crit", id: "c1", field: "weight" },
    { t: "cand", id: "k1", field: "name" },
  ])("%j survives the key round trip (the undo history stores keys)", (x) => {
    expect(parseTargetKey(targetKey(x))).toEqual(x);
  });
  test("unknown keys are refused", () => {
    expect(parseTargetKey("crit:c1:description")).toBeNull();
    expect(parseTargetKey("score:c1")).toBeNull();
    expect(parseTargetKey("nonsense")).toBeNull();
  });
  test("criterion fields share their row's version; cells have their own", () => {
    expect(rowKey({ t: "crit", id: "c1", field: "weight" })).toBe(rowKey({ t: "crit", id: "c1", field: "kind" }));
    expect(rowKey({ t: "score", criterionId: "c1", candidateId: "k1" })).not.toBe(
      rowKey({ t: "fact", criterionId: "c1", candidateId: "k1" }),
    );
  });
  test("storedOf reads the person's own score, the fact and the parts' fields with their versions", () => {
    const d = {
      criteria: [{ id: "c1", name: "Ops", weight: 3, version: 4 }],
      candidates: [{ id: "k1", name: "Kafka", version: 2 }],
      facts: [{ criterionId: "c1", candidateId: "k1", value: 120, version: 5 }],
    } as never;
    const own = [{ criterionId: "c1", candidateId: "k1", value: 7, version: 3 }] as never;
    expect(storedOf(d, own, { t: "score", criterionId: "c1", candidateId: "k1" })).toEqual({ value: 7, version: 3 });
    expect(storedOf(d, [], { t: "score", criterionId: "c1", candidateId: "k1" })).toEqual({
      value: null,
      version: null,
    });
    expect(storedOf(d, own, { t: "fact", criterionId: "c1", candidateId: "k1" })).toMatchObject({
      value: 120,
      version: 5,
    });
    expect(storedOf(d, own, { t: "crit", id: "c1", field: "weight" })).toEqual({ value: 3, version: 4 });
    expect(storedOf(d, own, { t: "cand", id: "k1", field: "name" })).toEqual({ value: "Kafka", version: 2 });
  });
});
