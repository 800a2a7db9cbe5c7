import { describe, expect, test } from "vitest";
import { safeCell, safeText, unneutralise } from "./cell-safety";
import { csvField } from "./csv";

describe("formula injection", () => {
  test.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=already", "''=already"],
    ["Kafka", "Kafka"],
    ["a=b", "a=b"],
    ["'quoted'", "'quoted'"],
    ["", ""],
  ])("text %j → %j and back", (input, expected) => {
    expect(safeText(input)).toBe(expected);
    expect(unneutralise(safeText(input))).toBe(input);
  });

  test.each([
    [-5, -5],
    [6.7, 6.7],
    [0, 0],
    [Number.NaN, null],
    [null, null],
  ])("number %j stays a number (%j)", (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  test("CSV quotes neutralised text that needs quoting and leaves numbers bare", () => {
    expect(csvField("=1,2")).toBe('"\'=1,2"');
    expect(csvField(-3)).toBe("-3");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
