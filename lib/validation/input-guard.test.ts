import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { badText, inputProblem, MAX_INPUT_CHARS, MAX_INPUT_DEPTH, MAX_INPUT_NODES } from "./input-guard";

const HIGH = fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c));
const LOW = fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Text that is well-formed by construction: whole code points, surrogate pairs only as pairs. */
const SAFE = fc.string({ unit: "grapheme" }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s));

// A high surrogate whose next unit is not a low one, or a low one whose previous unit is not a high one.
const loneSurrogate = fc.oneof(
  fc.tuple(SAFE, HIGH, SAFE).filter(([, , after]) => !/^[\uDC00-\uDFFF]/.test(after)),
  fc.tuple(SAFE, LOW, SAFE).filter(([before]) => !/[\uD800-\uDBFF]$/.test(before)),
);

describe("edge checks on action input", () => {
  test("a string with a lone surrogate always gives a field error on its top-level field, never a throw", () => {
    fc.assert(
      fc.property(loneSurrogate, fc.constantFrom("name", "rationale", "title"), fc.nat(3), ([a, s, b], field, nest) => {
        let value: unknown = a + s + b;
        for (let i = 0; i < nest; i++) value = i % 2 ? { inner: value } : [value];
        expect(inputProblem({ ok: "fine", [field]: value })).toEqual({ field, key: "textInvalid" });
      }),
    );
  });

  test("well-formed text of any script (emoji and CJK included) passes", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !badText(k)),
          SAFE,
        ),
        (input) => {
          expect(inputProblem(input)).toBeNull();
        },
      ),
    );
    expect(inputProblem({ name: "Kafka 🚀 消息队列", notes: "line one\r\nline two\tend" })).toBeNull();
  });

  test.each([
    ["\u0000", true],
    ["\u0007", true],
    ["\u001F", true],
    ["\u000B", true],
    ["\t", false],
    ["\n", false],
    ["\r", false],
    ["\uD83D\uDE80", false],
    ["\uD83D", true],
    ["\uDE80", true],
    ["\uDE80\uD83D", true],
  ])("badText(%j) is %s", (s, bad) => {
    expect(badText(`a${s}b`)).toBe(bad);
  });

  test("control characters and broken text in keys are refused as well", () => {
    expect(inputProblem({ weights: { "c1\u0000": 5 } })).toEqual({ field: "weights", key: "textInvalid" });
  });

  test("nesting deeper than the bound is refused without overflowing the stack", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblem(deep)).toEqual({ field: "form", key: "inputTooDeep" });
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(inputProblem(ok)).toBeNull();
  });

  test("absurd sizes are refused: too many values, too much text", () => {
    expect(inputProblem({ cells: Array.from({ length: MAX_INPUT_NODES + 1 }, () => 1) })).toEqual({
      field: "form",
      key: "inputTooLarge",
    });
    expect(inputProblem({ a: "x".repeat(MAX_INPUT_CHARS / 2), b: "y".repeat(MAX_INPUT_CHARS / 2 + 1) })).toEqual({
      field: "form",
      key: "inputTooLarge",
    });
    // The largest real input (a 2,000-cell paste) is well inside the bounds.
    const paste = {
      teamId: "t",
      cells: Array.from({ length: 2000 }, (_, i) => ({ memberId: `m${i}`, skillId: "s", text: "7", version: null })),
    };
    expect(inputProblem(paste)).toBeNull();
  });

  test("primitives and non-plain objects are not walked", () => {
    for (const v of [null, undefined, 1, true, new Date(0)]) expect(inputProblem(v)).toBeNull();
    expect(inputProblem("\uD800")).toEqual({ field: "form", key: "textInvalid" });
  });
});
