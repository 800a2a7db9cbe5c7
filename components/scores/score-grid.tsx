"use client";
// The score grid: criteria (rows) × candidates (columns), keyboard-first like a spreadsheet. The person edits only
// their own scores; totals are recomputed in the browser with the same engine as the server, including the value
// being typed. Blind scoring is enforced by the server (others' scores are not sent until the grid is complete).
// This component holds the grid's state; the keyboard is grid-navigation.ts, the figures use-live-totals.ts.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import type { CriterionDto } from "@/lib/decisions/dto";
import type { ScoreGrid as ScoreGridData } from "@/lib/server/scores";
import { parseScoreText, scoreValueProblem } from "@/lib/validation/score";
import { formatRaw } from "@/components/decisions/number-format";
import { focusBeyond } from "@/components/matrix/focus-beyond";
import { cellKeyAction, editorKeyAction, type GridPos } from "./grid-navigation";
import { ScoreCell, type Editing } from "./score-cell";
import { ScoreConflicts } from "./score-conflicts";
import { ScoreErrors } from "./score-errors";
import { ScorePanel } from "./score-panel";
import { ScoreProgress } from "./score-progress";
import { ScoreRow } from "./score-row";
import { ScoreTotalsRow } from "./score-totals-row";
import { useLeaveWarning } from "./use-leave-warning";
import { isScorable, useLiveTotals } from "./use-live-totals";
import { useRevealRefresh } from "./use-reveal-refresh";
import { cellKey, useScoreSaver, type SaveOp } from "./use-score-saver";
import { isPairwise } from "@/lib/scoring";

