"use client";
// The person's own answers to pairwise questions (criteria for the AHP weights, candidates on a pairwise criterion):
// kept as "A over B" per question, saved as they are picked (retried on a dropped connection), a stale save shown as
// a conflict with the stored answer unless that answer already says the same (a retry that landed the first time).
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import { withRetry } from "@/components/scores/retry";

export type AnswerStatus = "saving" | "saved" | "failed";
export type Answer<Row> = { value: number; row: Row | null };
export interface AskedPair {
  key: string;
}

export function usePairAnswers<P extends AskedPair, Row extends { version: number }>(opts: {
  initial: () => Record<string, Answer<Row>>;
  /** Saves "A over B" for the pair, creating when `version` is null. */
  save: (p: P, value: number, version: number | null) => Promise<ActionResult<Row>>;
  /** A stored row's value as "A over B" for the pair as asked, whichever way round it is stored. */
  asAsked: (row: Row, p: P) => number;
  /** The field message key of a refusal. */
  fieldError?: (fieldErrors: Record<string, string | undefined> | undefined) => string | undefined;
  onSaved?: () => void;
}) {
  const [mine, setMine] = useState<Record<string, Answer<Row>>>(opts.initial);
  const mineRef = useRef(mine);
  const [status, setStatus] = useState<Record<string, AnswerStatus>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Record<string, { theirs: Row | null; yours: number }>>({});

  const put = (key: string, a: Answer<Row> | undefined) => {
    const next = { ...mineRef.current };
    if (a) next[key] = a;
    else delete next[key];
    mineRef.current = next;
    setMine(next);
  };
  const mark = (key: string, s: AnswerStatus) => setStatus((all) => ({ ...all, [key]: s }));

  const answer = async (p: P, value: number) => {
    const prev = mineRef.current[p.key];
    put(p.key, { value, row: prev?.row ?? null });
    mark(p.key, "saving");
    setErrors(({ [p.key]: _, ...rest }) => rest);
    try {
      const r = await withRetry(() => opts.save(p, value, prev?.row?.version ?? null));
      if (r.ok && r.data) {
        put(p.key, { value: opts.asAsked(r.data, p), row: r.data });
        mark(p.key, "saved");
        opts.onSaved?.();
      } else if (!r.ok && r.error === "stale") {
        const theirs = (r.current as Row | null) ?? null;
        if (theirs && Math.abs(Math.log(opts.asAsked(theirs, p) / value)) < 1e-9) {
          put(p.key, { value, row: theirs });
          mark(p.key, "saved");
        } else {
          setConflict((c) => ({ ...c, [p.key]: { theirs, yours: value } }));
          mark(p.key, "failed");
        }
      } else if (!r.ok) {
        put(p.key, prev);
        setErrors((e) => ({ ...e, [p.key]: opts.fieldError?.(r.fieldErrors) ?? r.fieldErrors?.value ?? r.error }));
        mark(p.key, "failed");
      }
    } catch {
      setErrors((e) => ({ ...e, [p.key]: "network" }));
      mark(p.key, "failed");
    }
  };

  /** Settles a conflict: keep my answer (saved again over theirs) or take the stored one. */
  const resolve = (p: P, choice: "mine" | "theirs") => {
    const c = conflict[p.key];
    if (!c) return;
    setConflict(({ [p.key]: _, ...rest }) => rest);
    put(p.key, c.theirs ? { value: opts.asAsked(c.theirs, p), row: c.theirs } : undefined);
    if (choice === "mine") void answer(p, c.yours);
    else mark(p.key, "saved");
  };

  return { mine, status, errors, conflict, answer, resolve };
}
