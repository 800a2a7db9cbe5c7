"use client";
// Small pieces shared by the criteria and candidates lists: move/remove buttons, the undo bar, the list's live
// message (moves are announced, since a reorder is otherwise silent for a screen reader).
import { useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";
import type { RemovedRow } from "./use-row-list";

export function RowButtons(props: {
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const t = useTranslations("setup.rows");
  return (
    <div className="row-buttons">
      <button
        type="button"
        onClick={() => props.onMove(props.index, props.index - 1)}
        disabled={props.index === 0}
        aria-label={t("moveUp", { name: props.name })}
        title={t("keyHint")}
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => props.onMove(props.index, props.index + 1)}
        disabled={props.index === props.count - 1}
        aria-label={t("moveDown", { name: props.name })}
        title={t("keyHint")}
      >
        ↓
      </button>
      <button
        type="button"
        className="danger"
        onClick={props.onRemove}
        disabled={props.disabled}
        aria-label={t("remove", { name: props.name })}
      >
        {t("removeShort")}
      </button>
    </div>
  );
}

export function UndoBar({
  removed,
  onUndo,
  onDismiss,
  busy,
}: {
  removed: RemovedRow | null;
  onUndo: () => void;
  onDismiss: () => void;
  busy: boolean;
}) {
  const t = useTranslations("setup.rows");
  return (
    <div role="status" aria-live="polite" className="undo-slot">
      {removed ? (
        <div className="undo-bar" data-testid="undo-bar">
          <span>{t("removed", { name: removed.name })}</span>
          <button type="button" onClick={onUndo} disabled={busy}>
            {t("undo")}
          </button>
          <button type="button" className="link-button" onClick={onDismiss} aria-label={t("dismiss")}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function ListMessage({
  message,
}: {
  message: { key: string; values?: Record<string, string | number> } | null;
}) {
  const t = useTranslations("setup.rows");
  return (
    <p role="status" aria-live="polite" className="list-message">
      {message && knownKey(t, message.key) ? t(message.key, message.values) : null}
    </p>
  );
}
