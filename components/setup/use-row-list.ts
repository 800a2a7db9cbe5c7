"use client";
// Order, removal and undo for a list of rows (criteria or candidates). Moves apply at once on screen and are sent
// with the order the client saw, so a colleague's concurrent reorder is reported instead of silently undone.
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import type { RunResult } from "./use-autosave";
import type { VersionedRow } from "./use-versioned-rows";

export interface RemovedRow {
  id: string;
  name: string;
  undoToken: string;
}

export function useRowList<T extends { name: string }>(opts: {
  decisionId: string;
  rows: VersionedRow<T>[];
  setRows: (next: VersionedRow<T>[] | ((prev: VersionedRow<T>[]) => VersionedRow<T>[])) => void;
  reorder: (input: { decisionId: string; ids: string[]; expected: string[] }) => Promise<ActionResult>;
  remove: (input: { id: string }) => Promise<ActionResult<{ undoToken: string }>>;
  restore: (input: {
    decisionId: string;
    undoToken: string;
  }) => Promise<ActionResult<T & { id: string; version: number; position: number }>>;
  toRow: (dto: T & { id: string; version: number; position: number }) => VersionedRow<T>;
  /**
   * The editor's save tracker (useAutosave().start): a move in flight shows "Saving…" in the shared indicator and
   * leaving the page asks first, like a typed value.
   */
  track: (key: string, run: () => Promise<RunResult>) => Promise<void>;
}) {
  const [removed, setRemoved] = useState<RemovedRow | null>(null);
  const [message, setMessage] = useState<{ key: string; values?: Record<string, string | number> } | null>(null);
  const [busy, setBusy] = useState(false);
  const dragId = useRef<string | null>(null);
  // Each move is its own tracked save (never queued behind another: its `expected` order is the one on screen).
  const moves = useRef(0);
  const { rows, setRows } = opts;

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row);
    await reorderTo(next, row, to + 1, rows.length);
  };

  /**
   * Any new order of all rows (a tree moves a criterion with its sub-criteria past a sibling's), announced as
   * `row` now at `position` of `count` (its place among its siblings).
   */
  const reorderTo = async (next: VersionedRow<T>[], row: VersionedRow<T>, position: number, count: number) => {
    const expected = rows.map((r) => r.id);
    // Reordering DOM nodes can drop focus; put it back where the keyboard user was (button or field of the row).
    const active = typeof document !== "undefined" ? (document.activeElement as HTMLElement | null) : null;
    setRows(next);
    requestAnimationFrame(() => {
      if (active && active.isConnected && document.activeElement !== active) active.focus();
    });
    setMessage({ key: "moved", values: { name: row.saved.name, position, count } });
    await opts.track(`move:${++moves.current}`, async () => {
      const result = await opts.reorder({ decisionId: opts.decisionId, ids: next.map((r) => r.id), expected });
      if (!result.ok) {
        setRows(rows); // the server kept its order; show it and say why
        setMessage({ key: result.error === "stale" ? "orderConflict" : "orderFailed" });
      }
      // Refused or not, what is on screen is now what is stored: nothing is left unsaved.
      return true;
    });
  };

  const remove = async (id: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return;
    setBusy(true);
    const result = await opts.remove({ id });
    setBusy(false);
    if (!result.ok || !result.data) {
      // A group is removed once it is empty; say so rather than "could not be removed".
      setMessage({
        key: !result.ok && result.fieldErrors?.id === "hasSubCriteria" ? "hasSubCriteria" : "removeFailed",
      });
      return;
    }
    setRows((all) => all.filter((r) => r.id !== id));
    setRemoved({ id, name: row.saved.name, undoToken: result.data.undoToken });
    setMessage(null);
  };

  const undo = async () => {
    if (!removed) return;
    setBusy(true);
    const result = await opts.restore({ decisionId: opts.decisionId, undoToken: removed.undoToken });
    setBusy(false);
    if (!result.ok || !result.data) {
      setMessage({ key: "undoFailed" });
      return;
    }
    const dto = result.data;
    setRows((all) => {
      const without = all.filter((r) => r.id !== dto.id);
      const at = Math.min(dto.position, without.length);
      return [...without.slice(0, at), opts.toRow(dto), ...without.slice(at)];
    });
    setMessage({ key: "restored", values: { name: removed.name } });
    setRemoved(null);
  };

  /** Native HTML5 drag and drop; the keyboard path (buttons, Alt+Arrow) does the same through move(). */
  const dragProps = (index: number) => ({
    onDragOver: (e: React.DragEvent) => {
      if (dragId.current) e.preventDefault();
    },
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      const from = rows.findIndex((r) => r.id === (dragId.current ?? e.dataTransfer.getData("text/plain")));
      dragId.current = null;
      if (from >= 0) void move(from, index);
    },
  });
  const handleProps = (id: string) => ({
    draggable: true,
    onDragStart: (e: React.DragEvent) => {
      dragId.current = id;
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", id);
    },
    onDragEnd: () => {
      dragId.current = null;
    },
  });

  const keyMove = (index: number) => (e: React.KeyboardEvent) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    e.preventDefault();
    void move(index, e.key === "ArrowUp" ? index - 1 : index + 1);
  };

  return {
    move,
    reorderTo,
    remove,
    undo,
    removed,
    dismissUndo: () => setRemoved(null),
    message,
    busy,
    dragProps,
    handleProps,
    keyMove,
  };
}
