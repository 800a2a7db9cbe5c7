"use client";
// Labelled inputs for the setup editors, each with its field message and, when a colleague changed the same field
// first, the conflict box ("their value, yours — keep theirs / use mine").
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { knownKey } from "@/lib/i18n/known-key";
import type { SaveState } from "./use-autosave";
import { toText, type Conflict } from "./use-versioned-rows";

export function useSetupErrorText() {
  const t = useTranslations("setup.errors");
  const common = useTranslations("common.errors");
  return (key: string) => (knownKey(t, key) ? t(key) : knownKey(common, key) ? common(key) : t("unknown"));
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  conflict?: Conflict;
  onResolve?: (choice: "theirs" | "mine") => void;
  multiline?: boolean;
  inputMode?: "decimal" | "url" | "text";
  hint?: string;
  className?: string;
  labelHidden?: boolean;
  onKeyDown?: React.KeyboardEventHandler;
}

export function EditableField(props: FieldProps) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const conflictId = props.conflict ? `${id}-conflict` : undefined;
  const common = {
    id,
    value: props.value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(e.target.value),
    onBlur: props.onBlur,
    onKeyDown: props.onKeyDown,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": [errorId, conflictId, hintId].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className={`setup-field ${props.className ?? ""}`}>
      <label htmlFor={id} className={props.labelHidden ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode} autoComplete="off" {...common} />
      )}
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
      <FieldMessages
        errorId={errorId}
        conflictId={conflictId}
        error={props.error}
        conflict={props.conflict}
        onResolve={props.onResolve}
      />
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  conflict?: Conflict;
  onResolve?: (choice: "theirs" | "mine") => void;
  labelHidden?: boolean;
}) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  const conflictId = props.conflict ? `${id}-conflict` : undefined;
  return (
    <div className="setup-field">
      <label htmlFor={id} className={props.labelHidden ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={[errorId, conflictId].filter(Boolean).join(" ") || undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages
        errorId={errorId}
        conflictId={conflictId}
        error={props.error}
        conflict={props.conflict}
        onResolve={props.onResolve}
      />
    </div>
  );
}

/** A switch saved as soon as it is flipped ("true" / "false"), with its hint, message and conflict box. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
  conflict?: Conflict;
  onResolve?: (choice: "theirs" | "mine") => void;
  children?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const conflictId = props.conflict ? `${id}-conflict` : undefined;
  return (
    <div className="setup-field check-field" data-testid={props.testId}>
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[errorId, conflictId, hintId].filter(Boolean).join(" ") || undefined}
        />{" "}
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldMessages
        errorId={errorId}
        conflictId={conflictId}
        error={props.error}
        conflict={props.conflict}
        onResolve={props.onResolve}
      />
    </div>
  );
}

/** A field's message and, when a colleague changed it first, the conflict box. */
function FieldMessages(props: {
  errorId?: string;
  conflictId?: string;
  error?: string;
  conflict?: Conflict;
  onResolve?: (choice: "theirs" | "mine") => void;
}) {
  const errorText = useSetupErrorText();
  return (
    <>
      {props.error ? (
        <p id={props.errorId} className="field-error" data-testid="field-error">
          {errorText(props.error)}
        </p>
      ) : null}
      {props.conflict && props.onResolve ? (
        <ConflictBox id={props.conflictId!} conflict={props.conflict} onResolve={props.onResolve} />
      ) : null}
    </>
  );
}

export function ConflictBox({
  id,
  conflict,
  onResolve,
  display,
}: {
  id: string;
  conflict: Conflict;
  onResolve: (c: "theirs" | "mine") => void;
  display?: (v: unknown) => string;
}) {
  const t = useTranslations("setup.conflict");
  const show = display ?? ((v: unknown) => toText(v) || t("empty"));
  return (
    <div id={id} role="alert" className="conflict-box" data-testid="conflict">
      <p>{conflict.changedBy ? t("changedBy", { name: conflict.changedBy }) : t("changedBySomeone")}</p>
      <p>
        {t("theirs")} <strong data-testid="conflict-theirs">{show(conflict.theirs)}</strong> · {t("yours")}{" "}
        <strong data-testid="conflict-mine">{show(conflict.mine)}</strong>
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={() => onResolve("theirs")}>
          {t("keepTheirs")}
        </button>
        <button type="button" onClick={() => onResolve("mine")}>
          {t("useMine")}
        </button>
      </div>
    </div>
  );
}

/** The one save indicator of the tab; polite, so screen readers hear "Saved" without losing their place. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("setup.save");
  return (
    <p
      role="status"
      aria-live="polite"
      className={`save-status save-${state}`}
      data-testid="save-status"
      data-state={state}
    >
      {t(state)}
    </p>
  );
}

export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="setup-section">
      <div className="setup-section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