export function ScoreGrid({ grid }: { grid: ScoreGridData }) {
  const t = useTranslations("scores");
  const f = useFormatter();
  const { decision, me, canScore, hidden } = grid;
  const { candidates } = decision;
  const criteria = grid.opinionCriteria; // METRIC rows are facts (components/facts)
  const size = { rows: criteria.length, cols: candidates.length };
  const ownFromServer = useMemo(() => decision.scores.filter((s) => s.evaluatorId === me.id), [decision.scores, me.id]);
  const saver = useScoreSaver(decision.id, ownFromServer);

  const [active, setActive] = useState<GridPos>({ r: 0, c: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement | null>());
  const inputRef = useRef<HTMLInputElement | null>(null);
  const wantFocus = useRef(false);
  /** True while an editor is open and not yet committed or cancelled (blur must not commit twice). */
  const editorOpen = useRef(false);

  const activeCriterion = criteria[active.r];
  const activeCandidate = candidates[active.c];
  const activeKey = activeCriterion && activeCandidate ? cellKey(activeCriterion.id, activeCandidate.id) : null;
  const editable = (c: CriterionDto) => canScore && isScorable(c);

  // The draft being typed counts towards the totals as soon as it is a valid value.
  const draft = useMemo(() => {
    if (!editing || !activeCriterion || !activeKey) return null;
    const parsed = parseScoreText(editing.text);
    if (!parsed.ok || scoreValueProblem(activeCriterion, parsed.value)) return null;
    return { key: activeKey, value: parsed.value };
  }, [editing, activeCriterion, activeKey]);

  const { result, ownResult, cells, others } = useLiveTotals({ decision, meId: me.id, canScore, own: saver, draft });

  const scorableCriteria = criteria.filter(isScorable);
  const pairwiseCriteria = decision.criteria.filter(isPairwise);
  const scorableCount = scorableCriteria.length * candidates.length;
  const countOwn = (has: (key: string) => boolean) =>
    scorableCriteria.reduce((n, cr) => n + candidates.filter((ca) => has(cellKey(cr.id, ca.id))).length, 0);
  const myCount = countOwn((k) => saver.valueOf(k) !== null);
  const savingAny = Object.values(saver.states).some((s) => s === "saving");
  useRevealRefresh({
    blind: hidden && canScore,
    confirmed: countOwn((k) => k in saver.mine),
    total: scorableCount,
    saving: savingAny,
  });
  useLeaveWarning(savingAny || Object.values(saver.failures).some((fl) => fl.retryable));

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wantFocus.current) cellRefs.current.get(`${active.r}:${active.c}`)?.focus();
    wantFocus.current = false;
  }, [active, editing]);

  const moveTo = (to: GridPos) => {
    setActive(to);
    wantFocus.current = true;
  };

  /** Validates the draft; on success saves it and returns true (the caller moves on). */
  const commitDraft = (): boolean => {
    if (!editing || !activeCriterion || !activeCandidate || !activeKey) return true;
    const parsed = parseScoreText(editing.text);
    const problem = parsed.ok ? scoreValueProblem(activeCriterion, parsed.value) : parsed.error;
    if (problem || !parsed.ok) {
      setEditing({ ...editing, error: problem ?? "valueNotNumber" });
      return false;
    }
    if (editorOpen.current && saver.valueOf(activeKey) !== parsed.value)
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
  const activeValue = () => (activeKey ? saver.valueOf(activeKey) : null);

  const onCellKey = (e: KeyboardEvent<HTMLTableCellElement>) => {
    const action = cellKeyAction(e, active, size);
    if (action.kind === "none") return;
    if (action.kind === "type") {
      // Typing starts editing with what was typed, like a spreadsheet (the browser inserts the key into the editor).
      if (!startEditing("")) e.preventDefault();
      return;
    }
    e.preventDefault();
    if (action.kind === "move") moveTo(action.to);
    else if (action.kind === "edit") {
      const v = activeValue();
      startEditing(v === null ? "" : String(v));
    } else if (action.kind === "clear") {
      if (activeCriterion && activeCandidate && editable(activeCriterion) && activeValue() !== null)
        void saver.commit(activeCriterion.id, activeCandidate.id, { kind: "delete" });
    } else if (action.kind === "details") setPanelOpen(true);
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const action = editorKeyAction(e, active, size);
    if (action.kind === "none") return;
    e.preventDefault();
    if (action.kind === "cancel") cancelEditing();
    else if (action.kind === "commitAndLeave") {
      const table = e.currentTarget.closest("table");
      if (commitDraft()) {
        wantFocus.current = false;
        focusBeyond(table, action.backwards);
      }
    } else if (commitDraft()) moveTo(action.to);
  };

  const onEditorBlur = (e: FocusEvent<HTMLInputElement>) => {
    // Clicking elsewhere in the page commits like Enter would (but keeps a bad value open).
    if (editorOpen.current && !e.currentTarget.closest("table")?.contains(e.relatedTarget as Node | null))
      commitDraft();
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
        ? // The blind holds until the pairwise questions are answered too (lib/server/blind.ts counts both).
          grid.scorableCells > scorableCount
          ? t("blindNoticePairs", { total: scorableCount, pairs: grid.scorableCells - scorableCount })
          : t("blindNotice", { total: scorableCount })
        : grid.blindScoring
          ? t("revealedNotice")
          : null;

  return (
    <section className="score-page" aria-labelledby="scores-heading">
      <h2 id="scores-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {notice ? (
        <p className="callout" data-testid="score-notice">
          {notice}
        </p>
      ) : null}
      {pairwiseCriteria.length > 0 ? (
        <p className="callout" data-testid="pairwise-notice">
          {t("pairwiseNotice", {
            count: pairwiseCriteria.length,
            names: pairwiseCriteria.map((c) => c.name).join(", "),
          })}{" "}
          <Link href={`/decisions/${decision.id}/ahp#compare`}>{t("pairwiseOpen")}</Link>
        </p>
      ) : null}
      <p className="hint" id="score-keyboard-help">
        {canScore ? t("keyboardHelp") : t("keyboardHelpReadOnly")}
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

      <ScoreErrors
        criteria={criteria}
        label={cellLabel}
        editError={
          editing?.error && activeCriterion && activeCandidate
            ? { criterion: activeCriterion, candidateId: activeCandidate.id, error: editing.error }
            : null
        }
        failures={saver.failures}
        onRetry={saver.retry}
        onDismiss={saver.dismissFailure}
      />

      <div className={panelOpen ? "score-layout with-panel" : "score-layout"}>
        <div className="table-scroll">
          <table
            role="grid"
            className="data-table score-grid"
            aria-label={t("grid.label")}
            aria-describedby="score-keyboard-help"
            aria-rowcount={criteria.length + (canScore && !hidden ? 3 : 2)}
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
                <ScoreRow key={cr.id} criterion={cr} index={i}>
                  {candidates.map((ca, j) => {
                    const key = cellKey(cr.id, ca.id);
                    const isActive = active.r === i && active.c === j;
                    const mineRow = saver.mine[key];
                    return (
                      <ScoreCell
                        key={ca.id}
                        criterion={cr}
                        candidate={ca}
                        col={j}
                        active={isActive}
                        editing={isActive ? editing : null}
                        state={saver.states[key]}
                        cell={cells.get(key)}
                        mine={editable(cr) ? saver.valueOf(key) : null}
                        showGroup={!hidden}
                        canScore={canScore}
                        editable={editable(cr)}
                        hasNotes={Boolean(mineRow && (mineRow.rationale || mineRow.evidenceUrl))}
                        cellRef={(el) => {
                          cellRefs.current.set(`${i}:${j}`, el);
                        }}
                        inputRef={inputRef}
                        onCellKey={onCellKey}
                        onClick={() => {
                          if (isActive) return;
                          if (editing && !commitDraft()) return;
                          moveTo({ r: i, c: j });
                        }}
                        onDoubleClick={() => {
                          const v = saver.valueOf(key);
                          if (isActive && !editing) startEditing(v === null ? "" : String(v));
                        }}
                        onEditText={(text) => setEditing({ text, error: null })}
                        onEditorKey={onEditorKey}
                        onEditorBlur={onEditorBlur}
                      />
                    );
                  })}
                </ScoreRow>
              ))}
            </tbody>
            <tfoot>
              {/* Under one's own scores, the totals of those scores; the group's only where they are shown. */}
              {canScore ? (
                <ScoreTotalsRow
                  candidates={candidates}
                  rowIndex={criteria.length + 2}
                  result={ownResult}
                  label="yourTotal"
                  testId="score-total"
                />
              ) : null}
              {!canScore || !hidden ? (
                <ScoreTotalsRow
                  candidates={candidates}
                  rowIndex={criteria.length + (canScore ? 3 : 2)}
                  result={result}
                  label="groupTotal"
                  testId={canScore ? "group-total" : "score-total"}
                />
              ) : null}
            </tfoot>
          </table>
        </div>
        {panelOpen && activeCriterion && activeCandidate && activeKey ? (
          <ScorePanel
            key={activeKey}
            criterion={activeCriterion}
            candidate={activeCandidate}
            mine={saver.mine[activeKey] ?? null}
            myValue={saver.valueOf(activeKey)}
            canEdit={editable(activeCriterion)}
            others={
              hidden
                ? []
                : others.filter((s) => s.criterionId === activeCriterion.id && s.candidateId === activeCandidate.id)
            }
            evaluatorNames={Object.fromEntries(grid.progress.map((p) => [p.id, p.name]))}
            cell={cells.get(activeKey)}
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
