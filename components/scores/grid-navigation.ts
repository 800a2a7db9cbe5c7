// The score grid's keyboard, as a pure function of the key, the active cell and the grid's size: spreadsheet-like
// arrows and Enter, Tab along the row (leaving the grid at the row's end, so nobody walks every cell to get past it),
// Home/End within a row, Ctrl+Home / Ctrl+End to the first / last cell, F2 or typing to edit, Delete to clear, "i"
// for the details panel. The component only carries out the returned action.

import { sheetKeyAction, type GridKey, type GridPos, type GridSize } from "@/lib/matrix/navigation";

export type { GridKey, GridPos, GridSize };

export type CellKeyAction =
  /** Not the grid's key: the browser does what it usually does (Tab out of the grid, shortcuts, Space). */
  | { kind: "none" }
  | { kind: "move"; to: GridPos }
  /** F2: edit the current value. */
  | { kind: "edit" }
  /** A printable key: open an empty editor, into which the browser then types the key. */
  | { kind: "type" }
  | { kind: "clear" }
  | { kind: "details" };

export type EditorKeyAction =
  | { kind: "none" }
  | { kind: "cancel" }
  /** Commit the typed value and, if it is valid, move on. */
  | { kind: "commit"; to: GridPos }
  /** Commit, then focus what follows (or precedes) the grid: Tab on the last cell, Shift+Tab on the first. */
  | { kind: "commitAndLeave"; backwards: boolean };

/** A step from `at`, kept inside the grid; `wrap` continues on the next (or previous) row like reading order. */
export function step(at: GridPos, size: GridSize, dr: number, dc: number, wrap = false): GridPos {
  let r = at.r + dr;
  let c = at.c + dc;
  if (wrap && c >= size.cols) [r, c] = [at.r + 1, 0];
  if (wrap && c < 0) [r, c] = [at.r - 1, size.cols - 1];
  return { r: clamp(r, 0, size.rows - 1), c: clamp(c, 0, size.cols - 1) };
}

/**
 * A key pressed on a cell that is not being edited. Moving is the matrix's spreadsheet keys; Tab at the row's end
 * is left to the browser, which moves focus out of the grid. The score grid has no undo: Ctrl+Z is the browser's.
 */
export function cellKeyAction(e: GridKey, at: GridPos, size: GridSize): CellKeyAction {
  if (e.altKey) return { kind: "none" };
  const sheet = sheetKeyAction(e, at, size);
  if (sheet.kind === "move") return sheet;
  if (sheet.kind !== "none" || e.ctrlKey || e.metaKey || e.key === "Tab") return { kind: "none" };
  const { key } = e;
  if (key === "F2") return { kind: "edit" };
  if (key === "Delete" || key === "Backspace") return { kind: "clear" };
  if (key === "i" || key === "I") return { kind: "details" };
  if (key.length === 1 && key !== " ") return { kind: "type" };
  return { kind: "none" };
}

/** A key pressed in the cell editor: Escape cancels; Enter, ↑/↓ and Tab commit and move like they do on a cell. */
export function editorKeyAction(e: GridKey, at: GridPos, size: GridSize): EditorKeyAction {
  const { key } = e;
  if (key === "Escape") return { kind: "cancel" };
  if (key === "Enter" || key === "ArrowDown" || key === "ArrowUp") {
    const up = key === "ArrowUp" || (key === "Enter" && e.shiftKey);
    return { kind: "commit", to: step(at, size, up ? -1 : 1, 0) };
  }
  if (key === "Tab") {
    // Entering values row by row: Tab wraps to the next row, and past the last cell it leaves the grid.
    const last = e.shiftKey ? at.r === 0 && at.c === 0 : at.r === size.rows - 1 && at.c === size.cols - 1;
    if (last) return { kind: "commitAndLeave", backwards: Boolean(e.shiftKey) };
    return { kind: "commit", to: step(at, size, 0, e.shiftKey ? -1 : 1, true) };
  }
  return { kind: "none" };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
