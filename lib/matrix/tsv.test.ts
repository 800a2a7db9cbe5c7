import { describe, expect, test } from "vitest";
import { parseNumberText, parseTsv } from "./tsv";

describe("parseTsv", () => {
  test("rows by newline, cells by tab; the spreadsheet's trailing newline and CRLF are dropped", () => {
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
  test("empty cells stay empty strings, trailing blank rows go", () => {
    expect(parseTsv("\tKafka\t\nOps\t\t5\n\t\t\n")).toEqual([
      ["", "Kafka", ""],
      ["Ops", "", "5"],
    ]);
  });
  test("quoted cells may hold tabs, newlines and doubled quotes", () => {
    const text = 'Criterion\t"Rabbit\tMQ"\n"Ops\nload"\t"say ""hi"""\n';
    expect(parseTsv(text)).toEqual([
      ["Criterion", "Rabbit\tMQ"],
      ["Ops\nload", 'say "hi"'],
    ]);
  });
  test("a quote that is not a proper quoted cell is an ordinary character", () => {
    expect(parseTsv('"unfinished\tx\n5" inch\t2')).toEqual([
      ['"unfinished', "x"],
      ['5" inch', "2"],
    ]);
  });
});

describe("parseNumberText", () => {
  test.each([
    ["7", 7, null, false],
    ["7.5", 7.5, null, false],
    ["7,5", 7.5, null, false],
    [" -2,25 ", -2.25, null, false],
    ["1,234.5", 1234.5, null, false],
    ["1.234,5", 1234.5, null, false],
    ["1,234,567", 1234567, null, false],
    ["1 234", 1234, null, false],
    ["20%", 20, null, true],
    ["12,5 %", 12.5, null, true],
    ["120 ms", 120, "ms", false],
    ["4GB", 4, "GB", false],
    ["$300", 300, "$", false],
    [".5", 0.5, null, false],
  ])("%s → %d", (text, value, unit, percent) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value, unit, percent });
  });
  test.each(["", "abc", "7..5", "1,23,4", "--3", "n/a", "1.23.4"])("%j is not a number", (text) => {
    expect(parseNumberText(text)).toEqual({ ok: false, error: "valueNotNumber" });
  });
});
