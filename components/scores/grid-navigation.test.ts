import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cellKeyAction, editorKeyAction, type GridKey, type GridPos } from "./grid-navigation";

// A 5 × 3 grid like the broker decision: rows 0..4 (criteria), columns 0..2 (candidates).
const SIZE = { rows: 5, cols: 3 };
const at = (r: number, c: number): GridPos => ({ r, c });
const key = (k: string, mods: Partial<GridKey> = {}): GridKey => ({ key: k, ...mods });

describe("cellKeyAction: moving", () => {
  test.each<[string, GridKey, GridPos, GridPos]>([
    ["↓ goes down a row", key("ArrowDown"), at(1, 1), at(2, 1)],
    ["↑ goes up a row", key("ArrowUp"), at(1, 1), at(0, 1)],
    ["← goes left", key("ArrowLeft"), at(1, 1), at(1, 0)],
    ["→ goes right", key("ArrowRight"), at(1, 1), at(1, 2)],
    ["↑ on the first row stays", key("ArrowUp"), at(0, 2), at(0, 2)],
    ["↓ on the last row stays", key("ArrowDown"), at(4, 0), at(4, 0)],
    ["← in the first column does not wrap", key("ArrowLeft"), at(2, 0), at(2, 0)],
    ["→ in the last column does not wrap", key("ArrowRight"), at(2, 2), at(2, 2)],
    ["Enter goes down", key("Enter"), at(0, 1), at(1, 1)],
    ["Shift+Enter goes up", key("Enter", { shiftKey: true }), at(3, 1), at(2, 1)],
    ["Enter on the last row stays", key("Enter"), at(4, 2), at(4, 2)],
    ["Tab goes right", key("Tab"), at(0, 0), at(0, 1)],
    ["Shift+Tab goes left", key("Tab", { shiftKey: true }), at(1, 2), at(1, 1)],
    ["Home goes to the first column of the row", key("Home"), at(3, 2), at(3, 0)],
    ["End goes to the last column of the row", key("End"), at(3, 0), at(3, 2)],
    ["Ctrl+Home goes to the first cell", key("Home", { ctrlKey: true }), at(3, 2), at(0, 0)],
    ["Ctrl+End goes to the last cell", key("End", { ctrlKey: true }), at(1, 0), at(4, 2)],
    ["Cmd+End goes to the last cell", key("End", { metaKey: true }), at(0, 0), at(4, 2)],
  ])("%s", (_, k, from, to) => {
    expect(cellKeyAction(k, from, SIZE)).toEqual({ kind: "move", to });
  });

  test("Tab leaves the grid from the end of any row, Shift+Tab from the start of any row", () => {
    for (let r = 0; r < SIZE.rows; r++) {
      expect(cellKeyAction(key("Tab"), at(r, 2), SIZE)).toEqual({ kind: "none" });
      expect(cellKeyAction(key("Tab", { shiftKey: true }), at(r, 0), SIZE)).toEqual({ kind: "none" });
    }
    // …but not from the other end.
    expect(cellKeyAction(key("Tab", { shiftKey: true }), at(4, 2), SIZE)).toEqual({ kind: "move", to: at(4, 1) });
  });

  test("property: from any cell, Tab leaves the grid after at most one row's worth of presses", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 }), (r, c) => {
        let p = at(r, c);
        let presses = 0;
        for (;;) {
          const a = cellKeyAction(key("Tab"), p, SIZE);
          presses++;
          if (a.kind !== "move") break;
          p = a.to;
        }
        expect(presses).toBe(SIZE.cols - c);
      }),
    );
  });

  test("property: every move stays inside the grid", () => {
    const keys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Enter", "Tab", "Home", "End"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { maxLength: 40 }),
        (rows, cols, presses) => {
          let p = at(0, 0);
          for (const [k, shiftKey] of presses) {
            const a = cellKeyAction({ key: k, shiftKey }, p, { rows, cols });
            if (a.kind === "move") p = a.to;
            expect(p.r >= 0 && p.r < rows && p.c >= 0 && p.c < cols).toBe(true);
          }
        },
      ),
    );
  });
});

