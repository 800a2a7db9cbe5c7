"use client";
// Imports a metric snapshot file on the facts page: the same JSON rows the API's facts/bulk endpoint takes.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { importFactSnapshotAction } from "@/lib/actions/facts";
import { knownKey } from "@/lib/i18n/known-key";
import type { SnapshotIssue } from "@/lib/validation/fact-snapshot";

export function SnapshotImport({ decisionId, onImported }: { decisionId: string; onImported?: () => void }) {
  const t = useTranslations("facts.snapshot");
  const errors = useTranslations("facts.errors");
  const common = useTranslations("common.errors");
  const id = useId();
  const [state, action, pending] = useActionState(importFactSnapshotAction, null);
  // Once per successful import (the callback's identity changes on every parent render).
  const reported = useRef<unknown>(null);
  useEffect(() => {
    if (state?.ok && reported.current !== state) {
      reported.current = state;
      onImported?.();
    }
  }, [state, onImported]);
  const issues = state && !state.ok && Array.isArray(state.details) ? (state.details as SnapshotIssue[]) : [];
  const message = (code: string) =>
    knownKey(errors, code) ? errors(code) : knownKey(common, code) ? common(code) : errors("unknown");
  return (
    <section className="snapshot-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("title")}</h3>
      <p className="hint">{t("lede")}</p>
      <form action={action} className="inline-form">
        <input type="hidden" name="decisionId" value={decisionId} />
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("file")}</label>
          <input id={`${id}-file`} name="file" type="file" accept="application/json,.json" required />
        </div>
        <button type="submit" className="button-secondary" disabled={pending} aria-disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {state?.ok && state.data ? <p className="form-success">{t("done", state.data)}</p> : null}
        {state && !state.ok ? (
          <div className="form-error">
            <p>{issues.length > 0 ? t("rejected") : message(state.error)}</p>
            {issues.length > 0 && (
              <ul>
                {issues.map((i) => (
                  <li key={`${i.row}-${i.field}`}>
                    {i.row >= 0
                      ? t("row", { row: i.row + 1, field: i.field, message: message(i.code) })
                      : t("whole", { field: i.field, message: message(i.code) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
