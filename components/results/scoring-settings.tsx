"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateScoringSettingsAction } from "@/lib/actions/decisions";
import { useHydrated } from "@/components/use-hydrated";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { ScoringSettings } from "@/lib/validation/decision";

const ERRORS = ["stale", "decisionLocked", "forbidden", "notFound", "failed"] as const;
type ErrorKey = (typeof ERRORS)[number];
const errorKey = (e: string): ErrorKey => ERRORS.find((k) => k === e) ?? "failed";

/**
 * The decision's scoring method: how several evaluators' values become one cell value (mean or median) and where the
 * weights come from (as entered, or the AHP eigenvector). Architects change it here; everyone sees it stated.
 */
export function ScoringSettingsPanel({ decision, canWrite }: { decision: ResultsDecision; canWrite: boolean }) {
  const t = useTranslations("results.method");
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [error, setError] = useState<ErrorKey | null>(null);
  const locked = decision.status === "DECIDED" || decision.status === "SUPERSEDED";
  const editable = canWrite && !locked;
  const current = decision.scoring;

  const save = (next: ScoringSettings) => {
    setError(null);
    start(async () => {
      const r = await updateScoringSettingsAction({ decisionId: decision.id, version: decision.version, ...next });
      if (!r.ok) setError(errorKey(r.error));
      // Fresh figures (and, after a conflict, the colleague's choice) come from the server.
      router.refresh();
    });
  };

  return (
    <section aria-labelledby="method-heading" className="results-view method" data-testid="scoring-settings">
      <h2 id="method-heading">{t("title")}</h2>
      <p data-testid="method-summary">
        {t("summary", {
          aggregation: t(`aggregation.${current.aggregation}`),
          weights: t(`weights.${current.weightSource}`),
        })}
      </p>
      {editable ? (
        <div className="method-fields">
          <label className="inline-field">
            {t("aggregationLabel")}{" "}
            <select
              value={current.aggregation}
              disabled={pending || !hydrated}
              data-testid="method-aggregation"
              onChange={(e) => save({ ...current, aggregation: e.target.value as ScoringSettings["aggregation"] })}
            >
              <option value="mean">{t("aggregation.mean")}</option>
              <option value="median">{t("aggregation.median")}</option>
            </select>
          </label>{" "}
          <label className="inline-field">
            {t("weightsLabel")}{" "}
            <select
              value={current.weightSource}
              disabled={pending || !hydrated}
              data-testid="method-weights"
              onChange={(e) => save({ ...current, weightSource: e.target.value as ScoringSettings["weightSource"] })}
            >
              <option value="direct">{t("weights.direct")}</option>
              <option value="ahp">{t("weights.ahp")}</option>
            </select>
          </label>
        </div>
      ) : null}
      <p className="hint" aria-live="polite">
        {pending ? t("saving") : error ? <span className="missing">{t(`errors.${error}`)}</span> : null}
      </p>
    </section>
  );
}
