"use client";
// The matrix view: a whole decision as one sheet. Criteria are rows (name, weight, share, kind, direction, unit,
// edited in place), candidates are columns, and the cells hold the measured facts (METRIC) and the person's own
// ratings (RATING). A block pasted from a spreadsheet creates what is missing and fills it in one all-or-nothing
// call; typing into the blank last row or column adds a criterion or a candidate. Spreadsheet keys throughout
// (lib/matrix/navigation.ts); Ctrl+Z / Ctrl+Y replay the last steps through the same versioned saves — a typed cell,
// a whole pasted block, a row added at the edge (lib/matrix/history.ts).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { addCandidateAction } from "@/lib/actions/candidates";
import { addCriterionAction } from "@/lib/actions/criteria";
import type { CriterionDto, DecisionDetail, FactDto, ScoreDto } from "@/lib/decisions/dto";
import { decisionOptionsOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { editorSheetKey, sheetKeyAction, type GridPos } from "@/lib/matrix/navigation";
import { evaluateDecision, listShares } from "@/lib/scoring";
import { CRITERION_KINDS, DIRECTIONS } from "@/lib/validation/criterion";
import { formatPoints, formatRaw, formatShare } from "@/components/decisions/number-format";
import { checkCellText } from "./cell-rules";
import { focusBeyond } from "./focus-beyond";
import { MatrixMessages, useMatrixErrorText } from "./matrix-messages";
import { PasteBox, usePaste } from "./matrix-paste";
import { CRITERION_COLUMNS, targetKey, type Target, type Value } from "./targets";
import { useMatrixSaves } from "./use-matrix-saves";
import "./matrix.css";

export interface MatrixViewProps {
  decision: DecisionDetail;
  meId: string;
  /** May add and edit criteria and candidates (decision not locked). */
  canSetup: boolean;
  canScore: boolean;
  canFacts: boolean;
  locked: boolean;
}

type Column =
  | { kind: "meta"; field: "name" | "weight" | "share" | "kind" | "direction" | "unit" }
  | { kind: "candidate"; index: number }
  | { kind: "newCandidate" };
type Row = { kind: "header" } | { kind: "criterion"; index: number } | { kind: "newCriterion" };

const META = ["name", "weight", "share", "kind", "direction", "unit"] as const;

interface Editing {
  text: string;
  error: { ns: "scores" | "facts" | "setup"; key: string } | null;
}

export function MatrixView(props: MatrixViewProps) {
  const t = useTranslations("matrix");
  const tk = useTranslations("decisions.criteria");
  const f = useFormatter();
  const router = useRouter();
  const { decision, meId, canSetup, canScore, canFacts } = props;
  const { criteria, candidates } = decision;
  const own = useMemo(() => decision.scores.filter((s) => s.evaluatorId === meId), [decision.scores, meId]);
  const saves = useMatrixSaves({ decision, own });
  const errorText = useMatrixErrorText();

  const columns: Column[] = useMemo(
    () => [
      ...META.map((field) => ({ kind: "meta" as const, field })),
      ...candidates.map((_, index) => ({ kind: "candidate" as const, index })),
      ...(canSetup ? [{ kind: "newCandidate" as const }] : []),
    ],
    [candidates, canSetup],
  );
  const rows: Row[] = useMemo(
    () => [
      { kind: "header" as const },
      ...criteria.map((_, index) => ({ kind: "criterion" as const, index })),
      ...(canSetup ? [{ kind: "newCriterion" as const }] : []),
    ],
    [criteria, canSetup],
  );
  const size = { rows: rows.length, cols: columns.length };
  const lastInUse = { r: Math.max(criteria.length, 0), c: META.length + Math.max(candidates.length, 1) - 1 };

  const [active, setActive] = useState<GridPos>({ r: criteria.length > 0 ? 1 : 0, c: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [adding, setAdding] = useState<{ criterion?: string; candidate?: string; error?: string }>({});
  const cellRefs = useRef(new Map<string, HTMLElement | null>());
  const editorRef = useRef<HTMLInputElement | HTMLSelectElement | null>(null);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const wantFocus = useRef(false);
  const editorOpen = useRef(false);

  // The grid shrinks or grows when rows arrive from the server: keep the active cell inside it.
  const at = { r: Math.min(active.r, size.rows - 1), c: Math.min(active.c, size.cols - 1) };

  // The element that last had focus inside the grid: when an undo removes its row, focus would fall to the page
  // and the next Ctrl+Y would go nowhere, so it moves to the active cell instead.
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const lost = document.activeElement === document.body && lastFocused.current?.isConnected === false;
    if (editing) editorRef.current?.focus();
    else if (wantFocus.current || lost) cellRefs.current.get(`${at.r}:${at.c}`)?.focus();
    wantFocus.current = false;
  });

  // ---- What each cell is -------------------------------------------------------------------------------------

  /** The criterion as the matrix shows it now (fields being saved count; a value in conflict does not). */
  const liveCriterion = (c: CriterionDto): CriterionDto => {
    const out = { ...c };
    for (const field of CRITERION_COLUMNS) {
      const v = saves.savedValue({ t: "crit", id: c.id, field });
      (out as Record<string, unknown>)[field] = v;
    }
    return out;
  };
  const liveCriteria = criteria.map(liveCriterion);
  const groupIds = new Set(criteria.flatMap((c) => (c.parentId ? [c.parentId] : [])));

  const targetAt = (p: GridPos): Target | null => {
    const row = rows[p.r];
    const col = columns[p.c];
    if (!row || !col) return null;
    if (row.kind === "header")
      return col.kind === "candidate" ? { t: "cand", id: candidates[col.index].id, field: "name" } : null;
    if (row.kind === "newCriterion") return null;
    const cr = liveCriteria[row.index];
    if (col.kind === "meta") {
      if (col.field === "share") return null;
      return { t: "crit", id: cr.id, field: col.field };
    }
    if (col.kind === "newCandidate") return null;
    const candidateId = candidates[col.index].id;
    if (cr.kind === "METRIC") return { t: "fact", criterionId: cr.id, candidateId };
    if (cr.kind === "RATING") return { t: "score", criterionId: cr.id, candidateId };
    return null;
  };

  const isEditable = (p: GridPos): boolean => {
    const row = rows[p.r];
    const col = columns[p.c];
    if (!row || !col) return false;
    if (row.kind === "newCriterion") return canSetup && col.kind === "meta" && col.field === "name";
    if (row.kind === "header") return canSetup && (col.kind === "candidate" || col.kind === "newCandidate");
    const x = targetAt(p);
    if (!x) return false;
    if (x.t === "score") return canScore;
    if (x.t === "fact") return canFacts;
    if (x.t === "crit" && x.field === "unit") return canSetup && liveCriteria[row.index].kind === "METRIC";
    return canSetup;
  };

  const criterionOf = (p: GridPos) => {
    const row = rows[p.r];
    return row?.kind === "criterion" ? liveCriteria[row.index] : undefined;
  };

  const textOf = (x: Target): string => {
    const v = saves.displayedValue(x);
    return v === null ? "" : String(v);
  };

  // ---- Live figures: the person's own ratings and the facts, as shown -------------------------------------------

  const figures = useMemo(() => {
    const scores: ScoreDto[] = [];
    const facts: FactDto[] = [];
    for (const cr of liveCriteria)
      for (const ca of candidates) {
        if (cr.kind === "RATING") {
          if (!canScore) continue; // read-only: everyone's scores, below
          const v = saves.savedValue({ t: "score", criterionId: cr.id, candidateId: ca.id });
          if (v !== null) scores.push(blankScore(cr.id, ca.id, meId, Number(v)));
        } else if (cr.kind === "METRIC") {
          const v = saves.savedValue({ t: "fact", criterionId: cr.id, candidateId: ca.id });
          const stored = decision.facts.find((x) => x.criterionId === cr.id && x.candidateId === ca.id);
          if (v !== null) facts.push({ ...(stored ?? blankFact(cr.id, ca.id)), value: Number(v) });
        }
      }
    // Global shares: a sub-criterion's share of the goal, as the results give it.
    const shares =
      listShares(liveCriteria.map((c) => ({ id: c.id, parentId: c.parentId, weight: Number(c.weight ?? 0) })))
        ?.global ?? null;
    if (liveCriteria.length === 0 || candidates.length === 0) return { result: null, shares };
    // Someone who does not score (a viewer, a closed decision) reads the group's averages, which the page sends them.
    if (!canScore) scores.push(...decision.scores);
    const outcome = evaluateDecision(toScoringModel({ ...decision, criteria: liveCriteria, scores, facts }), {
      ...decisionOptionsOf(decision),
      monteCarlo: { samples: 0 },
    });
    return { result: outcome.ok ? outcome.result : null, shares };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decision, candidates, meId, canScore, saves.entries]);
  const { result, shares } = figures;

  // ---- Editing ------------------------------------------------------------------------------------------------

  const moveTo = (p: GridPos) => {
    setActive(p);
    wantFocus.current = true;
  };

  const startEditing = (text: string) => {
    if (!isEditable(at)) return false;
    editorOpen.current = true;
    flushSync(() => setEditing({ text, error: null }));
    editorRef.current?.focus();
    return true;
  };
  const cancelEditing = () => {
    editorOpen.current = false;
    setEditing(null);
    wantFocus.current = true;
  };

  const addPart = async (kind: "criterion" | "candidate", name: string) => {
    setAdding((a) => ({ ...a, [kind]: name, error: undefined }));
    const r =
      kind === "criterion"
        ? await addCriterionAction({ decisionId: decision.id, name })
        : await addCandidateAction({ decisionId: decision.id, name });
    setAdding((a) => ({
      ...a,
      [kind]: undefined,
      error: r.ok ? undefined : (r.fieldErrors?.name ?? r.error),
    }));
    if (r.ok && r.data) {
      saves.recordAdded({ kind, id: r.data.id, version: r.data.version });
      router.refresh();
    }
  };

  /** Validates the editor's text; on success saves it (or adds the row / column) and returns true. */
  const commitEditor = (): boolean => {
    if (!editing) return true;
    const row = rows[at.r];
    const col = columns[at.c];
    if (row?.kind === "newCriterion" || (row?.kind === "header" && col?.kind === "newCandidate")) {
      const name = editing.text.trim();
      editorOpen.current = false;
      setEditing(null);
      wantFocus.current = true;
      if (name) void addPart(row.kind === "newCriterion" ? "criterion" : "candidate", name);
      return true;
    }
    const x = targetAt(at);
    if (!x) return true;
    const criterion = criterionOf(at);
    const checked = checkCellText(x, editing.text, criterion, criterion !== undefined && groupIds.has(criterion.id));
    if (!checked.ok) {
      setEditing({ ...editing, error: { ns: checked.ns, key: checked.key } });
      return false;
    }
    if (editorOpen.current && checked.value !== saves.displayedValue(x)) void saves.commit(x, checked.value);
    editorOpen.current = false;
    setEditing(null);
    wantFocus.current = true;
    return true;
  };

  const applyHistory = (which: "undo" | "redo") => {
    const x = which === "undo" ? saves.undo() : saves.redo();
    if (!x) return;
    // Show where the change happened.
    for (let r = 0; r < rows.length; r++)
      for (let c = 0; c < columns.length; c++) {
        const y = targetAt({ r, c });
        if (y && targetKey(y) === targetKey(x)) return moveTo({ r, c });
      }
  };

  const onCellKey = (e: KeyboardEvent<HTMLElement>) => {
    const action = sheetKeyAction(e, at, size, { home: { r: 0, c: 0 }, end: lastInUse });
    if (action.kind === "move") {
      e.preventDefault();
      return moveTo(action.to);
    }
    if (action.kind === "leave") return; // the browser moves focus past the grid (only the active cell is tabbable)
    if (action.kind === "undo" || action.kind === "redo") {
      e.preventDefault();
      return applyHistory(action.kind);
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const x = targetAt(at);
    if (e.key === "F2" || (e.key === " " && x?.t === "crit" && (x.field === "kind" || x.field === "direction"))) {
      e.preventDefault();
      startEditing(x ? textOf(x) : "");
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (x && isEditable(at) && (x.t === "score" || x.t === "fact" || (x.t === "crit" && x.field === "unit")))
        if (saves.displayedValue(x) !== null) void saves.commit(x, null);
      return;
    }
    if (e.key.length === 1 && e.key !== " ") {
      if (x?.t === "crit" && (x.field === "kind" || x.field === "direction")) {
        e.preventDefault();
        startEditing(textOf(x));
      } else if (!startEditing("")) e.preventDefault();
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    const action = editorSheetKey(e, at, size);
    if (action.kind === "none") return;
    e.preventDefault();
    if (action.kind === "cancel") return cancelEditing();
    if (!commitEditor()) return;
    if (action.kind === "move") moveTo(action.to);
    else if (action.kind === "leave") {
      wantFocus.current = false;
      focusBeyond(tableRef.current, action.backwards);
    }
  };

  const onEditorBlur = (e: React.FocusEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (editorOpen.current && !tableRef.current?.contains(e.relatedTarget as Node | null)) commitEditor();
  };

  const paste = usePaste({
    decisionId: decision.id,
    basis: saves.basis,
    onDone: (outcome) => saves.recordPaste(outcome.undo),
  });
  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    if (!canSetup || !canScore) return;
    const text = e.clipboardData.getData("text/plain");
    // One value into one cell is typing, left to the editor; a block (tabs or lines) is a paste of the sheet.
    if (!/[\t\n]/.test(text.trim())) {
      if (editing) return;
      e.preventDefault();
      startEditing(text.trim());
      return;
    }
    e.preventDefault();
    void paste.submit(text);
  };

  // ---- Rendering ----------------------------------------------------------------------------------------------

  const cellProps = (p: GridPos, extra: { className?: string; testId?: string } = {}) => {
    const activeHere = p.r === at.r && p.c === at.c;
    const x = targetAt(p);
    const entry = x ? saves.entries[targetKey(x)] : undefined;
    return {
      ref: (el: HTMLElement | null) => {
        cellRefs.current.set(`${p.r}:${p.c}`, el);
      },
      tabIndex: activeHere && !editing ? 0 : -1,
      "aria-selected": activeHere,
      "aria-readonly": isEditable(p) ? undefined : true,
      "aria-colindex": p.c + 1,
      "data-state": entry?.state,
      "data-testid": extra.testId,
      className: [extra.className ?? "", "mx-cell", activeHere ? "active" : "", entry ? `state-${entry.state}` : ""]
        .filter(Boolean)
        .join(" "),
      onKeyDown: activeHere && editing ? undefined : onCellKey,
      onClick: () => {
        if (activeHere) return;
        if (editing && !commitEditor()) return;
        moveTo(p);
      },
      onDoubleClick: () => {
        if (activeHere && !editing) startEditing(x ? textOf(x) : "");
      },
    };
  };

  const editor = (p: GridPos, label: string) => {
    if (!editing || p.r !== at.r || p.c !== at.c) return null;
    const x = targetAt(p);
    const common = {
      "aria-label": label,
      "aria-invalid": editing.error ? true : undefined,
      "aria-describedby": editing.error ? "matrix-edit-error" : undefined,
      onKeyDown: onEditorKey,
      onBlur: onEditorBlur,
    };
    if (x?.t === "crit" && (x.field === "kind" || x.field === "direction")) {
      return (
        <select
          ref={(el) => {
            editorRef.current = el;
          }}
          className="mx-input"
          value={editing.text}
          onChange={(e) => setEditing({ text: e.target.value, error: null })}
          {...common}
        >
          {x.field === "kind"
            ? CRITERION_KINDS.map((o) => (
                <option key={o} value={o}>
                  {tk(`kinds.${o}`)}
                </option>
              ))
            : DIRECTIONS.map((o) => (
                <option key={o} value={o}>
                  {tk(`directions.${o}`)}
                </option>
              ))}
        </select>
      );
    }
    return (
      <input
        ref={(el) => {
          editorRef.current = el;
        }}
        className="mx-input"
        inputMode={x && (x.t === "score" || x.t === "fact" || x.field === "weight") ? "decimal" : "text"}
        autoComplete="off"
        value={editing.text}
        onChange={(e) => setEditing({ text: e.target.value, error: null })}
        {...common}
      />
    );
  };

  const ranking = result
    ? [...result.ranking].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total)
    : [];
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.name ?? "";
  const help = canSetup || canScore || canFacts ? t("keyboardHelp") : t("keyboardHelpReadOnly");

  return (
    <section className="matrix-page" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {props.locked ? <p className="callout">{t("lockedNotice")}</p> : null}
      {!props.locked && !canSetup && !canScore ? <p className="callout">{t("readOnlyNotice")}</p> : null}
      <p className="hint" id="matrix-help">
        {help}
      </p>

      <div className="mx-toolbar">
        {canSetup || canScore || canFacts ? (
          <>
            <button type="button" onClick={() => applyHistory("undo")} disabled={!saves.canUndo}>
              {t("undo")}
            </button>
            <button type="button" onClick={() => applyHistory("redo")} disabled={!saves.canRedo}>
              {t("redo")}
            </button>
          </>
        ) : null}
        <p role="status" aria-live="polite" className={`save-status save-${saves.status}`} data-testid="matrix-status">
          {saves.status === "idle" ? "" : t(`status.${saves.status}`)}
        </p>
        <Link href={`/decisions/${decision.id}`} className="mx-results-link">
          {t("seeResults")}
        </Link>
      </div>

      <MatrixMessages
        entries={saves.entries}
        label={(x) => labelOf(x, liveCriteria, candidates, (field) => t(`columns.${field as (typeof META)[number]}`))}
        onResolve={saves.resolve}
        onDismiss={saves.dismiss}
        format={(v) => (typeof v === "number" ? formatRaw(f, v) : v === null ? t("conflict.none") : String(v))}
        editError={
          editing?.error ? `${cellTitle(at)}: ${errorText(editing.error.ns, editing.error.key, criterionOf(at))}` : null
        }
        addError={adding.error ? errorText("setup", adding.error, undefined) : null}
        paste={paste.report}
        onPasteReload={() => {
          paste.clear();
          router.refresh();
        }}
      />

      <div className="table-scroll mx-frame">
        <table
          ref={tableRef}
          role="grid"
          className="data-table mx-grid"
          aria-label={t("gridLabel")}
          aria-describedby="matrix-help"
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          data-testid="matrix-grid"
          onPaste={onPaste}
          onFocus={(e) => {
            lastFocused.current = e.target;
          }}
        >
          <thead>
            <tr aria-rowindex={1} data-row="header">
              {columns.map((col, c) => {
                const p = { r: 0, c };
                if (col.kind === "meta")
                  return (
                    <th key={col.field} scope="col" data-col={col.field} {...cellProps(p)}>
                      {t(`columns.${col.field}`)}
                    </th>
                  );
                if (col.kind === "newCandidate")
                  return (
                    <th key="new" scope="col" data-col="new" {...cellProps(p, { className: "mx-edge" })}>
                      {editor(p, t("addCandidate")) ?? (
                        <span className="mx-placeholder">{adding.candidate ?? t("addCandidate")}</span>
                      )}
                    </th>
                  );
                const ca = candidates[col.index];
                const x: Target = { t: "cand", id: ca.id, field: "name" };
                return (
                  <th key={ca.id} scope="col" data-col={ca.name} {...cellProps(p, { className: "num" })}>
                    {editor(p, t("editLabel", { cell: ca.name, column: t("columns.name") })) ?? textOf(x)}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {liveCriteria.map((cr, i) => {
              const r = i + 1;
              return (
                <tr key={cr.id} aria-rowindex={r + 1} data-row={criteria[i].name}>
                  {columns.map((col, c) => {
                    const p = { r, c };
                    const label = (column: string) => t("editLabel", { cell: cr.name, column });
                    if (col.kind === "newCandidate") return <td key="new" data-col="new" {...cellProps(p)} />;
                    if (col.kind === "meta") {
                      const key = col.field;
                      if (key === "share") {
                        const share = shares?.[i] ?? null;
                        return (
                          <td key={key} data-col="share" {...cellProps(p, { className: "num" })}>
                            {share === null ? "—" : formatShare(f, share)}
                          </td>
                        );
                      }
                      const x: Target = { t: "crit", id: cr.id, field: key };
                      const shown =
                        key === "kind"
                          ? tk(`kinds.${cr.kind}`)
                          : key === "direction"
                            ? tk(`directions.${cr.direction}`)
                            : key === "weight"
                              ? formatRaw(f, Number(saves.displayedValue(x) ?? 0))
                              : key === "unit" && cr.kind !== "METRIC"
                                ? "—"
                                : textOf(x);
                      const Tag = key === "name" ? "th" : "td";
                      return (
                        <Tag
                          key={key}
                          scope={key === "name" ? "row" : undefined}
                          data-col={key}
                          {...cellProps(p, { className: key === "weight" ? "num" : undefined })}
                        >
                          {editor(p, label(t(`columns.${key}`))) ?? shown}
                        </Tag>
                      );
                    }
                    const ca = candidates[col.index];
                    const x = targetAt(p);
                    const cellResult = result?.cells.find((z) => z.criterionId === cr.id && z.candidateId === ca.id);
                    return (
                      <td key={ca.id} data-col={ca.name} {...cellProps(p, { className: "num" })}>
                        {editor(p, label(ca.name)) ??
                          (x ? (
                            <>
                              <span className="cell-value">
                                {(() => {
                                  // Read-only ratings show the group's average (what the totals below are made of).
                                  const v =
                                    x.t === "score" && !canScore
                                      ? (cellResult?.value ?? null)
                                      : saves.displayedValue(x);
                                  return v === null ? (
                                    <span aria-label={t("empty")}>—</span>
                                  ) : (
                                    formatRaw(f, Math.round(Number(v) * 100) / 100)
                                  );
                                })()}
                              </span>
                              {x.t === "fact" && cr.unit ? <span className="sub">{cr.unit}</span> : null}
                            </>
                          ) : (
                            <>
                              <span className="cell-value">
                                {cellResult?.points != null ? formatPoints(f, cellResult.points) : "—"}
                              </span>
                              <span className="sub">{t("computed")}</span>
                            </>
                          ))}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {canSetup ? (
              <tr aria-rowindex={rows.length} data-row="new">
                {columns.map((col, c) => {
                  const p = { r: rows.length - 1, c };
                  if (col.kind === "meta" && col.field === "name")
                    return (
                      <th key="name" scope="row" data-col="name" {...cellProps(p, { className: "mx-edge" })}>
                        {editor(p, t("addCriterion")) ?? (
                          <span className="mx-placeholder">{adding.criterion ?? t("addCriterion")}</span>
                        )}
                      </th>
                    );
                  return <td key={c} {...cellProps(p)} />;
                })}
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr aria-rowindex={rows.length + 1} data-testid="matrix-totals">
              <th scope="row" colSpan={META.length}>
                {canScore ? t("yourTotal") : t("groupTotal")}
                <span className="sub">{canScore ? t("yourTotalHint") : t("groupTotalHint")}</span>
              </th>
              {candidates.map((ca) => {
                const rk = result?.ranking.find((z) => z.candidateId === ca.id);
                const any = rk && rk.contributions.some((z) => z.contribution !== null);
                return (
                  <td key={ca.id} className="num" data-testid="matrix-total" data-candidate={ca.name}>
                    <span className="total-value">{any ? formatPoints(f, rk.total) : "—"}</span>
                    {rk?.incomplete ? <span className="sub">{t("incomplete")}</span> : null}
                    {rk?.rank ? <span className="sub">{t("rank", { rank: rk.rank })}</span> : null}
                  </td>
                );
              })}
              {canSetup ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>

      <section aria-labelledby="matrix-ranking-heading" className="mx-ranking">
        <h3 id="matrix-ranking-heading">{t("rankingTitle")}</h3>
        {ranking.length === 0 ? (
          <p className="hint">{t("rankingEmpty")}</p>
        ) : (
          <ol className="plain" data-testid="matrix-ranking">
            {ranking.map((rk) => (
              <li key={rk.candidateId} data-candidate={nameOf(rk.candidateId)}>
                <span className="mx-rank">{rk.rank ?? "–"}</span> <strong>{nameOf(rk.candidateId)}</strong>{" "}
                <span className="mx-rank-total">{formatPoints(f, rk.total)}</span>
                {rk.incomplete ? <span className="sub">{t("incomplete")}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {canSetup && canScore ? <PasteBox onSubmit={paste.submit} busy={paste.busy} /> : null}
    </section>
  );

  function cellTitle(p: GridPos): string {
    const row = rows[p.r];
    const col = columns[p.c];
    const rowName = row?.kind === "criterion" ? liveCriteria[row.index].name : "";
    const colName =
      col?.kind === "candidate" ? candidates[col.index].name : col?.kind === "meta" ? t(`columns.${col.field}`) : "";
    return [rowName, colName].filter(Boolean).join(" · ");
  }
}

function labelOf(
  x: Target,
  criteria: CriterionDto[],
  candidates: DecisionDetail["candidates"],
  column: (field: string) => string,
): string {
  if (x.t === "cand") return candidates.find((c) => c.id === x.id)?.name ?? "";
  if (x.t === "crit") {
    const name = criteria.find((c) => c.id === x.id)?.name ?? "";
    return `${name} · ${column(x.field)}`;
  }
  const cr = criteria.find((c) => c.id === x.criterionId)?.name ?? "";
  const ca = candidates.find((c) => c.id === x.candidateId)?.name ?? "";
  return `${cr} · ${ca}`;
}

const blankScore = (criterionId: string, candidateId: string, evaluatorId: string, value: number): ScoreDto => ({
  id: "",
  criterionId,
  candidateId,
  evaluatorId,
  value,
  rationale: "",
  evidenceUrl: "",
  version: 0,
});

const blankFact = (criterionId: string, candidateId: string): FactDto => ({
  id: "",
  criterionId,
  candidateId,
  value: 0,
  unit: null,
  sourceUrl: "",
  note: "",
  measuredOn: "",
  enteredById: null,
  enteredByName: null,
  version: 0,
  updatedAt: "",
});

export type { Value };
