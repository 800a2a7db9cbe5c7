"use client";
// Members × skills as a keyboard-first grid (role="grid", roving tabindex). Arrows / Tab / Enter move; typing starts
// an edit; Enter or Tab commits, Escape cancels, Delete clears; a spreadsheet block pastes from the focused cell.
// State and saving live in team-ratings.tsx; this file only draws and turns keys into intents.
import { useFormatter, useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { parseLevel } from "@/lib/validation/rating";
import { levelKey } from "@/lib/validation/skill";
import { levelColour } from "./level-colour";
import { useTeamErrorText } from "./save-status";

export interface GridMember {
  id: string;
  name: string;
}
export interface GridSkill {
  id: string;
  name: string;
}

export const cellKey = (memberId: string, skillId: string) => `${memberId}:${skillId}`;

export interface RatingGridProps {
  label: string;
  members: GridMember[];
  skills: GridSkill[];
  levels: Record<string, number | undefined>;
  invalid: Record<string, string | undefined>;
  canEdit: boolean;
  onCommit: (memberId: string, skillId: string, level: number) => void;
  onClear: (memberId: string, skillId: string) => void;
  onPaste: (row: number, col: number, text: string) => void;
}

type Pos = { row: number; col: number };

export function RatingGrid(props: RatingGridProps) {
  const t = useTranslations("teams");
  const format = useFormatter();
  const errorText = useTeamErrorText();
  const { members, skills } = props;
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ text: string; error?: string } | null>(null);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());
  const inputRef = useRef<HTMLInputElement>(null);
  const focusPending = useRef(false);
  /** Set when a key closed the edit, so the input's blur on unmount does not commit a second time. */
  const closedByKey = useRef(false);

  const rows = members.length;
  const cols = skills.length;
  const pos = { row: Math.min(active.row, rows - 1), col: Math.min(active.col, cols - 1) };

  // Layout effect: focus must move before the next keystroke arrives, or fast typing would land on the old element.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    if (editing) inputRef.current?.focus();
    else cellRefs.current.get(`${pos.row}:${pos.col}`)?.focus();
  });

  if (rows === 0 || cols === 0) return null;

  const moveTo = (row: number, col: number) => {
    focusPending.current = true;
    setActive({ row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) });
  };
  const member = members[pos.row];
  const skill = skills[pos.col];

  /** Tab walks the row and wraps; at either end of the grid it leaves the grid as usual. */
  const tabTarget = (back: boolean): Pos | null => {
    const flat = pos.row * cols + pos.col + (back ? -1 : 1);
    if (flat < 0 || flat >= rows * cols) return null;
    return { row: Math.floor(flat / cols), col: flat % cols };
  };

  const commitEdit = (then: Pos | null): boolean => {
    if (!editing) return true;
    if (editing.text.trim() === "") {
      setEditing(null);
      if (then) moveTo(then.row, then.col);
      else focusPending.current = true;
      return true;
    }
    const parsed = parseLevel(editing.text);
    if (!parsed.ok) {
      setEditing({ ...editing, error: parsed.error });
      return false;
    }
    props.onCommit(member.id, skill.id, parsed.value);
    setEditing(null);
    if (then) moveTo(then.row, then.col);
    else focusPending.current = true;
    return true;
  };

  const onGridKeyDown = (e: KeyboardEvent) => {
    if (editing) return;
    const { row, col } = pos;
    switch (e.key) {
      case "ArrowUp":
        return (e.preventDefault(), moveTo(row - 1, col));
      case "ArrowDown":
        return (e.preventDefault(), moveTo(row + 1, col));
      case "ArrowLeft":
        return (e.preventDefault(), moveTo(row, col - 1));
      case "ArrowRight":
        return (e.preventDefault(), moveTo(row, col + 1));
      case "Home":
        return (e.preventDefault(), moveTo(e.ctrlKey ? 0 : row, 0));
      case "End":
        return (e.preventDefault(), moveTo(e.ctrlKey ? rows - 1 : row, cols - 1));
      case "Enter":
        return (e.preventDefault(), moveTo(row + (e.shiftKey ? -1 : 1), col));
      case "Tab": {
        const next = tabTarget(e.shiftKey);
        if (next) {
          e.preventDefault();
          moveTo(next.row, next.col);
        }
        return;
      }
      case "F2":
        if (!props.canEdit) return;
        e.preventDefault();
        focusPending.current = true;
        closedByKey.current = false;
        return setEditing({ text: levelText(props.levels[cellKey(member.id, skill.id)]) });
      case "Delete":
      case "Backspace":
        if (!props.canEdit) return;
        e.preventDefault();
        if (props.levels[cellKey(member.id, skill.id)] !== undefined) props.onClear(member.id, skill.id);
        return;
    }
    if (props.canEdit && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ") {
      // Typing replaces the cell, as in a spreadsheet; the key itself becomes the first character.
      e.preventDefault();
      focusPending.current = true;
      closedByKey.current = false;
      setEditing({ text: e.key });
    }
  };

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      closedByKey.current = true;
      setEditing(null);
      focusPending.current = true;
    } else if (e.key === "Enter") {
      e.preventDefault();
      closedByKey.current = commitEdit({
        row: Math.max(0, Math.min(rows - 1, pos.row + (e.shiftKey ? -1 : 1))),
        col: pos.col,
      });
    } else if (e.key === "Tab") {
      e.preventDefault();
      closedByKey.current = commitEdit(tabTarget(e.shiftKey) ?? pos);
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    if (editing || !props.canEdit) return;
    e.preventDefault();
    props.onPaste(pos.row, pos.col, e.clipboardData.getData("text/plain"));
  };

  const editingValue = editing ? parseLevel(editing.text) : null;
  const errorId = "rating-edit-error";

  return (
    <div className="rating-grid-wrap table-scroll">
      <table
        role="grid"
        aria-label={props.label}
        aria-readonly={props.canEdit ? undefined : true}
        aria-rowcount={rows + 1}
        aria-colcount={cols + 1}
        className="matrix rating-grid"
        onKeyDown={onGridKeyDown}
        onPaste={onPaste}
        data-testid="rating-grid"
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" scope="col" aria-colindex={1}>
              {t("grid.member")}
            </th>
            {skills.map((s, c) => (
              <th key={s.id} role="columnheader" scope="col" aria-colindex={c + 2}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m, r) => (
            <tr key={m.id} role="row" aria-rowindex={r + 2}>
              <th role="rowheader" scope="row" aria-colindex={1}>
                {m.name}
              </th>
              {skills.map((s, c) => {
                const key = cellKey(m.id, s.id);
                const level = props.levels[key];
                const isActive = r === pos.row && c === pos.col;
                const isEditing = isActive && editing !== null;
                const invalid = props.invalid[key];
                return (
                  <td
                    key={s.id}
                    role="gridcell"
                    aria-colindex={c + 2}
                    aria-selected={isActive}
                    aria-invalid={invalid || (isEditing && editing?.error) ? true : undefined}
                    tabIndex={isActive && !isEditing ? 0 : -1}
                    ref={(el) => {
                      if (el) cellRefs.current.set(`${r}:${c}`, el);
                      else cellRefs.current.delete(`${r}:${c}`);
                    }}
                    onClick={() => setActive({ row: r, col: c })}
                    onDoubleClick={() => {
                      if (!props.canEdit) return;
                      setActive({ row: r, col: c });
                      focusPending.current = true;
                      closedByKey.current = false;
                      setEditing({ text: levelText(level) });
                    }}
                    className={`rating-cell${isActive ? " active" : ""}${invalid ? " invalid" : ""}`}
                    style={{ background: levelColour(level) }}
                    title={
                      level !== undefined
                        ? `${formatLevel(format, level)} — ${t(`levels.${levelKey(level)}`)}`
                        : undefined
                    }
                    data-member={m.name}
                    data-skill={s.name}
                    data-level={level ?? ""}
                  >
                    {isEditing ? (
                      <input
                        ref={inputRef}
                        className="cell-input"
                        inputMode="decimal"
                        value={editing.text}
                        aria-label={t("grid.editLabel", { member: m.name, skill: s.name })}
                        aria-invalid={editing.error ? true : undefined}
                        aria-describedby={errorId}
                        onChange={(e) => setEditing({ text: e.target.value })}
                        onKeyDown={onInputKeyDown}
                        onBlur={() => {
                          if (closedByKey.current) return;
                          // Leaving the cell keeps a valid value (as a spreadsheet does) and drops an invalid one.
                          if (!commitEdit(null)) setEditing(null);
                        }}
                      />
                    ) : level !== undefined ? (
                      formatLevel(format, level)
                    ) : (
                      <span className="missing">
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">{t("grid.notRated")}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p
        id={errorId}
        className={editing?.error ? "field-error" : "hint"}
        aria-live="polite"
        data-testid="grid-edit-message"
      >
        {editing?.error
          ? errorText(editing.error)
          : editingValue?.ok
            ? `${formatLevel(format, editingValue.value)}: ${t(`levels.${levelKey(editingValue.value)}`)}`
            : ""}
      </p>
    </div>
  );
}

const levelText = (level: number | undefined) => (level === undefined ? "" : String(level));
const formatLevel = (f: ReturnType<typeof useFormatter>, v: number) => f.number(v, { maximumFractionDigits: 2 });
