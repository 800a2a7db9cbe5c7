import { describe, expect, test } from "vitest";
import { emptyHistory, record, redo, redoReplay, stepOf, undo, undoReplay, type History, type Step } from "./history";

type V = number | null;
const e = (target: string, before: V, after: V) => ({ target, before, after });
const one = (target: string, before: V, after: V): Step<V> => ({ edits: [e(target, before, after)], created: [] });

describe("undo history", () => {
  test("undo returns the last step, redo gives it back, in order", () => {
    let h: History<V> = emptyHistory();
    h = record(h, e("a", null, 5));
    h = record(h, e("b", 2, 3));
    const u1 = undo(h)!;
    expect(u1.step).toEqual(one("b", 2, 3));
    const u2 = undo(u1.history)!;
    expect(u2.step).toEqual(one("a", null, 5));
    expect(undo(u2.history)).toBeNull();
    const r1 = redo(u2.history)!;
    expect(r1.step).toEqual(one("a", null, 5));
    expect(redo(r1.history)!.step).toEqual(one("b", 2, 3));
    expect(redo(redo(r1.history)!.history)).toBeNull();
  });
  test("a new step clears what could be redone", () => {
    let h = record(emptyHistory<number>(), { target: "a", before: 1, after: 2 });
    h = undo(h)!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, { target: "c", before: 0, after: 1 });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBeNull();
  });
  test("no-op edits are not recorded; the history keeps only the last `limit` steps", () => {
    let h = emptyHistory<number>();
    h = record(h, { target: "a", before: 4, after: 4 });
    expect(h.past).toEqual([]);
    for (let i = 0; i < 5; i++) h = record(h, { target: `t${i}`, before: i, after: i + 1 }, 3);
    expect(h.past.map((x) => x.edits[0].target)).toEqual(["t2", "t3", "t4"]);
  });
  test("a step keeps its real edits and its created rows; a step with neither is nothing", () => {
    expect(stepOf<V>({ edits: [e("a", 1, 1)], created: [] })).toBeNull();
    expect(stepOf<V>({ edits: [e("a", 1, 1), e("b", null, 2)], created: [] })).toEqual(one("b", null, 2));
    // Adding a row at the edge: no value changed in an existing row, one row created.
    const add = stepOf<V>({ edits: [], created: [{ kind: "criterion", id: "k1" }] });
    expect(add).toEqual({ edits: [], created: [{ kind: "criterion", id: "k1" }] });
    expect(record(emptyHistory<V>(), add!).past).toHaveLength(1);
  });
});

describe("a pasted block is one step", () => {
  // A paste into a decision with criteria Ops, Docs and candidates A, B: it set Ops's weight 1 → 3, A's Ops score
  // (none → 7), changed B's Docs score 4 → 6, and created the criterion Cost and the candidate C (whose own cells
  // go and come back with them).
  const paste: Step<V> = {
    edits: [e("crit:ops:weight", 1, 3), e("score:ops:a", null, 7), e("score:docs:b", 4, 6)],
    created: [
      { kind: "criterion", id: "cost" },
      { kind: "candidate", id: "c" },
    ],
  };
  test("one undo takes back every value and removes the rows it created; one redo brings all of it back", () => {
    let h = record(record(emptyHistory<V>(), e("score:ops:b", 2, 5)), paste);
    const u = undo(h)!;
    expect(u.step).toEqual(paste);
    expect(undoReplay(u.step)).toEqual({
      set: [
        { target: "score:docs:b", value: 4 },
        { target: "score:ops:a", value: null },
        { target: "crit:ops:weight", value: 1 },
      ],
      remove: [
        { kind: "candidate", id: "c" },
        { kind: "criterion", id: "cost" },
      ],
      restore: [],
    });
    h = u.history;
    // The edit made before the paste is the next to undo: the paste was one step, not three.
    expect(undo(h)!.step).toEqual(one("score:ops:b", 2, 5));
    const r = redo(h)!;
    expect(r.step).toEqual(paste);
    expect(redoReplay(r.step)).toEqual({
      set: [
        { target: "crit:ops:weight", value: 3 },
        { target: "score:ops:a", value: 7 },
        { target: "score:docs:b", value: 6 },
      ],
      remove: [],
      restore: [
        { kind: "criterion", id: "cost" },
        { kind: "candidate", id: "c" },
      ],
    });
  });
  test("a target changed twice within a step goes back to its first value and forward to its last", () => {
    const step: Step<V> = { edits: [e("x", 1, 2), e("y", 0, 9), e("x", 2, 3)], created: [] };
    expect(undoReplay(step).set).toEqual([
      { target: "x", value: 1 },
      { target: "y", value: 0 },
    ]);
    expect(redoReplay(step).set).toEqual([
      { target: "x", value: 3 },
      { target: "y", value: 9 },
    ]);
  });
});
