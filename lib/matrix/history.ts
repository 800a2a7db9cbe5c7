// The matrix view's undo history: the last edits as (target, value before, value after), replayed through the same
// versioned saves as a typed edit, so an undo that meets a colleague's newer value is a visible conflict like any
// other. Pure and immutable: the component keeps it in state.

export interface Edit<T> {
  /** What was edited, e.g. "score:<criterion>:<candidate>" or "criterion:<id>:weight". */
  target: string;
  before: T;
  after: T;
}

export interface History<T> {
  past: Edit<T>[];
  future: Edit<T>[];
}

export const HISTORY_LIMIT = 100;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** A new edit: it becomes the last one, and anything undone before it can no longer be redone. */
export function record<T>(h: History<T>, edit: Edit<T>, limit = HISTORY_LIMIT): History<T> {
  if (Object.is(edit.before, edit.after)) return h;
  return { past: [...h.past, edit].slice(-limit), future: [] };
}

/** The edit to undo (apply its `before`) and the history after it, or null when there is nothing to undo. */
export function undo<T>(h: History<T>): { edit: Edit<T>; history: History<T> } | null {
  const edit = h.past[h.past.length - 1];
  if (!edit) return null;
  return { edit, history: { past: h.past.slice(0, -1), future: [edit, ...h.future] } };
}

/** The edit to redo (apply its `after`) and the history after it, or null. */
export function redo<T>(h: History<T>): { edit: Edit<T>; history: History<T> } | null {
  const edit = h.future[0];
  if (!edit) return null;
  return { edit, history: { past: [...h.past, edit], future: h.future.slice(1) } };
}
