"use client";
// One cell of the score grid: the person's own value (or, read-only, the group's), the group summary once the blind
// is lifted, and the inline editor while it is being edited. The grid owns the state; this only renders it.
import { useFormatter, useTranslations } from "next-intl";
import type { FocusEvent, KeyboardEvent, RefObject } from "react";
import type { CandidateDto, CriterionDto } from "@/lib/decisions/dto";
import type { CellResult } from "@/lib/scoring";
import { formatPoints, formatRaw } from "@/components/decisions/number-format";
import type { CellState } from "./use-score-saver";

export type Editing = { text: string; error: string | null };

export function ScoreCell(props: {
  criterion: CriterionDto;
  candidate: CandidateDto;
  col: number;
  active: boolean;
  /** Non-null while this cell's editor is open. */
  editing: Editing | null;
  state: CellState | undefined;
  cell: CellResult | undefined;
  /** The person's own value, shown when they score; null otherwise. */
  mine: number | null;
  showGroup: boolean;
  canScore: boolean;
  editable: boolean;
  hasNotes: boolean;
  cellRef: (el: HTMLTableCellElement | null) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  onCellKey: (e: KeyboardEvent<HTMLTableCellElement>) => void;
  onClick: () => void;
  onDoubleClick: () => void;
  onEditText: (text: string) => void;
  onEditorKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (e: FocusEvent<HTMLInputElement>) => void;
}) {
  const t = useTranslations("scores.grid");
  const { criterion: cr, candidate: ca, col, active, editing, state, cell, mine, showGroup, canScore } = props;
  const { editable, hasNotes, cellRef, inputRef, onCellKey, onClick, onDoubleClick, onEditText } = props;
  const { onEditorKey, onEditorBlur } = props;
  return (
    <td
      ref={cellRef}
      aria-colindex={col + 2}
      aria-selected={active}
      aria-readonly={editable ? undefined : true}
      tabIndex={active && !editing ? 0 : -1}
      className={[
        "num score-cell",
        active ? "active" : "",
        state ? `state-${state}` : "",
        cell?.disagreement && showGroup ? "disagree" : "",
      ]
        .filter(Boolean)
        .join(" ")}
      data-candidate={ca.name}
      data-state={state ?? undefined}
      onKeyDown={editing ? undefined : onCellKey}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
    >
      {editing ? (
        <input
          ref={inputRef}
          className="score-input"
          inputMode="decimal"
          autoComplete="off"
          aria-label={t("editLabel", { candidate: ca.name, criterion: cr.name })}
          aria-invalid={editing.error ? true : undefined}
          aria-describedby={editing.error ? "score-edit-error" : undefined}
          value={editing.text}
          onChange={(e) => onEditText(e.target.value)}
          onKeyDown={onEditorKey}
          onBlur={onEditorBlur}
        />
      ) : (
        <CellContent
          criterion={cr}
          cell={cell}
          mine={mine}
          showGroup={showGroup}
          canScore={canScore}
          hasNotes={hasNotes}
        />
      )}
      {state && state !== "saved" ? <span className="visually-hidden"> ({t(`cellState.${state}`)})</span> : null}
    </td>
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
  const { criterion, cell, mine, showGroup, canScore, hasNotes } = props;
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
      {hasNotes ? <span className="notes-dot" title={t("hasNotes")} aria-label={t("hasNotes")} role="img" /> : null}
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

const round2 = (v: number) => Math.round(v * 100) / 100;
