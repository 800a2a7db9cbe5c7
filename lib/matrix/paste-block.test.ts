import { describe, expect, test } from "vitest";
import { newCriterionKind, readPasteText } from "./paste-block";

describe("readPasteText", () => {
  test("header row of candidates, a weight column, criteria rows; percentages and decimal commas", () => {
    const text = "Criterion\tWeight\tKafka\tRabbitMQ\nOps\t25%\t5\t7,5\nLatency\t0,5\t12 ms\t\n";
    expect(readPasteText(text)).toEqual({
      ok: true,
      block: {
        candidates: ["Kafka", "RabbitMQ"],
        criteria: [
          {
            name: "Ops",
            weight: 25,
            values: [
              { value: 5, unit: null },
              { value: 7.5, unit: null },
            ],
          },
          { name: "Latency", weight: 0.5, values: [{ value: 12, unit: "ms" }, null] },
        ],
      },
    });
  });
  test("without a weight column every column after the first is a candidate; the corner may be blank", () => {
    const r = readPasteText("\tA\tB\nX\t1\t2\n");
    expect(r).toEqual({
      ok: true,
      block: {
        candidates: ["A", "B"],
        criteria: [
          {
            name: "X",
            weight: null,
            values: [
              { value: 1, unit: null },
              { value: 2, unit: null },
            ],
          },
        ],
      },
    });
  });
  test("Chinese weight header; trailing blank header cells are ignored", () => {
    const r = readPasteText("准则\t权重\t甲\t\nA\t3\t4\t\n");
    expect(r.ok && r.block.criteria[0]).toEqual({ name: "A", weight: 3, values: [{ value: 4, unit: null }] });
  });
  test("every problem is placed at its row and column of the block", () => {
    const text =
      "Criterion\tWeight\tKafka\tKAFKA\t\tPulsar\nOps\t-1\tfive\t3\t\t4\n\tx\t1\t1\t\t1\nOps\t1\t1\t1\t\t1\t9\n";
    const r = readPasteText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      { row: 1, col: 4, key: "duplicateName" },
      { row: 1, col: 5, key: "candidateNameMissing" },
      { row: 2, col: 2, key: "weightNegative" },
      { row: 2, col: 3, key: "valueNotNumber" },
      { row: 3, col: 1, key: "criterionNameMissing" },
      { row: 3, col: 2, key: "weightNotNumber" },
      { row: 4, col: 1, key: "duplicateName" },
      { row: 4, col: 7, key: "cellOutsideBlock" },
    ]);
  });
  test("a single value or a lone row is not a block", () => {
    expect(readPasteText("7")).toEqual({ ok: false, issues: [{ row: 1, col: 1, key: "pasteNeedsHeader" }] });
    expect(readPasteText("a\tb\tc")).toEqual({ ok: false, issues: [{ row: 1, col: 1, key: "pasteNeedsHeader" }] });
  });
});

describe("newCriterionKind", () => {
  const v = (value: number, unit: string | null = null) => ({ value, unit });
  test.each([
    [[v(3), v(10), null], { kind: "RATING", unit: null }],
    [[v(3), v(12)], { kind: "METRIC", unit: null }],
    [[v(120, "ms"), v(80)], { kind: "METRIC", unit: "ms" }],
    [[v(-1)], { kind: "METRIC", unit: null }],
  ])("%j", (values, want) => {
    expect(newCriterionKind({ name: "x", weight: null, values })).toEqual(want);
  });
  test("mixed units are refused", () => {
    expect(newCriterionKind({ name: "x", weight: null, values: [v(1, "ms"), v(2, "s")] })).toBe("unitMixed");
  });
});
