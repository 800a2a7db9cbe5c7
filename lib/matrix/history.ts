// The matrix view's undo history. One step is what one action of the person did: a typed cell (one edit), a pasted
// block (every value it changed plus the criteria and candidates it created), or a row or column added by typing at
// the edge (the row it created). Undo and redo replay a step through the same versioned saves as a typed edit, so
// an undo that meets a colleague's newer value is a visible conflict like any other; rows a step created are
// removed on undo and restored (same id, with their values) on redo. Pure and immutable: the component keeps it in
// state.

export interface Edit<T> {
  /** What was edited, e.g. "score:<criterion>:<candidate>" or "crit:<id>:weight". */
  target: string;
  before: T;
  after: T;
}

/** A criterion or candidate a step created. */
export interface CreatedRow {
  kind: "criterion" | "candidate";
  id: string;
}

export interface Step<T> {
  /** Values changed in rows that existed before the step, in the order they were made. */
  edits: Edit<T>[];
  /** Rows the step created; their own values go and come back with them. */
  created: CreatedRow[];
}

export interface History<T> {
  past: Step<T>[];
  future: Step<T>[];
}

export const HISTORY_LIMIT = 100;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

const isStep = <T>(x: Edit<T> | Step<T>): x is Step<T> => "edits" in x;

/** A step from one edit or a whole step, without the edits that changed nothing; null when nothing is left. */
export function stepOf<T>(x: Edit<T> | Step<T>): Step<T> | null {
  const step = isStep(x) ? x : { edits: [x], created: [] };
  const edits = step.edits.filter((e) => !Object.is(e.before, e.after));
  if (edits.length === 0 && step.created.length === 0) return null;
  return { edits, created: step.created };
}

/** A new step: it becomes the last one, and anything undone before it can no longer be redone. */
export function record<T>(h: History<T>, x: Edit<T> | Step<T>, limit = HISTORY_LIMIT): History<T> {
  const step = stepOf(x);
  if (!step) return h;
  return { past: [...h.past, step].slice(-limit), future: [] };
}

/** The step to undo and the history after it, or null when there is nothing to undo. */
export function undo<T>(h: History<T>): { step: Step<T>; history: History<T> } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  return { step, history: { past: h.past.slice(0, -1), future: [step, ...h.future] } };
}

/** The step to redo and the history after it, or null. */
export function redo<T>(h: History<T>): { step: Step<T>; history: History<T> } | null {
  const step = h.future[0];
  if (!step) return null;
  return { step, history: { past: [...h.past, step], future: h.future.slice(1) } };
}

export interface Replay<T> {
  /** Values to save, in this order. */
  set: { target: string; value: T }[];
  /** Rows to remove (undo) — candidates first, then criteria, the reverse of how a paste creates them. */
  remove: CreatedRow[];
  /** Rows to bring back (redo) — criteria first, then candidates, before any value is set. */
  restore: CreatedRow[];
}

/**
 * Undoing a step: every value back to what it was before the step (last edit first; a target edited twice goes back
 * to its first `before`), and the rows it created removed.
 */
export function undoReplay<T>(step: Step<T>): Replay<T> {
  const seen = new Set<string>();
  const values: { target: string; value: T }[] = [];
  for (const e of [...step.edits].reverse()) {
    if (seen.has(e.target)) continue;
    seen.add(e.target);
    values.push({ target: e.target, value: firstBefore(step.edits, e.target) });
  }
  return {
    set: values,
    remove: [
      ...step.created.filter((r) => r.kind === "candidate"),
      ...step.created.filter((r) => r.kind === "criterion"),
    ],
    restore: [],
  };
}

/** Redoing a step: its rows brought back first, then every value as it was after the step (last `after` wins). */
export function redoReplay<T>(step: Step<T>): Replay<T> {
  const last = new Map<string, T>();
  for (const e of step.edits) last.set(e.target, e.after);
  return {
    set: [...last].map(([target, value]) => ({ target, value })),
    remove: [],
    restore: [
      ...step.created.filter((r) => r.kind === "criterion"),
      ...step.created.filter((r) => r.kind === "candidate"),
    ],
  };
}

function firstBefore<T>(edits: Edit<T>[], target: string): T {
  return edits.find((e) => e.target === target)!.before;
}
