"use client";
// Local state of editable rows (criteria, candidates, the decision header): what the server last confirmed
// (`saved` + `version`), what the user is typing (`drafts`, kept as text so "1." or "-" survive while typing), field
// errors from the shared zod parsers, and conflicts. Saves go through useAutosave.
import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import type { RunResult, useAutosave } from "./use-autosave";

export type FieldValue = string | number | boolean | null;

export interface VersionedRow<T> {
  id: string;
  version: number;
  saved: T;
}

export interface Conflict {
  theirs: FieldValue;
  mine: string;
  changedBy: string | null;
  /** The row as the server has it now (the new version comes from here). */
  row: { version: number } & Record<string, unknown>;
}

export type Validate<T> = (
  saved: T,
  field: keyof T & string,
  text: string,
) => { ok: true; value: FieldValue } | { ok: false; error: string };
export type SaveField<T> = (
  row: VersionedRow<T>,
  field: keyof T & string,
  text: string,
  base: FieldValue,
) => Promise<ActionResult<{ version: number; value: FieldValue }>>;

const keyOf = (id: string, field: string) => `${id}:${field}`;

/** How a stored value looks in a text box. */
export function toText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

export function useVersionedRows<T extends Record<string, unknown>>(opts: {
  initial: VersionedRow<T>[];
  autosave: ReturnType<typeof useAutosave>;
  validate: Validate<T>;
  save: SaveField<T>;
}) {
  const [rows, setRowsState] = useState(opts.initial);
  const rowsRef = useRef(rows);
  const setRows = useCallback((next: VersionedRow<T>[] | ((prev: VersionedRow<T>[]) => VersionedRow<T>[])) => {
    rowsRef.current = typeof next === "function" ? next(rowsRef.current) : next;
    setRowsState(rowsRef.current);
  }, []);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draftsRef = useRef(drafts);
  const setDraft = (key: string, text: string | undefined) => {
    const next = { ...draftsRef.current };
    if (text === undefined) delete next[key];
    else next[key] = text;
    draftsRef.current = next;
    setDrafts(next);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const { autosave, validate, save } = opts;

  const text = (id: string, field: keyof T & string): string => {
    const d = drafts[keyOf(id, field)];
    if (d !== undefined) return d;
    return toText(rows.find((r) => r.id === id)?.saved[field]);
  };

  /** Sends the current draft of one field; resolves true when saved (or nothing to do), false on failure. */
  const run =
    (id: string, field: keyof T & string, baseOverride?: { version: number; base: FieldValue }) =>
    async (): Promise<RunResult> => {
      const key = keyOf(id, field);
      const row = rowsRef.current.find((r) => r.id === id);
      const draft = draftsRef.current[key];
      if (!row || draft === undefined) return true;
      const checked = validate(row.saved, field, draft);
      if (!checked.ok) {
        setErrors((e) => ({ ...e, [key]: checked.error }));
        return true; // nothing to send; the field message says why
      }
      const base = baseOverride ? baseOverride.base : (row.saved[field] as FieldValue);
      const target = baseOverride ? { ...row, version: baseOverride.version } : row;
      const result = await save(target, field, draft, base);
      if (result.ok && result.data) {
        const { version, value } = result.data;
        setRows((all) =>
          all.map((r) =>
            r.id === id ? { ...r, version: Math.max(r.version, version), saved: { ...r.saved, [field]: value } } : r,
          ),
        );
        // Keep the draft only if the user typed on while this request was out.
        if (draftsRef.current[key] === draft) setDraft(key, undefined);
        setErrors((e) => omit(e, key));
        return true;
      }
      if (!result.ok && result.error === "stale") {
        const current = result.current as
          { theirs: FieldValue; changedBy: string | null; row: Conflict["row"] | null } | undefined;
        if (current?.row)
          setConflicts((c) => ({
            ...c,
            [key]: { theirs: current.theirs, mine: draft, changedBy: current.changedBy, row: current.row! },
          }));
        // Not a failure of the connection, and not saved either: the conflict box asks the user.
        return current?.row ? "conflict" : true;
      }
      if (!result.ok && result.fieldErrors) {
        setErrors((e) => ({
          ...e,
          [key]: result.fieldErrors?.[field] ?? Object.values(result.fieldErrors ?? {})[0] ?? "invalid",
        }));
        return true;
      }
      if (!result.ok) setErrors((e) => ({ ...e, [key]: result.error }));
      return false;
    };

  const edit = (id: string, field: keyof T & string, value: string, opts2: { immediate?: boolean } = {}) => {
    const key = keyOf(id, field);
    setDraft(key, value);
    const row = rowsRef.current.find((r) => r.id === id);
    if (!row) return;
    const checked = validate(row.saved, field, value);
    if (!checked.ok) {
      setErrors((e) => ({ ...e, [key]: checked.error }));
      autosave.cancel(key);
      return;
    }
    setErrors((e) => omit(e, key));
    if (conflicts[key]) return; // wait for the user's choice
    if (opts2.immediate) void autosave.start(key, run(id, field));
    else autosave.schedule(key, run(id, field));
  };

  const blur = (id: string, field: keyof T & string) => {
    const key = keyOf(id, field);
    if (!conflicts[key]) autosave.flush(key, run(id, field));
  };

  /** "Keep theirs": take the server's row; "use mine": write my value over theirs, knowingly. */
  const resolve = (id: string, field: keyof T & string, choice: "theirs" | "mine") => {
    const key = keyOf(id, field);
    const conflict = conflicts[key];
    if (!conflict) return;
    setConflicts((c) => omit(c, key));
    if (choice === "theirs") {
      autosave.cancel(key);
      setDraft(key, undefined);
      setRows((all) =>
        all.map((r) =>
          r.id === id ? { ...r, version: conflict.row.version, saved: { ...r.saved, [field]: conflict.theirs } } : r,
        ),
      );
    } else {
      setDraft(key, conflict.mine);
      void autosave.start(key, run(id, field, { version: conflict.row.version, base: conflict.theirs }));
    }
  };

  return {
    rows,
    setRows,
    text,
    edit,
    blur,
    resolve,
    error: (id: string, field: string) => errors[keyOf(id, field)],
    conflict: (id: string, field: string) => conflicts[keyOf(id, field)],
    /** The value the live figures should use: a valid draft, else the saved value. */
    live: (id: string, field: keyof T & string): FieldValue => {
      const row = rows.find((r) => r.id === id);
      if (!row) return null;
      const d = drafts[keyOf(id, field)];
      // A draft in conflict is not saved: figures use the value stored now (the colleague's) until the person chooses.
      const conflict = conflicts[keyOf(id, field)];
      if (conflict) return conflict.theirs;
      if (d === undefined) return row.saved[field] as FieldValue;
      const checked = validate(row.saved, field, d);
      return checked.ok ? checked.value : (row.saved[field] as FieldValue);
    },
  };
}

function omit<V>(o: Record<string, V>, key: string): Record<string, V> {
  if (!(key in o)) return o;
  const next = { ...o };
  delete next[key];
  return next;
}
