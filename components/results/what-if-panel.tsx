"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatShare } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { buildTree, listShares, sharesOf, treeOrder } from "@/lib/scoring";

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
  decision: ResultsDecision;
  weights: number[];
  changed: boolean;
  onShare: (index: number, share: number) => void;
  onReset: () => void;
}) {
  const t = useTranslations("results.whatIf");
  const f = useFormatter();
  // A tree's sliders hold each criterion's share among its siblings, listed depth first under their groups.
  const tree = buildTree(decision.criteria);
  const local = tree.flat
    ? sharesOf(weights)
    : (listShares(decision.criteria.map((c, i) => ({ id: c.id, parentId: c.parentId, weight: weights[i] })))?.local ??
      weights.map(() => 0));
  const shares = local;
  const order = treeOrder(tree);
  return (
    <section id="view-what-if" aria-labelledby="what-if-heading" className="results-view what-if no-print-controls">
      <h2 id="what-if-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <div className="sliders" data-testid="what-if">
        {order.map((i) => {
          const c = decision.criteria[i];
          const id = `weight-${c.id}`;
          const parent = tree.nodes[i].parentId;
          return (
            <div
              className="slider-row"
              key={c.id}
              style={{ paddingInlineStart: `${Math.min(tree.nodes[i].depth - 1, 3) * 1.25}rem` }}
            >
              <label htmlFor={id}>
                {parent === null
                  ? c.name
                  : t("ofGroup", { name: c.name, group: decision.criteria.find((x) => x.id === parent)?.name ?? "" })}
              </label>
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
              <ShareInput criterion={c.name} share={shares[i]} onShare={(v) => onShare(i, v)} />
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

/**
 * The same share typed as a percentage beside the slider (one state: typing moves the slider, the slider rewrites the
 * box). While the box holds something that is not a share from 0 to 100, it says so and nothing changes.
 */
function ShareInput({ criterion, share, onShare }: { criterion: string; share: number; onShare: (v: number) => void }) {
  const t = useTranslations("results.whatIf");
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? String(Math.round(share * STEPS) / (STEPS / 100));
  const valueOf = (text: string) => {
    const v = text.trim() === "" ? NaN : Number(text);
    return Number.isFinite(v) && v >= 0 && v <= 100 ? v : null;
  };
  const invalid = draft !== null && valueOf(draft) === null;
  return (
    <span className="share-input">
      <input
        type="number"
        min={0}
        max={100}
        step={0.1}
        inputMode="decimal"
        aria-label={t("shareInput", { criterion })}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = valueOf(e.target.value);
          if (v !== null) onShare(v / 100);
        }}
        onBlur={() => setDraft(null)}
      />
      {invalid ? (
        <span id={errorId} className="field-error" role="alert">
          {t("shareInvalid")}
        </span>
      ) : null}
    </span>
  );
}
