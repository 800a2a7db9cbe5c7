import { describe, expect, test } from "vitest";
import type { CriterionDto } from "@/lib/decisions/dto";
import { cellName, checkCellText } from "./cell-rules";

const criterion = (over: Partial<CriterionDto> = {}): CriterionDto =>
  ({
    id: "c1",
    name: "Ops",
    description: "",
    lowMeaning: "",
    highMeaning: "",
    weight: 10,
    kind: "RATING",
    direction: "BENEFIT",
    scaleMin: 0,
    scaleMax: 10,
    unit: null,
    worst: null,
    best: null,
    threshold: null,
    position: 0,
    version: 1,
    ...over,
  }) as CriterionDto;

const score = { t: "score", criterionId: "c1", candidateId: "k1" } as const;
const fact = { t: "fact", criterionId: "c1", candidateId: "k1" } as const;
const weight = { t: "crit", id: "c1", field: "weight" } as const;

describe("cellName", () => {
  test.each([
    [1, 1, "A1"],
    [3, 2, "B3"],
    [10, 26, "Z10"],
    [2, 27, "AA2"],
    [4, 53, "BA4"],
  ])("row %d, column %d is %s", (row, col, name) => {
    expect(cellName(row, col)).toBe(name);
  });
});

describe("checkCellText", () => {
  test("a rating on the criterion's scale; decimal comma; blank clears", () => {
    expect(checkCellText(score, "7,5", criterion())).toEqual({ ok: true, value: 7.5 });
    expect(checkCellText(score, " ", criterion())).toEqual({ ok: true, value: null });
    expect(checkCellText(score, "11", criterion())).toEqual({ ok: false, ns: "scores", key: "valueOutOfScale" });
    expect(checkCellText(score, "4", criterion({ scaleMin: 5, scaleMax: 9 }))).toEqual({
      ok: false,
      ns: "scores",
      key: "valueOutOfScale",
    });
    expect(checkCellText(score, "x", criterion())).toEqual({ ok: false, ns: "scores", key: "valueNotNumber" });
  });
  test("a fact takes any number, with the criterion's unit or none", () => {
    const ms = criterion({ kind: "METRIC", unit: "ms", scaleMin: null, scaleMax: null });
    expect(checkCellText(fact, "1200", ms)).toEqual({ ok: true, value: 1200 });
    expect(checkCellText(fact, "80 ms", ms)).toEqual({ ok: true, value: 80 });
    expect(checkCellText(fact, "2 s", ms)).toEqual({ ok: false, ns: "facts", key: "unitMismatch" });
    expect(checkCellText(fact, "12 %", ms)).toEqual({ ok: false, ns: "facts", key: "valueNotNumber" });
  });
  test("a weight as a number or a percentage; negative is refused by the shared rule", () => {
    expect(checkCellText(weight, "20 %", criterion())).toEqual({ ok: true, value: 20 });
    expect(checkCellText(weight, "0,5", criterion())).toEqual({ ok: true, value: 0.5 });
    expect(checkCellText(weight, "-1", criterion())).toEqual({ ok: false, ns: "setup", key: "weightNegative" });
  });
  test("a kind change is checked against the whole row (a rating needs min < max)", () => {
    const kind = { t: "crit", id: "c1", field: "kind" } as const;
    expect(checkCellText(kind, "RATING", criterion({ kind: "METRIC", scaleMin: 10, scaleMax: 0 }))).toEqual({
      ok: false,
      ns: "setup",
      key: "scaleOrder",
    });
    expect(checkCellText(kind, "METRIC", criterion())).toEqual({ ok: true, value: "METRIC" });
  });
});