describe("cellKeyAction: editing and the rest", () => {
  test.each<[string, GridKey, ReturnType<typeof cellKeyAction>]>([
    ["F2 edits the current value", key("F2"), { kind: "edit" }],
    ["a digit starts typing", key("7"), { kind: "type" }],
    ["a letter starts typing (the editor says it is not a number)", key("x"), { kind: "type" }],
    ["a minus or a point starts typing", key("."), { kind: "type" }],
    ["Delete clears", key("Delete"), { kind: "clear" }],
    ["Backspace clears", key("Backspace"), { kind: "clear" }],
    ["i opens the details", key("i"), { kind: "details" }],
    ["I opens the details", key("I", { shiftKey: true }), { kind: "details" }],
    ["Space is left to the browser", key(" "), { kind: "none" }],
    ["Escape on a cell does nothing", key("Escape"), { kind: "none" }],
    ["PageDown is not handled", key("PageDown"), { kind: "none" }],
    ["Ctrl+C is the browser's", key("c", { ctrlKey: true }), { kind: "none" }],
    [
      "Ctrl+Z is not the score grid's (its saves have their own conflict flow)",
      key("z", { ctrlKey: true }),
      { kind: "none" },
    ],
    ["Cmd+ArrowDown is the browser's", key("ArrowDown", { metaKey: true }), { kind: "none" }],
    ["Alt+Delete is the browser's", key("Delete", { altKey: true }), { kind: "none" }],
  ])("%s", (_, k, action) => {
    expect(cellKeyAction(k, at(2, 1), SIZE)).toEqual(action);
  });
});

describe("editorKeyAction", () => {
  test.each<[string, GridKey, GridPos, ReturnType<typeof editorKeyAction>]>([
    ["Escape cancels", key("Escape"), at(2, 1), { kind: "cancel" }],
    ["Enter commits and goes down", key("Enter"), at(2, 1), { kind: "commit", to: at(3, 1) }],
    ["Shift+Enter commits and goes up", key("Enter", { shiftKey: true }), at(2, 1), { kind: "commit", to: at(1, 1) }],
    ["↓ commits and goes down", key("ArrowDown"), at(2, 1), { kind: "commit", to: at(3, 1) }],
    ["↑ commits and goes up", key("ArrowUp"), at(2, 1), { kind: "commit", to: at(1, 1) }],
    ["Enter on the last row commits and stays", key("Enter"), at(4, 2), { kind: "commit", to: at(4, 2) }],
    ["Tab commits and goes right", key("Tab"), at(2, 1), { kind: "commit", to: at(2, 2) }],
    ["Tab at a row's end commits and wraps", key("Tab"), at(2, 2), { kind: "commit", to: at(3, 0) }],
    // Past the last cell (or, backwards, the first) Tab commits and leaves the grid.
    ["Tab on the last cell commits and leaves", key("Tab"), at(4, 2), { kind: "commitAndLeave", backwards: false }],
    [
      "Shift+Tab on the first cell commits and leaves backwards",
      key("Tab", { shiftKey: true }),
      at(0, 0),
      { kind: "commitAndLeave", backwards: true },
    ],
    ["Shift+Tab commits and goes left", key("Tab", { shiftKey: true }), at(2, 0), { kind: "commit", to: at(1, 2) }],
    ["← and → move the caret in the text", key("ArrowLeft"), at(2, 1), { kind: "none" }],
    ["Home moves the caret", key("Home"), at(2, 1), { kind: "none" }],
    ["digits are typed", key("5"), at(2, 1), { kind: "none" }],
  ])("%s", (_, k, from, action) => {
    expect(editorKeyAction(k, from, SIZE)).toEqual(action);
  });
});
