import { describe, expect, test } from "vitest";
import { editorSheetKey, sheetKeyAction } from "./navigation";

const size = { rows: 4, cols: 5 };

describe("sheetKeyAction", () => {
  test.each([
    [{ key: "ArrowRight" }, { r: 1, c: 1 }, { kind: "move", to: { r: 1, c: 2 } }],
    [{ key: "ArrowLeft" }, { r: 1, c: 0 }, { kind: "move", to: { r: 1, c: 0 } }],
    [{ key: "ArrowDown" }, { r: 3, c: 2 }, { kind: "move", to: { r: 3, c: 2 } }],
    [{ key: "Enter" }, { r: 1, c: 2 }, { kind: "move", to: { r: 2, c: 2 } }],
    [
      { key: "Enter", shiftKey: true },
      { r: 1, c: 2 },
      { kind: "move", to: { r: 0, c: 2 } },
    ],
    [{ key: "Tab" }, { r: 1, c: 2 }, { kind: "move", to: { r: 1, c: 3 } }],
    [{ key: "Tab" }, { r: 1, c: 4 }, { kind: "leave", backwards: false }],
    [
      { key: "Tab", shiftKey: true },
      { r: 2, c: 0 },
      { kind: "leave", backwards: true },
    ],
    [
      { key: "Tab", shiftKey: true },
      { r: 2, c: 3 },
      { kind: "move", to: { r: 2, c: 2 } },
    ],
    [{ key: "Home" }, { r: 2, c: 3 }, { kind: "move", to: { r: 2, c: 0 } }],
    [{ key: "End" }, { r: 2, c: 1 }, { kind: "move", to: { r: 2, c: 4 } }],
    [
      { key: "Home", ctrlKey: true },
      { r: 2, c: 3 },
      { kind: "move", to: { r: 0, c: 0 } },
    ],
    [
      { key: "End", ctrlKey: true },
      { r: 0, c: 0 },
      { kind: "move", to: { r: 3, c: 4 } },
    ],
    [
      { key: "End", metaKey: true },
      { r: 0, c: 0 },
      { kind: "move", to: { r: 3, c: 4 } },
    ],
    [{ key: "z", ctrlKey: true }, { r: 0, c: 0 }, { kind: "undo" }],
    [{ key: "Z", ctrlKey: true, shiftKey: true }, { r: 0, c: 0 }, { kind: "redo" }],
    [{ key: "y", ctrlKey: true }, { r: 0, c: 0 }, { kind: "redo" }],
    [{ key: "c", ctrlKey: true }, { r: 0, c: 0 }, { kind: "none" }],
    [{ key: "7" }, { r: 0, c: 0 }, { kind: "none" }],
    [{ key: "ArrowRight", altKey: true }, { r: 0, c: 0 }, { kind: "none" }],
  ])("%j at %j", (key, at, want) => {
    expect(sheetKeyAction(key, at, size)).toEqual(want);
  });
  test("Ctrl+Home / Ctrl+End go to the given first and last cells in use (kept inside the grid)", () => {
    const opts = { home: { r: 1, c: 0 }, end: { r: 2, c: 3 } };
    expect(sheetKeyAction({ key: "Home", ctrlKey: true }, { r: 3, c: 4 }, size, opts)).toEqual({
      kind: "move",
      to: { r: 1, c: 0 },
    });
    expect(sheetKeyAction({ key: "End", ctrlKey: true }, { r: 0, c: 0 }, size, opts)).toEqual({
      kind: "move",
      to: { r: 2, c: 3 },
    });
    expect(sheetKeyAction({ key: "End", ctrlKey: true }, { r: 0, c: 0 }, size, { end: { r: 9, c: 9 } })).toEqual({
      kind: "move",
      to: { r: 3, c: 4 },
    });
  });
  test("Tab can leave from any row in at most one row's worth of presses", () => {
    let at = { r: 2, c: 0 };
    let presses = 0;
    for (;;) {
      const a = sheetKeyAction({ key: "Tab" }, at, size);
      presses++;
      if (a.kind !== "move") break;
      at = a.to;
    }
    expect(presses).toBe(size.cols);
  });
});

describe("editorSheetKey", () => {
  test("Escape cancels; Enter, Tab, ↑/↓ commit and move; ←/→ and letters stay in the text", () => {
    expect(editorSheetKey({ key: "Escape" }, { r: 0, c: 0 }, size)).toEqual({ kind: "cancel" });
    expect(editorSheetKey({ key: "Enter" }, { r: 0, c: 0 }, size)).toEqual({ kind: "move", to: { r: 1, c: 0 } });
    expect(editorSheetKey({ key: "Tab" }, { r: 0, c: 4 }, size)).toEqual({ kind: "leave", backwards: false });
    expect(editorSheetKey({ key: "ArrowLeft" }, { r: 0, c: 2 }, size)).toEqual({ kind: "none" });
    expect(editorSheetKey({ key: "a" }, { r: 0, c: 2 }, size)).toEqual({ kind: "none" });
  });
});
