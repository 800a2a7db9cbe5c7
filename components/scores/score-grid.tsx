"use client";
// The score grid: criteria (rows) × candidates (columns), keyboard-first like a spreadsheet. The person edits only
// their own scores; totals are recomputed in the browser with the same engine as the server, including the value
// being typed. Blind scoring is enforced by the server (others' scores are not sent until the grid is complete).
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import type { CriterionDto, ScoreDto } from "@/lib/decisions/dto";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision, type CellResult } from "@/lib/scoring";
import type { ScoreGrid as ScoreGridData } from "@/lib/server/scores";
import { parseScoreText, ratingBounds, scoreValueProblem } from "@/lib/validation/score";
import { formatPoints, formatRaw } from "@/components/decisions/number-format";
import { ScoreConflicts } from "./score-conflicts";
import { ScorePanel } from "./score-panel";
import { ScoreProgress } from "./score-progress";
import { cellKey, useScoreSaver, type SaveOp } from "./use-score-saver";

type Pos = { r: number; c: number };
type Editing = { text: string; error: string | null };

export function ScoreGrid({ grid }: { grid: ScoreGridData }) {
  const t = useTranslations("scores");
  const f = useFormatter();
  const router = useRouter();
  const { decision, me, canScore, hidden } = grid;
  const { candidates } = decision,
    criteria = grid.opinionCriteria; // METRIC rows are facts (components/facts)
  const ownFromServer = useMemo(() => decision.scores.filter((s) => s.evaluatorId === me.id), [decision.scores, me.id]);
  const others = useMemo(() => decision.scores.filter((s) => s.evaluatorId !== me.id), [decision.scores, me.id]);
  const saver = useScoreSaver(decision.id, ownFromServer);

  const [active, setActive] = useState<Pos>({ r: 0, c: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement | null>());
  const inputRef = useRef<HTMLInputElement | null>(null);
  const wantFocus = useRef(false);
  /** True while an editor is open and not yet committed or cancelled (blur must not commit twice). */
  const editorOpen = useRef(false);

  const activeCriterion = criteria[active.r];
  const activeCandidate = candidates[active.c];
  const scorable = (c: CriterionDto) => c.kind !== "SKILL_MATCH";
  const editable = (c: CriterionDto) => canScore && scorable(c);

  // The draft being typed counts towards the totals as soon as it is a valid value.
  const draft = useMemo(() => {
    if (!editing || !activeCriterion || !activeCandidate) return null;
    const parsed = parseScoreText(editing.text);
    if (!parsed.ok || scoreValueProblem(activeCriterion, parsed.value)) return null;
    return { key: cellKey(activeCriterion.id, activeCandidate.id), value: parsed.value };
  }, [editing, activeCriterion, activeCandidate]);

  const myScores = useMemo(() => {
    const out: ScoreDto[] = [];
    for (const cr of criteria)
      for (const ca of candidates) {
        const key = cellKey(cr.id, ca.id);
        const v = draft?.key === key ? draft.value : saver.valueOf(key);
        if (v !== null && scorable(cr)) out.push({ ...(saver.mine[key] ?? blankScore(cr.id, ca.id, me.id)), value: v });
      }
    return out;
  }, [criteria, candidates, draft, saver, me.id]);

  const outcome = useMemo(
    () =>
      evaluateDecision(toScoringModel({ ...decision, scores: [...others, ...(canScore ? myScores : [])] }), {
        teamAggregation: teamAggregationOf(decision),
        monteCarlo: { samples: 0 },
      }),
    [decision, others, myScores, canScore],
  );
  const result = outcome.ok ? outcome.result : null;
  const cells = useMemo(
    () => new Map(result?.cells.map((c) => [cellKey(c.criterionId, c.candidateId), c]) ?? []),
    [result],
  );

  const scorableCount = criteria.filter(scorable).length * candidates.length;
  const myCount = criteria
    .filter(scorable)
    .reduce((n, cr) => n + candidates.filter((ca) => saver.valueOf(cellKey(cr.id, ca.id)) !== null).length, 0);

  // Completing the grid lifts the blind: fetch the group's scores once the last save has landed.
  const confirmedCount = Object.keys(saver.mine).filter((k) => {
    const cr = criteria.find((c) => k.startsWith(`${c.id}:`));
    return cr && scorable(cr);
  }).length;
  const savingAny = Object.values(saver.states).some((s) => s === "saving");
  const refreshedAt = useRef(-1);
  useEffect(() => {
    if (hidden && canScore && !savingAny && confirmedCount >= scorableCount && refreshedAt.current !== confirmedCount) {
      refreshedAt.current = confirmedCount;
      router.refresh();
    }
  }, [hidden, canScore, savingAny, confirmedCount, scorableCount, router]);

  // Warn before leaving while a save is in flight or failed, so a typed value is never dropped silently.
  const unsaved = savingAny || Object.keys(saver.failures).some((k) => saver.failures[k].retryable);
  useEffect(() => {
    if (!unsaved) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [unsaved]);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wantFocus.current) cellRefs.current.get(`${active.r}:${active.c}`)?.focus();
    wantFocus.current = false;
  }, [active, editing]);

  const move = (dr: number, dc: number, wrap = false) => {
    setActive(({ r, c }) => {
      let nr = r + dr;
      let nc = c + dc;
      if (wrap && nc >= candidates.length) [nr, nc] = [r + 1, 0];
      if (wrap && nc < 0) [nr, nc] = [r - 1, candidates.length - 1];
      return { r: clamp(nr, 0, criteria.length - 1), c: clamp(nc, 0, candidates.length - 1) };
    });
    wantFocus.current = true;
  };

  const errorMessage = (key: string, cr: CriterionDto) => {
    const { min, max } = ratingBounds(cr);
    return t.has(`errors.${key}` as never)
      ? t(`errors.${key}` as never, { min: formatRaw(f, min), max: formatRaw(f, max) } as never)
      : t("errors.unknown");
  };

  /** Validates the draft; on success saves it and returns true (the caller moves on). */
  const commitDraft = (): boolean => {
    if (!editing || !activeCriterion || !activeCandidate) return true;
    const parsed = parseScoreText(editing.text);
    const problem = parsed.ok ? scoreValueProblem(activeCriterion, parsed.value) : parsed.error;
    if (problem || !parsed.ok) {
      setEditing({ ...editing, error: problem ?? "valueNotNumber" });
      return false;
    }
    const key = cellKey(activeCriterion.id, activeCandidate.id);
    if (editorOpen.current && saver.valueOf(key) !== parsed.value)
      void saver.commit(activeCriterion.id, activeCandidate.id, { kind: "save", value: parsed.value });
    editorOpen.current = false;
    setEditing(null);
    wantFocus.current = true;
    return true;
  };

  /**
   * Opens the cell editor. When started by typing, the editor is rendered and focused synchronously inside the
   * keydown, so the browser types that key (and any that follow quickly) into it: no keystroke is lost.
   */
  const startEditing = (text: string) => {
    if (!activeCriterion || !editable(activeCriterion)) return false;
    editorOpen.current = true;
    flushSync(() => setEditing({ text, error: null }));
    inputRef.current?.focus();
    return true;
  };
  const cancelEditing = () => {
    editorOpen.current = false;
    setEditing(null);
    wantFocus.current = true;
  };

  const onCellKey = (e: KeyboardEvent<HTMLTableCellElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    const nav: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (nav[key]) {
      e.preventDefault();
      move(...nav[key]);
    } else if (key === "Enter") {
      e.preventDefault();
      move(e.shiftKey ? -1 : 1, 0);
    } else if (key === "Tab") {
      // Tab walks the cells in reading order; from the last (or first) cell it leaves the grid as usual.
      const atEnd = e.shiftKey
        ? active.r === 0 && active.c === 0
        : active.r === criteria.length - 1 && active.c === candidates.length - 1;
      if (atEnd) return;
      e.preventDefault();
      move(0, e.shiftKey ? -1 : 1, true);
    } else if (key === "Home" || key === "End") {
      e.preventDefault();
      setActive(({ r }) => ({ r, c: key === "Home" ? 0 : candidates.length - 1 }));
      wantFocus.current = true;
    } else if (key === "F2") {
      e.preventDefault();
      const v =
        activeCriterion && activeCandidate ? saver.valueOf(cellKey(activeCriterion.id, activeCandidate.id)) : null;
      startEditing(v === null ? "" : String(v));
    } else if (key === "Delete" || key === "Backspace") {
      e.preventDefault();
      if (
        activeCriterion &&
        activeCandidate &&
        editable(activeCriterion) &&
        saver.valueOf(cellKey(activeCriterion.id, activeCandidate.id)) !== null
      ) {
        void saver.commit(activeCriterion.id, activeCandidate.id, { kind: "delete" });
      }
    } else if (key === "i" || key === "I") {
      e.preventDefault();
      setPanelOpen(true);
    } else if (key.length === 1 && key !== " ") {
      // Typing starts editing with what was typed, like a spreadsheet (the browser inserts the key into the editor).
      if (!startEditing("")) e.preventDefault();
    }
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      cancelEditing();
    } else if (e.key === "Enter" || e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (commitDraft()) move(e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey) ? -1 : 1, 0);
    } else if (e.key === "Tab") {
      e.preventDefault();
      if (commitDraft()) move(0, e.shiftKey ? -1 : 1, true);
    }
  };

  const cellLabel = (criterionId: string, candidateId: string) =>
    `${candidates.find((c) => c.id === candidateId)?.name ?? ""} · ${criteria.find((c) => c.id === criterionId)?.name ?? ""}`;

  const saveStatus = (() => {
    const states = Object.values(saver.states);
    if (states.includes("conflict")) return t("status.conflict");
    if (states.includes("failed")) return t("status.failed");
    if (states.includes("saving")) return t("status.saving");
    if (states.includes("saved")) return t("status.saved");
    return "";
  })();

  const notice = grid.locked
    ? t("lockedNotice")
    : !canScore
      ? t("viewerNotice")
      : hidden
        ? t("blindNotice", { total: scorableCount })
        : grid.blindScoring
          ? t("revealedNotice")
          : null;
  const editError = editing?.error && activeCriterion ? errorMessage(editing.error, activeCriterion) : null;
  const failureList = Object.entries(saver.failures);

  return (
    <section className="score-page" aria-labelledby="scores-heading">
      <h2 id="scores-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {notice ? (
        <p className="callout" data-testid="score-notice">
          {notice}
        </p>
      ) : null}
      <p className="hint" id="score-keyboard-help">
        {t("keyboardHelp")}
      </p>

      <div className="score-toolbar">
        <button type="button" onClick={() => setPanelOpen(true)} aria-controls="score-panel" aria-expanded={panelOpen}>
          {t("detailsButton")}
        </button>
        <p role="status" aria-live="polite" className="score-save-status" data-testid="save-status">
          {saveStatus}
        </p>
      </div>

      <ScoreConflicts
        conflicts={saver.conflicts}
        label={cellLabel}
        format={(v) => formatRaw(f, v)}
        onResolve={(key, choice) => {
          const [criterionId, candidateId] = key.split(":");
          saver.resolve(criterionId, candidateId, choice);
        }}
      />

      <div role="alert" className="score-errors">
        {editError ? (
          <p className="field-error" id="score-edit-error" data-testid="score-error">
            {cellLabel(activeCriterion.id, activeCandidate.id)}: {editError}
          </p>
        ) : null}
        {failureList.map(([key, fl]) => {
          const [criterionId, candidateId] = key.split(":");
          const cr = criteria.find((c) => c.id === criterionId);
          return (
            <p className="field-error" key={key} data-testid="score-error">
              {cellLabel(criterionId, candidateId)}: {cr ? errorMessage(fl.error, cr) : t("errors.unknown")}{" "}
              {fl.retryable ? (
                <button type="button" onClick={() => saver.retry(criterionId, candidateId)}>
                  {t("status.retry")}
                </button>
              ) : (
                <button type="button" onClick={() => saver.dismissFailure(key)} aria-label={t("panel.close")}>
                  ×
                </button>
              )}
            </p>
          );
        })}
      </div>

      <div className={panelOpen ? "score-layout with-panel" : "score-layout"}>
        <div className="table-scroll">
          <table
            role="grid"
            className="data-table score-grid"
            aria-label={t("grid.label")}
            aria-describedby="score-keyboard-help"
            aria-rowcount={criteria.length + 2}
            aria-colcount={candidates.length + 1}
            aria-readonly={canScore ? undefined : true}
            data-testid="score-grid"
          >
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" aria-colindex={1}>
                  {t("grid.criterion")}
                </th>
                {candidates.map((ca, j) => (
                  <th scope="col" className="num" key={ca.id} aria-colindex={j + 2}>
                    {ca.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {criteria.map((cr, i) => (
                <tr key={cr.id} aria-rowindex={i + 2} data-criterion={cr.name}>
                  <th scope="row" aria-colindex={1}>
                    {cr.name}
                    <span className="sub">{scaleText(cr, t, f)}</span>
                  </th>
                  {candidates.map((ca, j) => {
                    const key = cellKey(cr.id, ca.id);
                    const isActive = active.r === i && active.c === j;
                    const isEditing = isActive && editing !== null;
                    const state = saver.states[key];
                    const mineRow = saver.mine[key];
                    return (
                      <td
                        key={ca.id}
                        ref={(el) => {
                          cellRefs.current.set(`${i}:${j}`, el);
                        }}
                        aria-colindex={j + 2}
                        aria-selected={isActive}
                        aria-readonly={editable(cr) ? undefined : true}
                        tabIndex={isActive && !isEditing ? 0 : -1}
                        className={[
                          "num score-cell",
                          isActive ? "active" : "",
                          state ? `state-${state}` : "",
                          cells.get(key)?.disagreement && !hidden ? "disagree" : "",
                        ]
                          .filter(Boolean)
                          .join(" ")}
                        data-candidate={ca.name}
                        data-state={state ?? undefined}
                        onKeyDown={isEditing ? undefined : onCellKey}
                        onClick={() => {
                          if (!isActive) {
                            if (editing && !commitDraft()) return;
                            setActive({ r: i, c: j });
                            wantFocus.current = true;
                          }
                        }}
                        onDoubleClick={() => {
                          const v = saver.valueOf(key);
                          if (isActive && !isEditing) startEditing(v === null ? "" : String(v));
                        }}
                      >
                        {isEditing ? (
                          <input
                            ref={inputRef}
                            className="score-input"
                            inputMode="decimal"
                            autoComplete="off"
                            aria-label={t("grid.editLabel", { candidate: ca.name, criterion: cr.name })}
                            aria-invalid={editing.error ? true : undefined}
                            aria-describedby={editing.error ? "score-edit-error" : undefined}
                            value={editing.text}
                            onChange={(e) => setEditing({ text: e.target.value, error: null })}
                            onKeyDown={onInputKey}
                            onBlur={(e) => {
                              // Clicking elsewhere in the page commits like Enter would (but keeps a bad value open).
                              if (
                                editorOpen.current &&
                                !e.currentTarget.closest("table")?.contains(e.relatedTarget as Node | null)
                              )
                                commitDraft();
                            }}
                          />
                        ) : (
                          <CellContent
                            criterion={cr}
                            cell={cells.get(key)}
                            mine={canScore && scorable(cr) ? saver.valueOf(key) : null}
                            showGroup={!hidden}
                            canScore={canScore}
                            hasNotes={Boolean(mineRow && (mineRow.rationale || mineRow.evidenceUrl))}
                          />
                        )}
                        {state && state !== "saved" ? (
                          <span className="visually-hidden"> ({t(`grid.cellState.${state}`)})</span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr aria-rowindex={criteria.length + 2}>
                <th scope="row" aria-colindex={1}>
                  {canScore && hidden ? t("grid.yourTotal") : t("grid.groupTotal")}
                </th>
                {candidates.map((ca, j) => {
                  const r = result?.ranking.find((x) => x.candidateId === ca.id);
                  return (
                    <td
                      key={ca.id}
                      className="num"
                      aria-colindex={j + 2}
                      data-testid="score-total"
                      data-candidate={ca.name}
                    >
                      {/* A candidate with no score at all has no total (missing is never zero). */}
                      <span className="total-value">
                        {r && r.contributions.some((x) => x.contribution !== null) ? formatPoints(f, r.total) : "—"}
                      </span>
                      {r?.incomplete ? <span className="sub">{t("grid.incomplete")}</span> : null}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </div>
        {panelOpen && activeCriterion && activeCandidate ? (
          <ScorePanel
            key={`${activeCriterion.id}:${activeCandidate.id}`}
            criterion={activeCriterion}
            candidate={activeCandidate}
            mine={saver.mine[cellKey(activeCriterion.id, activeCandidate.id)] ?? null}
            myValue={saver.valueOf(cellKey(activeCriterion.id, activeCandidate.id))}
            canEdit={editable(activeCriterion)}
            others={
              hidden
                ? []
                : others.filter((s) => s.criterionId === activeCriterion.id && s.candidateId === activeCandidate.id)
            }
            evaluatorNames={Object.fromEntries(grid.progress.map((p) => [p.id, p.name]))}
            cell={cells.get(cellKey(activeCriterion.id, activeCandidate.id))}
            onSave={(op: SaveOp) => saver.commit(activeCriterion.id, activeCandidate.id, op)}
            onClose={() => {
              setPanelOpen(false);
              wantFocus.current = true;
              setActive((a) => ({ ...a }));
            }}
          />
        ) : null}
      </div>

      <ScoreProgress progress={grid.progress} me={me.id} myCount={canScore ? myCount : null} total={scorableCount} />
    </section>
  );
}

function CellContent(props: {
  criterion: CriterionDto;
  cell: CellResult | undefined;
  mine: number | null;
  showGroup: boolean;
  canScore: boolean;
  hasNotes: boolean;
}) {
  const t = useTranslations("scores.grid");
  const f = useFormatter();
  const { criterion, cell, mine, showGroup, canScore } = props;
  if (criterion.kind === "SKILL_MATCH") {
    return (
      <>
        <span className="cell-value">{cell?.points != null ? formatPoints(f, cell.points) : "—"}</span>
        <span className="sub">{t("computed")}</span>
      </>
    );
  }
  const group = showGroup && cell && !cell.missing && cell.value !== null ? cell : null;
  const main = canScore ? mine : (group?.value ?? null);
  return (
    <>
      <span className="cell-value">
        {main === null ? <span aria-label={t("notScored")}>—</span> : formatRaw(f, main)}
      </span>
      {props.hasNotes ? (
        <span className="notes-dot" title={t("hasNotes")} aria-label={t("hasNotes")} role="img" />
      ) : null}
      {group ? (
        <span className="sub group-summary" data-testid="cell-group">
          {canScore ? `${t("mean", { value: formatRaw(f, round2(group.value!)) })} · ` : ""}
          {t("spread", { min: formatRaw(f, group.min!), max: formatRaw(f, group.max!) })} ·{" "}
          {t("evaluators", { count: group.evaluatorCount })}
        </span>
      ) : null}
      {group?.disagreement ? (
        <span className="flag flag-disagree" data-testid="disagreement">
          {t("disagreement")}
        </span>
      ) : null}
    </>
  );
}

function scaleText(
  cr: CriterionDto,
  t: ReturnType<typeof useTranslations<"scores">>,
  f: ReturnType<typeof useFormatter>,
): string {
  if (cr.kind === "SKILL_MATCH") return t("grid.computed");
  if (cr.kind === "METRIC") return cr.unit ? t("grid.unit", { unit: cr.unit }) : t("grid.metric");
  const { min, max } = ratingBounds(cr);
  return t("grid.scale", { min: formatRaw(f, min), max: formatRaw(f, max) });
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round2 = (v: number) => Math.round(v * 100) / 100;
const blankScore = (criterionId: string, candidateId: string, evaluatorId: string): ScoreDto => ({
  id: "",
  criterionId,
  candidateId,
  evaluatorId,
  value: 0,
  rationale: "",
  evidenceUrl: "",
  version: 0,
});
