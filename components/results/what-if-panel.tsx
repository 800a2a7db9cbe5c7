"use client";
import { useFormatter, useTranslations } from "next-intl";
import { formatShare } from "@/components/decisions/number-format";
import type { DecisionDetail } from "@/lib/decisions/dto";
import { sharesOf } from "@/lib/scoring";

/** Slider resolution: 0.1 % of the total weight, so a reported crossover (e.g. 43.3 %) can be crossed exactly. */
const STEPS = 1000;

/** One slider per criterion; moving one keeps the others in proportion (as in the sensitivity analysis). */
export function WhatIfPanel({
  decision,
  weights,
  changed,
  onShare,
  onReset,
}: {
  decision: DecisionDetail;
  weights: number[];
  changed: boolean;
  onShare: (index: number, share: number) => void;
  onReset: () => void;
}) {
  const t = useTranslations("results.whatIf");
  const f = useFormatter();
  const shares = sharesOf(weights);
  return (
    <section id="view-what-if" aria-labelledby="what-if-heading" className="results-view what-if no-print-controls">
      <h2 id="what-if-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <div className="sliders" data-testid="what-if">
        {decision.criteria.map((c, i) => {
          const id = `weight-${c.id}`;
          return (
            <div className="slider-row" key={c.id}>
              <label htmlFor={id}>{c.name}</label>
              <input
                id={id}
                type="range"
                min={0}
                max={STEPS}
                step={1}
                value={Math.round(shares[i] * STEPS)}
                aria-valuetext={formatShare(f, shares[i])}
                onChange={(e) => onShare(i, Number(e.target.value) / STEPS)}
              />
              <output htmlFor={id} data-testid={`share-${c.name}`}>
                {formatShare(f, shares[i])}
              </output>
            </div>
          );
        })}
      </div>
      <p className="what-if-actions">
        <button type="button" onClick={onReset} disabled={!changed}>
          {t("reset")}
        </button>
        <span className="hint" aria-live="polite">
          {changed ? t("changed") : t("unchanged")}
        </span>
      </p>
    </section>
  );
}
