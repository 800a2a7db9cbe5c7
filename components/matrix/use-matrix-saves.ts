"use client";
// Saves of the matrix view, one cell or field at a time, through the same versioned actions as the detailed editors
// (scores, facts, criterion and candidate fields). What was typed shows at once (optimistic) until the server
// answers; a value a colleague changed first becomes a conflict the person resolves, never an overwrite. Writes to
// one row run one after another, each with the version the previous one returned. Undo and redo replay through the
// same saves.
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { removeCandidateAction, restoreCandidateAction, updateCandidateFieldAction } from "@/lib/actions/candidates";
import { removeCriterionAction, restoreCriterionAction, updateCriterionFieldAction } from "@/lib/actions/criteria";
import { clearFactAction, setFactAction } from "@/lib/actions/facts";
import { deleteScoreAction, saveScoreAction } from "@/lib/actions/scores";
import type { DecisionDetail, FactDto, ScoreDto } from "@/lib/decisions/dto";
import type { ActionResult } from "@/lib/errors/action-result";
import {
  emptyHistory,
  record,
  redo as redoStep,
  redoReplay,
  undo as undoStep,
  undoReplay,
  type CreatedRow,
  type History,
  type Replay,
  type Step,
} from "@/lib/matrix/history";
import type { PasteUndo } from "@/lib/server/matrix";
import { todayIso } from "@/lib/validation/fact";
import { withRetry } from "@/components/scores/retry";
import { parseTargetKey, rowKey, storedOf, targetKey, type Target, type Value } from "./targets";

export type CellState = "saving" | "saved" | "conflict" | "failed";

export interface Pending {
  target: Target;
  value: Value;
  state: CellState;
  /** The row's version in the page data when this entry settled (newer page data then wins). */
  seenVersion: number | null;
  error?: string;
  theirs?: Value;
  changedBy?: string | null;
}

export type SaveStatus = "idle" | "saving" | "saved" | "conflict" | "failed";

