"use client";
// Value for money: what each candidate gives (benefit over the criteria that are not money) for what it costs (the
// money criteria's amounts), with the Pareto frontier and the dominated candidates named (lib/scoring/value-for-money.ts).
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatMoney, formatPoints, formatShare } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { valueForMoney, type DecisionResult } from "@/lib/scoring";
import { ChartFrame } from "./chart-frame";
import { ValueChart } from "./lazy-charts";
import type { Names } from "./names";

/** Whether the decision has anything to show here: a criterion marked as money. */
export function hasValueForMoney(decision: ResultsDecision): boolean {
  return decision.criteria.some((c) => c.currency != null);
}

export const ValueSection = memo(function ValueSection({
  decision,
  result,
  names,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  names: Names;
}) {
  const t = useTranslations("results.value");
  const f = useFormatter();
  const v = valueForMoney(decision.criteria, result);
  const body = (() => {
    if (v.kind === "none") return null;
    if (v.kind === "mixed")
      return (
        <p role="note" data-testid="value-mixed">
          {t("mixed", { list: v.currencies.map((c) => (c.unit ? `${c.currency} ${c.unit}` : c.currency)).join(", ") })}
        </p>
      );
    if (v.kind === "noBenefit") return <p data-testid="value-no-benefit">{t("noBenefit")}</p>;
    const money = (x: number) => formatMoney(f, x, v.currency, v.unit);
    // Axis ticks and table cells stand under a heading that names the unit already.
    const amount = (x: number) => formatMoney(f, x, v.currency, null);
    const frontier = v.frontier.map((id) => v.points.find((p) => p.candidateId === id)!);
    const dot = (p: (typeof v.points)[number]) => ({
      name: names.candidate(p.candidateId),
      cost: p.cost,
      benefit: p.benefit,
      color: names.style(p.candidateId).color,
      dominated: p.dominated,
    });
    const total = new Map(result.ranking.map((r) => [r.candidateId, r]));
    const costLabel = t("costAxis", { currency: v.currency, unit: v.unit ?? "" });
    return (
      <>
        <p className="hint">
          {t("explain", {
            share: formatShare(f, v.benefitShare),
            money: v.moneyCriterionIds.map(names.criterion).join(", "),
          })}
        </p>
        <ul className="plain value-summary" data-testid="value-summary">
          <li>{t("frontier", { list: frontier.map((p) => names.candidate(p.candidateId)).join(", ") })}</li>
          {v.steps.map((s) => (
            <li key={s.to}>
              {t("step", {
                from: names.candidate(s.from),
                to: names.candidate(s.to),
                cost: money(s.extraCost),
                benefit: formatPoints(f, s.extraBenefit),
              })}
            </li>
          ))}
          {v.points
            .filter((p) => p.dominated)
            .map((p) => (
              <li key={p.candidateId}>
                {t("dominated", {
                  candidate: names.candidate(p.candidateId),
                  by: p.dominatedBy.map(names.candidate).join(", "),
                })}
              </li>
            ))}
          {v.withoutCost.length > 0 ? (
            <li>{t("withoutCost", { list: v.withoutCost.map(names.candidate).join(", ") })}</li>
          ) : null}
        </ul>
        <ChartFrame
          id="value"
          title={t("chartTitle")}
          hint={t("chartHint")}
          height={340}
          chart={
            <ValueChart
              dots={v.points.map(dot)}
              frontier={frontier.map(dot)}
              height={340}
              costLabel={costLabel}
              benefitLabel={t("benefitAxis")}
              money={amount}
            />
          }
          table={<span className="hint">{t("tableBelow")}</span>}
        />
        <div className="table-scroll">
          <table className="data-table" data-testid="value-table">
            <thead>
              <tr>
                <th scope="col">{t("candidate")}</th>
                <th scope="col" className="num">
                  {costLabel}
                </th>
                <th scope="col" className="num">
                  {t("benefit")}
                </th>
                <th scope="col" className="num">
                  {t("total")}
                </th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {v.points.map((p) => (
                <tr key={p.candidateId} data-candidate={names.candidate(p.candidateId)}>
                  <th scope="row">{names.candidate(p.candidateId)}</th>
                  <td className="num">{amount(p.cost)}</td>
                  <td className="num">{formatPoints(f, p.benefit)}</td>
                  <td className="num">{formatPoints(f, total.get(p.candidateId)?.total ?? 0)}</td>
                  <td>
                    {p.dominated ? (
                      <span className="flag flag-incomplete">
                        {t("dominatedBy", { by: p.dominatedBy.map(names.candidate).join(", ") })}
                      </span>
                    ) : (
                      <span className="flag flag-ok">{t("onFrontier")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  })();
  return (
    <section id="view-value" aria-labelledby="value-heading" className="results-view">
      <h2 id="value-heading">{t("title")}</h2>
      {body}
    </section>
  );
});
