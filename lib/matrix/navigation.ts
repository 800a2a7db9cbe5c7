// Spreadsheet keys over a grid of cells, as a pure function of the key, the active cell and the grid's size. Shared
// by the matrix view and the score grid:
// - arrows move one cell, Enter / Shift+Enter down / up;
// - Tab / Shift+Tab move along the row and leave the grid at the row's end (nobody has to walk every cell to get
//   past the grid; arrows are for moving around inside);
// - Home / End go to the row's first / last cell, Ctrl+Home to the first cell, Ctrl+End to the last cell in use;
// - Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo.

export type GridPos = { r: number; c: number };
export type GridSize = { rows: number; cols: number };
export interface GridKey {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export type SheetKeyAction =
  /** Not a navigation key: the caller decides (typing, Delete, …) or the browser does what it usually does. */
  | { kind: "none" }
  | { kind: "move"; to: GridPos }
  /** Tab at the row's end: focus goes to what follows (or precedes) the grid. */
  | { kind: "leave"; backwards: boolean }
  | { kind: "undo" }
  | { kind: "redo" };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const inside = (p: GridPos, size: GridSize): GridPos => ({
  r: clamp(p.r, 0, size.rows - 1),
  c: clamp(p.c, 0, size.cols - 1),
});

/**
 * A navigation key on a cell. `end` is the last cell in use (Ctrl+End), default the bottom-right cell; `home` the
 * first (Ctrl+Home), default the top-left one.
 */
export function sheetKeyAction(
  e: GridKey,
  at: GridPos,
  size: GridSize,
  opts: { home?: GridPos; end?: GridPos } = {},
): SheetKeyAction {
  const ctrl = Boolean(e.ctrlKey || e.metaKey);
  if (e.altKey) return { kind: "none" };
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl) {
    if (k === "z") return e.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (k === "y") return { kind: "redo" };
    if (k === "Home") return { kind: "move", to: inside(opts.home ?? { r: 0, c: 0 }, size) };
    if (k === "End") return { kind: "move", to: inside(opts.end ?? { r: size.rows - 1, c: size.cols - 1 }, size) };
    return { kind: "none" };
  }
  const arrow = ARROWS[k];
  if (arrow) return { kind: "move", to: inside({ r: at.r + arrow[0], c: at.c + arrow[1] }, size) };
  if (k === "Enter") return { kind: "move", to: inside({ r: at.r + (e.shiftKey ? -1 : 1), c: at.c }, size) };
  if (k === "Tab") {
    if (e.shiftKey)
      return at.c === 0 ? { kind: "leave", backwards: true } : { kind: "move", to: { r: at.r, c: at.c - 1 } };
    return at.c >= size.cols - 1 ? { kind: "leave", backwards: false } : { kind: "move", to: { r: at.r, c: at.c + 1 } };
  }
  if (k === "Home") return { kind: "move", to: { r: at.r, c: 0 } };
  if (k === "End") return { kind: "move", to: { r: at.r, c: size.cols - 1 } };
  return { kind: "none" };
}

/** While a cell is being edited: which keys commit and where to go next (arrows ←/→ stay in the text). */
export function editorSheetKey(e: GridKey, at: GridPos, size: GridSize): SheetKeyAction | { kind: "cancel" } {
  if (e.key === "Escape") return { kind: "cancel" };
  if (e.key === "Enter" || e.key === "Tab" || e.key === "ArrowUp" || e.key === "ArrowDown")
    return sheetKeyAction({ ...e, ctrlKey: false, metaKey: false }, at, size);
  return { kind: "none" };
}
