"use client";
// Save-as-you-go for one editor: each (row, field) saves after a short pause in typing and at the latest on blur,
// one request at a time per field (a second edit waits for the first answer, so a user never conflicts with
// themself), and the editor learns whether everything is saved, saving, or failed.
import { useCallback, useEffect, useRef, useState } from "react";

export const SAVE_DELAY_MS = 600;

export type SaveState = "saved" | "saving" | "failed" | "conflict";

/** What one save reports: saved (true), failed (false), or refused because a colleague changed the field first. */
export type RunResult = boolean | "conflict";

interface Slot {
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: boolean;
  /** run() to call when the current request ends (the latest edit wins). */
  queued: (() => Promise<RunResult>) | null;
  failed: boolean;
  /** The last save met a colleague's newer value: nothing is saved until the person chooses. */
  conflict: boolean;
}

export function useAutosave() {
  const slots = useRef(new Map<string, Slot>());
  const [state, setState] = useState<SaveState>("saved");
  // The indicator is derived from the slots after every change (never by reading the ref during render).
  const refresh = useCallback(() => setState(summarise(slots.current)), []);

  const slot = useCallback((key: string): Slot => {
    let s = slots.current.get(key);
    if (!s) {
      s = { timer: null, inFlight: false, queued: null, failed: false, conflict: false };
      slots.current.set(key, s);
    }
    return s;
  }, []);

  /** Runs now, or after the request already out for this key (then only the latest queued edit is sent). */
  const start = useCallback(
    async (key: string, run: () => Promise<RunResult>) => {
      const s = slot(key);
      if (s.inFlight) {
        s.queued = run;
        refresh();
        return;
      }
      s.inFlight = true;
      refresh();
      let next: (() => Promise<RunResult>) | null = run;
      while (next) {
        const current: () => Promise<RunResult> = next;
        s.queued = null;
        let ok: RunResult = false;
        try {
          ok = await current();
        } catch {
          ok = false;
        }
        s.failed = ok === false;
        s.conflict = ok === "conflict";
        next = s.queued;
      }
      s.inFlight = false;
      refresh();
    },
    [slot, refresh],
  );

  /** Schedules `run` after the typing pause; a newer schedule for the same key replaces it. */
  const schedule = useCallback(
    (key: string, run: () => Promise<RunResult>, delay = SAVE_DELAY_MS) => {
      const s = slot(key);
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(() => {
        s.timer = null;
        void start(key, run);
      }, delay);
      refresh();
    },
    [slot, start, refresh],
  );

  /** Blur: run a pending save now. */
  const flush = useCallback(
    (key: string, run: () => Promise<RunResult>) => {
      const s = slots.current.get(key);
      if (!s?.timer) return;
      clearTimeout(s.timer);
      s.timer = null;
      void start(key, run);
    },
    [start],
  );

  /** Forget a pending save (the user chose "keep theirs", or the input became invalid). */
  const cancel = useCallback(
    (key: string) => {
      const s = slots.current.get(key);
      if (!s) return;
      if (s.timer) clearTimeout(s.timer);
      s.timer = null;
      s.queued = null;
      s.failed = false;
      s.conflict = false;
      refresh();
    },
    [refresh],
  );

  // Leaving with unsaved edits asks first: nothing typed is lost silently.
  useEffect(() => {
    if (state !== "saving") return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  return { schedule, flush, cancel, start, state };
}

function summarise(slots: Map<string, Slot>): SaveState {
  let saving = false;
  let conflict = false;
  for (const s of slots.values()) {
    if (s.failed) return "failed";
    if (s.conflict) conflict = true;
    if (s.inFlight || s.timer || s.queued) saving = true;
  }
  // A conflict is never "All changes saved": the person's value is not stored until they choose.
  return conflict ? "conflict" : saving ? "saving" : "saved";
}