export function useMatrixSaves(opts: { decision: DecisionDetail; own: ScoreDto[] }) {
  const router = useRouter();
  const { decision, own } = opts;
  const [entries, setEntries] = useState<Record<string, Pending>>({});
  const [history, setHistory] = useState<History<Value>>(emptyHistory);
  // Latest page data and confirmed versions for async code (closures would see stale state).
  const data = useRef({ decision, own });
  data.current = { decision, own };
  const confirmed = useRef(new Map<string, { version: number | null; seenVersion: number | null; base: Value }>());
  const queues = useRef(new Map<string, Promise<void>>());
  // Rows a step created: the version they were created with (until the page data has them) and, once an undo
  // removed them, the token that brings them back on redo (same id, with their values).
  const createdVersions = useRef(new Map<string, number>());
  const undoTokens = useRef(new Map<string, string>());

  const stored = useCallback((x: Target) => storedOf(data.current.decision, data.current.own, x), []);

  /** The version and value a save should build on: the confirmed one unless newer page data arrived since. */
  const basisOf = (x: Target) => {
    const s = stored(x);
    const c = confirmed.current.get(rowKey(x));
    const fieldBase = confirmed.current.get(targetKey(x));
    const version = c && c.seenVersion === s.version ? c.version : s.version;
    const base = fieldBase && fieldBase.seenVersion === s.version ? fieldBase.base : s.value;
    return { version, base, fact: s.fact };
  };

  const put = (key: string, p: Pending | undefined) =>
    setEntries((all) => {
      const next = { ...all };
      if (p) next[key] = p;
      else delete next[key];
      return next;
    });

  const settle = (x: Target, value: Value, version: number | null) => {
    const s = stored(x);
    confirmed.current.set(rowKey(x), { version, seenVersion: s.version, base: null });
    confirmed.current.set(targetKey(x), { version, seenVersion: s.version, base: value });
    put(targetKey(x), { target: x, value, state: "saved", seenVersion: s.version });
  };

  const conflict = (x: Target, mine: Value, theirs: Value, theirsVersion: number | null, changedBy: string | null) => {
    const s = stored(x);
    confirmed.current.set(rowKey(x), { version: theirsVersion, seenVersion: s.version, base: null });
    confirmed.current.set(targetKey(x), { version: theirsVersion, seenVersion: s.version, base: theirs });
    put(targetKey(x), { target: x, value: mine, state: "conflict", seenVersion: s.version, theirs, changedBy });
  };

  const fail = (x: Target, value: Value, error: string) =>
    put(targetKey(x), { target: x, value, state: "failed", seenVersion: stored(x).version, error });

  const send = async (x: Target, value: Value): Promise<void> => {
    const { version, base, fact } = basisOf(x);
    const d = data.current.decision.id;
    try {
      if (x.t === "score") {
        const ids = { decisionId: d, criterionId: x.criterionId, candidateId: x.candidateId };
        if (value === null) {
          if (version === null) return settle(x, null, null);
          const r = await withRetry(() => deleteScoreAction({ ...ids, version }));
          if (r.ok) return settle(x, null, null);
          if (r.error === "stale") {
            const cur = (r.current as ScoreDto | null) ?? null;
            return conflict(x, value, cur?.value ?? null, cur?.version ?? null, null);
          }
          return fail(x, value, r.error);
        }
        const r = await withRetry(() => saveScoreAction({ ...ids, value: Number(value), version }));
        if (r.ok && r.data) return settle(x, r.data.value, r.data.version);
        if (!r.ok && r.error === "stale") {
          const cur = (r.current as ScoreDto | null) ?? null;
          return conflict(x, value, cur?.value ?? null, cur?.version ?? null, null);
        }
        return fail(x, value, r.ok ? "unknown" : (r.fieldErrors?.value ?? r.error));
      }
      if (x.t === "fact") {
        const ids = { decisionId: d, criterionId: x.criterionId, candidateId: x.candidateId };
        if (value === null) {
          if (version === null) return settle(x, null, null);
          const r = await withRetry(() => clearFactAction({ ...ids, version }));
          if (r.ok) return settle(x, null, null);
          if (r.error === "stale") {
            const cur = (r.current as FactDto | null) ?? null;
            return conflict(x, value, cur?.value ?? null, cur?.version ?? null, cur?.enteredByName ?? null);
          }
          return fail(x, value, r.error);
        }
        // The value changes; the rest of the fact (unit, source, note, day) stays as entered in the facts editor.
        const r = await withRetry(() =>
          setFactAction({
            ...ids,
            value: Number(value),
            unit: fact?.unit ?? "",
            sourceUrl: fact?.sourceUrl ?? "",
            note: fact?.note ?? "",
            measuredOn: fact?.measuredOn ?? todayIso(),
            version,
          }),
        );
        if (r.ok && r.data) return settle(x, r.data.value, r.data.version);
        if (!r.ok && r.error === "stale") {
          const cur = (r.current as FactDto | null) ?? null;
          return conflict(x, value, cur?.value ?? null, cur?.version ?? null, cur?.enteredByName ?? null);
        }
        return fail(x, value, r.ok ? "unknown" : (Object.values(r.fieldErrors ?? {})[0] ?? r.error));
      }
      if (version === null) return fail(x, value, "notFound");
      const text = value === null ? "" : String(value);
      const r: ActionResult<{ version: number; value: Value }> =
        x.t === "crit"
          ? // The matrix edits names and weights only, never the boolean field.
            ((await withRetry(() =>
              updateCriterionFieldAction({ criterionId: x.id, version, field: x.field, base, value: text }),
            )) as ActionResult<{ version: number; value: Value }>)
          : await withRetry(() =>
              updateCandidateFieldAction({
                candidateId: x.id,
                version,
                field: "name",
                base: base === null ? null : String(base),
                value: text,
              }),
            );
      if (r.ok && r.data) return settle(x, r.data.value, r.data.version);
      if (!r.ok && r.error === "stale") {
        const cur = r.current as { theirs: Value; changedBy: string | null; row: { version: number } | null } | null;
        return conflict(x, value, cur?.theirs ?? null, cur?.row?.version ?? null, cur?.changedBy ?? null);
      }
      return fail(x, value, r.ok ? "unknown" : (Object.values(r.fieldErrors ?? {})[0] ?? r.error));
    } catch {
      return fail(x, value, "network");
    }
  };

  /** Saves `value` into `x`; `remember` puts it on the undo history (undo and redo themselves do not). */
  const commit = useCallback(
    (x: Target, value: Value, remember = true) => {
      const key = targetKey(x);
      if (remember) {
        const before = displayedValue(x);
        setHistory((h) => record(h, { target: key, before, after: value }));
      }
      put(key, { target: x, value, state: "saving", seenVersion: stored(x).version });
      const prev = queues.current.get(rowKey(x)) ?? Promise.resolve();
      // A cell's save waits for its criterion's field saves already on their way (a kind or a unit just changed
      // decides whether the value is a rating or a fact, and in which unit).
      const criterionRow = x.t === "score" || x.t === "fact" ? queues.current.get(`crit:${x.criterionId}`) : undefined;
      const next = Promise.all([prev, criterionRow]).then(() => send(x, value));
      queues.current.set(rowKey(x), next);
      return next;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries],
  );

  /** What the cell shows: the value on its way or in conflict, else the newest of the page data and our saves. */
  function displayedValue(x: Target): Value {
    const p = entries[targetKey(x)];
    const s = stored(x);
    if (!p) return s.value;
    if (p.state === "saving" || p.state === "conflict") return p.value;
    if (p.state === "saved" && p.seenVersion === s.version) return p.value;
    return s.value;
  }

  /** The value the figures use: like the cell, except that a value in conflict is not saved, so it does not count. */
  function savedValue(x: Target): Value {
    const p = entries[targetKey(x)];
    if (p?.state === "conflict") return basisOf(x).base;
    return displayedValue(x);
  }

  const resolve = (key: string, choice: "mine" | "theirs") => {
    const p = entries[key];
    if (!p || p.state !== "conflict") return;
    if (choice === "mine") void commit(p.target, p.value, false);
    else {
      put(key, { target: p.target, value: p.theirs ?? null, state: "saved", seenVersion: stored(p.target).version });
      router.refresh();
    }
  };

  const dismiss = (key: string) => put(key, undefined);

  /** A step the person took elsewhere in the view (a paste, a row typed at the edge) joins the undo history. */
  const recordStep = (step: Step<Value>) => setHistory((h) => record(h, step));

  /** A paste that went through: one step, and the versions it left, so the next save or undo builds on them. */
  const recordPaste = (u: PasteUndo) => {
    const edits = u.changes.map((c) => {
      const x: Target =
        c.what === "weight"
          ? { t: "crit", id: c.criterionId, field: "weight" }
          : { t: c.what, criterionId: c.criterionId, candidateId: c.candidateId };
      settle(x, c.after, c.version);
      return { target: targetKey(x), before: c.before as Value, after: c.after as Value };
    });
    for (const r of u.created) createdVersions.current.set(r.id, r.version);
    recordStep({ edits, created: u.created.map(({ kind, id }) => ({ kind, id })) });
  };

  /** A row typed at the edge: one step whose undo removes it again. */
  const recordAdded = (row: CreatedRow & { version: number }) => {
    createdVersions.current.set(row.id, row.version);
    recordStep({ edits: [], created: [{ kind: row.kind, id: row.id }] });
  };

  const rowTarget = (r: CreatedRow): Target =>
    r.kind === "criterion" ? { t: "crit", id: r.id, field: "name" } : { t: "cand", id: r.id, field: "name" };

  /** Removes a row a step created, only while it is as this tab knows it and holds nobody else's values. */
  const removeCreated = async (r: CreatedRow) => {
    const d = data.current.decision;
    const stored = (r.kind === "criterion" ? d.criteria : d.candidates).find((x) => x.id === r.id);
    const version = basisOf(rowTarget(r)).version ?? stored?.version ?? createdVersions.current.get(r.id);
    try {
      const res =
        r.kind === "criterion"
          ? await withRetry(() => removeCriterionAction({ id: r.id, version }))
          : await withRetry(() => removeCandidateAction({ id: r.id, version }));
      if (res.ok && res.data) undoTokens.current.set(r.id, res.data.undoToken);
      else if (!res.ok && res.error !== "notFound")
        fail(rowTarget(r), stored?.name ?? null, res.error === "stale" ? "undoRemoveChanged" : res.error);
    } catch {
      fail(rowTarget(r), stored?.name ?? null, "network");
    }
  };

  /** Brings back a row an undo removed (idempotent on the server). */
  const restoreCreated = async (r: CreatedRow) => {
    const undoToken = undoTokens.current.get(r.id);
    if (!undoToken) return; // never removed (its removal was refused): it is still there
    const decisionId = data.current.decision.id;
    try {
      const res =
        r.kind === "criterion"
          ? await withRetry(() => restoreCriterionAction({ decisionId, undoToken }))
          : await withRetry(() => restoreCandidateAction({ decisionId, undoToken }));
      if (res.ok && res.data) {
        undoTokens.current.delete(r.id);
        createdVersions.current.set(r.id, res.data.version);
      } else if (!res.ok) fail(rowTarget(r), null, res.error);
    } catch {
      fail(rowTarget(r), null, "network");
    }
  };

  /** Replays an undo or a redo: rows back first, then the values, then rows away; the page data follows. */
  const replay = (plan: Replay<Value>): Target | null => {
    const targets = plan.set.map((v) => ({ x: parseTargetKey(v.target), value: v.value }));
    void (async () => {
      for (const r of plan.restore) await restoreCreated(r);
      const saves = targets.flatMap(({ x, value }) => (x ? [commit(x, value, false)] : []));
      await Promise.all([...saves, ...plan.remove.map(removeCreated)]);
      if (plan.restore.length > 0 || plan.remove.length > 0) router.refresh();
    })();
    return targets.find((t) => t.x)?.x ?? null;
  };

  const undo = () => {
    const u = undoStep(history);
    if (!u) return null;
    setHistory(u.history);
    return replay(undoReplay(u.step));
  };
  const redo = () => {
    const r = redoStep(history);
    if (!r) return null;
    setHistory(r.history);
    return replay(redoReplay(r.step));
  };

  const states = Object.values(entries).map((e) => e.state);
  const status: SaveStatus = states.includes("conflict")
    ? "conflict"
    : states.includes("failed")
      ? "failed"
      : states.includes("saving")
        ? "saving"
        : states.length > 0
          ? "saved"
          : "idle";

  /** The versions this tab builds on, for a paste: every row and cell it knows. */
  const basis = () => {
    const d = data.current.decision;
    const criteria: Record<string, number> = {};
    for (const c of d.criteria) {
      const v = basisOf({ t: "crit", id: c.id, field: "weight" }).version;
      if (v !== null) criteria[c.id] = v;
    }
    const scores: Record<string, number> = {};
    const facts: Record<string, number> = {};
    for (const c of d.criteria)
      for (const k of d.candidates) {
        const s = basisOf({ t: "score", criterionId: c.id, candidateId: k.id }).version;
        if (s !== null) scores[`${c.id}:${k.id}`] = s;
        const f = basisOf({ t: "fact", criterionId: c.id, candidateId: k.id }).version;
        if (f !== null) facts[`${c.id}:${k.id}`] = f;
      }
    return { criteria, scores, facts };
  };

  return {
    entries,
    status,
    commit,
    displayedValue,
    savedValue,
    resolve,
    dismiss,
    undo,
    redo,
    recordPaste,
    recordAdded,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    basis,
  };
}
