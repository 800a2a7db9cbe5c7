"use client";
// What the matrix has to tell the person, above the grid: the open editor's problem, cells a colleague changed first
// (their value and yours, choose), saves that were refused, and how a paste went (done, refused cell by cell, or
// refused because something changed meanwhile). Nothing here is squeezed into a cell.
import { useFormatter, useTranslations } from "next-intl";
import type { CriterionDto } from "@/lib/decisions/dto";
import { knownKey } from "@/lib/i18n/known-key";
import { ratingBounds } from "@/lib/validation/score";
import { formatRaw } from "@/components/decisions/number-format";
import { useSetupErrorText } from "@/components/setup/field-controls";
import type { ErrorNamespace } from "./cell-rules";
import type { PasteReport } from "./matrix-paste";
import type { Target, Value } from "./targets";
import type { Pending } from "./use-matrix-saves";

/** The message for an error key in the namespace of the cell it belongs to, scale bounds filled in. */
export function useMatrixErrorText() {
  const scores = useTranslations("scores.errors");
  const facts = useTranslations("facts.errors");
  const setup = useSetupErrorText();
  const f = useFormatter();
  return (ns: ErrorNamespace, key: string, cr: CriterionDto | undefined) => {
    if (ns === "setup") return setup(key);
    const t = ns === "scores" ? scores : facts;
    const { min, max } = ratingBounds(cr ?? { scaleMin: null, scaleMax: null });
    return knownKey(t, key) ? t(key, { min: formatRaw(f, min), max: formatRaw(f, max) }) : t("unknown");
  };
}

const nsOf = (x: Target): ErrorNamespace => (x.t === "score" ? "scores" : x.t === "fact" ? "facts" : "setup");

export function MatrixMessages(props: {
  entries: Record<string, Pending>;
  label: (x: Target) => string;
  format: (v: Value) => string;
  onResolve: (key: string, choice: "mine" | "theirs") => void;
  onDismiss: (key: string) => void;
  editError: string | null;
  addError: string | null;
  paste: PasteReport | null;
  onPasteReload: () => void;
}) {
  const t = useTranslations("matrix");
  const f = useFormatter();
  const errorText = useMatrixErrorText();
  const conflicts = Object.entries(props.entries).filter(([, e]) => e.state === "conflict");
  const failures = Object.entries(props.entries).filter(([, e]) => e.state === "failed");
  const { paste } = props;
  const pasteMessage = (key: string, params?: Record<string, number | string>) => {
    const k = `errors.${key}`;
    const shown = Object.fromEntries(
      Object.entries(params ?? {}).map(([n, v]) => [n, typeof v === "number" ? formatRaw(f, v) : v]),
    );
    return knownKey(t, k) ? t(k, shown) : t("errors.unknown");
  };
  return (
    <div className="mx-messages">
      <div role="alert">
        {props.editError ? (
          <p className="field-error" id="matrix-edit-error" data-testid="matrix-edit-error">
            {props.editError}
          </p>
        ) : null}
        {props.addError ? (
          <p className="field-error" data-testid="matrix-add-error">
            {props.addError}
          </p>
        ) : null}
      </div>
      {conflicts.length > 0 ? (
        <section className="callout callout-error mx-conflicts" role="alert" data-testid="matrix-conflicts">
          <h3>{t("conflict.title")}</h3>
          {conflicts.map(([key, c]) => (
            <div key={key} className="mx-conflict" data-testid="matrix-conflict">
              <p>
                {c.changedBy
                  ? t("conflict.explainBy", { cell: props.label(c.target), name: c.changedBy })
                  : t("conflict.explain", { cell: props.label(c.target) })}
              </p>
              <p>
                <span data-testid="conflict-theirs">
                  {t("conflict.theirs", { value: props.format(c.theirs ?? null) })}
                </span>{" "}
                · <span data-testid="conflict-yours">{t("conflict.yours", { value: props.format(c.value) })}</span>
              </p>
              <div className="mx-conflict-actions">
                <button type="button" onClick={() => props.onResolve(key, "mine")}>
                  {t("conflict.keepMine")}
                </button>
                <button type="button" onClick={() => props.onResolve(key, "theirs")}>
                  {t("conflict.useTheirs")}
                </button>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {failures.length > 0 ? (
        <div role="alert" data-testid="matrix-failures">
          {failures.map(([key, e]) => (
            <p key={key} className="field-error">
              {props.label(e.target)}: {errorText(nsOf(e.target), e.error ?? "unknown", undefined)}{" "}
              <button type="button" onClick={() => props.onDismiss(key)} aria-label={t("dismiss")}>
                ×
              </button>
            </p>
          ))}
        </div>
      ) : null}
      {paste?.kind === "done" ? (
        <p className="callout" role="status" data-testid="paste-done">
          {t("paste.done", {
            criteria: paste.outcome.createdCriteria,
            candidates: paste.outcome.createdCandidates,
            values: paste.outcome.scores + paste.outcome.facts + paste.outcome.weights,
          })}
        </p>
      ) : null}
      {paste?.kind === "invalid" ? (
        <section className="callout callout-error" role="alert" data-testid="paste-problems">
          <h3>{t("paste.invalidTitle")}</h3>
          <ul>
            {paste.problems.map((p, i) => (
              <li key={i} data-testid="paste-problem" data-cell={p.cell}>
                <strong>{p.cell}</strong>
                {p.where ? ` (${p.where})` : ""}: {pasteMessage(p.key, p.params)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {paste?.kind === "stale" ? (
        <section className="callout callout-error" role="alert" data-testid="paste-stale">
          <h3>{t("paste.staleTitle")}</h3>
          <ul>
            {paste.cells.map((c, i) => (
              <li key={i}>
                {c.candidate ? `${c.criterion} · ${c.candidate}` : c.criterion} ({t(`paste.what.${c.what}`)})
              </li>
            ))}
          </ul>
          <button type="button" onClick={props.onPasteReload}>
            {t("paste.reload")}
          </button>
        </section>
      ) : null}
      {paste?.kind === "failed" ? (
        <p className="callout callout-error" role="alert" data-testid="paste-failed">
          {pasteMessage(paste.error)}
        </p>
      ) : null}
    </div>
  );
}
