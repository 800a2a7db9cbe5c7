"use client";
// What went wrong, next to the grid: the value in the open editor that cannot be taken, and every save that failed
// (a network failure offers a retry; a refusal can only be dismissed, the stored value is shown again).
import { useFormatter, useTranslations } from "next-intl";
import type { CriterionDto } from "@/lib/decisions/dto";
import { knownKey } from "@/lib/i18n/known-key";
import { ratingBounds } from "@/lib/validation/score";
import { formatRaw } from "@/components/decisions/number-format";
import type { CellFailure } from "./use-score-saver";

/** The message for an error key under scores.errors, with the criterion's scale filled in. */
export function useScoreErrorText() {
  const t = useTranslations("scores");
  const f = useFormatter();
  return (key: string, cr: CriterionDto | undefined) => {
    if (!cr) return t("errors.unknown");
    const { min, max } = ratingBounds(cr);
    const k = `errors.${key}`;
    return knownKey(t, k) ? t(k, { min: formatRaw(f, min), max: formatRaw(f, max) }) : t("errors.unknown");
  };
}

export function ScoreErrors(props: {
  criteria: CriterionDto[];
  label: (criterionId: string, candidateId: string) => string;
  /** The open editor's problem, if any. */
  editError: { criterion: CriterionDto; candidateId: string; error: string } | null;
  failures: Record<string, CellFailure>;
  onRetry: (criterionId: string, candidateId: string) => void;
  onDismiss: (key: string) => void;
}) {
  const t = useTranslations("scores");
  const message = useScoreErrorText();
  const { editError } = props;
  return (
    <div role="alert" className="score-errors">
      {editError ? (
        <p className="field-error" id="score-edit-error" data-testid="score-error">
          {props.label(editError.criterion.id, editError.candidateId)}: {message(editError.error, editError.criterion)}
        </p>
      ) : null}
      {Object.entries(props.failures).map(([key, fl]) => {
        const [criterionId, candidateId] = key.split(":");
        const cr = props.criteria.find((c) => c.id === criterionId);
        return (
          <p className="field-error" key={key} data-testid="score-error">
            {props.label(criterionId, candidateId)}: {message(fl.error, cr)}{" "}
            {fl.retryable ? (
              <button type="button" onClick={() => props.onRetry(criterionId, candidateId)}>
                {t("status.retry")}
              </button>
            ) : (
              <button type="button" onClick={() => props.onDismiss(key)} aria-label={t("panel.close")}>
                ×
              </button>
            )}
          </p>
        );
      })}
    </div>
  );
}
