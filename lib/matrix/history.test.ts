import { describe, expect, test } from "vitest";
import { emptyHistory, record, redo, undo, type History } from "./history";

const e = (target: string, before: number | null, after: number | null) => ({ target, before, after });

describe("undo history", () => {
  test("undo returns the last edit, redo gives it back, in order", () => {
    let h: History<number | null> = emptyHistory();
    h = record(h, e("a", null, 5));
    h = record(h, e("b", 2, 3));
    const u1 = undo(h)!;
    expect(u1.edit).toEqual(e("b", 2, 3));
    const u2 = undo(u1.history)!;
    expect(u2.edit).toEqual(e("a", null, 5));
    expect(undo(u2.history)).toBeNull();
    const r1 = redo(u2.history)!;
    expect(r1.edit).toEqual(e("a", null, 5));
    expect(redo(r1.history)!.edit).toEqual(e("b", 2, 3));
  });
  test("a new edit clears what could be redone", () => {
    let h = record(emptyHistory<number>(), e("a", 1, 2) as never) as History<number>;
    h = undo(h)!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, { target: "c", before: 0, after: 1 });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBeNull();
  });
  test("no-op edits are not recorded; the history keeps only the last `limit` edits", () => {
    let h = emptyHistory<number>();
    h = record(h, { target: "a", before: 4, after: 4 });
    expect(h.past).toEqual([]);
    for (let i = 0; i < 5; i++) h = record(h, { target: `t${i}`, before: i, after: i + 1 }, 3);
    expect(h.past.map((x) => x.target)).toEqual(["t2", "t3", "t4"]);
  });
});
