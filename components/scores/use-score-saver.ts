"use client";
// Saves the person's own scores cell by cell as they commit them. Writes to one cell run one after another (each uses
// the version the previous one returned); different cells save independently. The visible value is optimistic:
// `pending` holds what was typed until the server confirms it.
import { useCallback, useRef, useState } from "react";
import { deleteScoreAction, saveScoreAction } from "@/lib/actions/scores";
import type { ScoreDto } from "@/lib/decisions/dto";
import { withRetry } from "./retry";

export type CellState = "saving" | "saved" | "failed" | "conflict";
export type SaveOp = { kind: "save"; value: number; rationale?: string; evidenceUrl?: string } | { kind: "delete" };

export interface Conflict {
  /** The stored row now (null: deleted elsewhere). */
  theirs: ScoreDto | null;
  /** What this tab tried to write (null: a delete). */
  yours: SaveOp;
}

export interface CellFailure {
  op: SaveOp;
  /** Translation key under scores.errors. */
  error: string;
  /** A network failure can be retried as is; a refused value cannot. */
  retryable: boolean;
}

export const cellKey = (criterionId: string, candidateId: string) => `${criterionId}:${candidateId}`;

export function useScoreSaver(decisionId: string, initial: ScoreDto[]) {
  const [mine, setMine] = useState<Record<string, ScoreDto>>(() =>
    Object.fromEntries(initial.map((s) => [cellKey(s.criterionId, s.candidateId), s])),
  );
  const [pending, setPending] = useState<Record<string, SaveOp>>({});
  const [states, setStates] = useState<Record<string, CellState>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [failures, setFailures] = useState<Record<string, CellFailure>>({});
  // The latest confirmed rows for async save code (state in a closure would be stale); written only with `mine`.
  const mineRef = useRef(mine);
  const queues = useRef(new Map<string, Promise<void>>());

  const setRow = (key: string, row: ScoreDto | null) => {
    const next = { ...mineRef.current };
    if (row) next[key] = row;
    else delete next[key];
    mineRef.current = next;
    setMine(next);
  };
  function patch<T>(set: React.Dispatch<React.SetStateAction<Record<string, T>>>, key: string, value: T | undefined) {
    set((m) => {
      const next = { ...m };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  }

  function settleFailure(key: string, op: SaveOp, error: string, current: unknown) {
    if (error === "stale") {
      const theirs = (current as ScoreDto | null) ?? null;
      // Same content already stored (e.g. a retried save whose first attempt did land): nothing to choose.
      if (sameContent(theirs, op)) {
        setRow(key, theirs);
        patch(setPending, key, undefined);
        patch<CellState>(setStates, key, "saved");
        return;
      }
      patch(setConflicts, key, { theirs, yours: op });
      patch<CellState>(setStates, key, "conflict");
      return;
    }
    // Refused (bad value, no permission, locked): what is stored stays, and the cell shows it again.
    patch(setPending, key, undefined);
    patch(setFailures, key, { op, error, retryable: false });
    patch<CellState>(setStates, key, "failed");
  }

  const run = useCallback(
    async (key: string, criterionId: string, candidateId: string, op: SaveOp) => {
      const row = mineRef.current[key] ?? null;
      try {
        if (op.kind === "delete") {
          if (!row) {
            patch(setPending, key, undefined);
            patch<CellState>(setStates, key, "saved");
            return;
          }
          const r = await withRetry(() =>
            deleteScoreAction({ decisionId, criterionId, candidateId, version: row.version }),
          );
          if (r.ok) {
            setRow(key, null);
            patch(setPending, key, undefined);
            patch<CellState>(setStates, key, "saved");
            return;
          }
          settleFailure(key, op, r.error, r.current);
          return;
        }
        const r = await withRetry(() =>
          saveScoreAction({
            decisionId,
            criterionId,
            candidateId,
            value: op.value,
            rationale: op.rationale,
            evidenceUrl: op.evidenceUrl,
            version: row?.version ?? null,
          }),
        );
        if (r.ok && r.data) {
          setRow(key, r.data);
          patch(setPending, key, undefined);
          patch<CellState>(setStates, key, "saved");
          return;
        }
        if (!r.ok)
          settleFailure(
            key,
            op,
            r.fieldErrors?.value ?? r.fieldErrors?.evidenceUrl ?? r.fieldErrors?.rationale ?? r.error,
            r.current,
          );
      } catch {
        // Network or server failure: keep the typed value visible and offer a retry, so nothing is silently lost.
        patch(setFailures, key, { op, error: "network", retryable: true });
        patch<CellState>(setStates, key, "failed");
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [decisionId],
  );

  const commit = useCallback(
    (criterionId: string, candidateId: string, op: SaveOp) => {
      const key = cellKey(criterionId, candidateId);
      patch(setPending, key, op);
      patch<CellState>(setStates, key, "saving");
      patch(setFailures, key, undefined);
      patch(setConflicts, key, undefined);
      const prev = queues.current.get(key) ?? Promise.resolve();
      const next = prev.then(() => run(key, criterionId, candidateId, op));
      queues.current.set(key, next);
      return next;
    },
    [run],
  );

  /** Conflict resolution: keep mine re-applies my value on top of the stored version; use theirs adopts it. */
  const resolve = useCallback(
    (criterionId: string, candidateId: string, choice: "mine" | "theirs") => {
      const key = cellKey(criterionId, candidateId);
      const c = conflicts[key];
      if (!c) return;
      setRow(key, c.theirs);
      patch(setConflicts, key, undefined);
      if (choice === "mine") {
        void commit(criterionId, candidateId, c.yours);
      } else {
        patch(setPending, key, undefined);
        patch<CellState>(setStates, key, "saved");
      }
    },
    [conflicts, commit],
  );

  const retry = useCallback(
    (criterionId: string, candidateId: string) => {
      const f = failures[cellKey(criterionId, candidateId)];
      if (f?.retryable) void commit(criterionId, candidateId, f.op);
    },
    [failures, commit],
  );

  const dismissFailure = useCallback((key: string) => {
    patch(setFailures, key, undefined);
    patch<CellState>(setStates, key, "saved");
  }, []);

  /** The value the person sees for their own cell: what they typed (pending) or what is stored. */
  const valueOf = useCallback(
    (key: string): number | null => {
      const p = pending[key];
      if (p) return p.kind === "delete" ? null : p.value;
      return mine[key]?.value ?? null;
    },
    [pending, mine],
  );

  return { mine, pending, states, conflicts, failures, commit, resolve, retry, dismissFailure, valueOf };
}

function sameContent(row: ScoreDto | null, op: SaveOp): boolean {
  if (op.kind === "delete") return row === null;
  return (
    row !== null &&
    row.value === op.value &&
    (op.rationale === undefined || op.rationale === row.rationale) &&
    (op.evidenceUrl === undefined || op.evidenceUrl === row.evidenceUrl)
  );
}
