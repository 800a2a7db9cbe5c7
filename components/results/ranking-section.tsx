"use client";
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ContributionTable } from "@/components/decisions/contribution-table";
import { formatPoints } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { criterionColor } from "@/lib/results/palette";
import type { DecisionResult } from "@/lib/scoring";
import { ChartFrame } from "./chart-frame";
import { ContributionChart } from "./lazy-charts";
import type { Names } from "./names";

/** The totals as stacks of weighted points, and the contribution table that lets a reader redo each sum. */
export const RankingSection = memo(function RankingSection({
  decision,
  result,
  names,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  names: Names;
}) {
  const t = useTranslations("results.ranking");
  const f = useFormatter();
  const series = decision.criteria.map((c, i) => ({
    key: c.id,
    name: c.name,
    color: criterionColor(i, decision.criteria.length),
  }));
  const rows = result.ranking.map((r) => {
    const row: Record<string, string | number> = { name: names.candidate(r.candidateId) };
    for (const c of r.contributions) row[c.criterionId] = c.contribution ?? 0;
    return row;
  });
  const height = 70 + result.ranking.length * 34;
  return (
    <div className="results-view">
      <ChartFrame
        id="contributions"
        title={t("chartTitle")}
        hint={t("chartHint")}
        height={height}
        chart={<ContributionChart rows={rows} series={series} height={height} />}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("candidate")}</th>
                <th scope="col" className="num">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.ranking.map((r) => (
                <tr key={r.candidateId}>
                  <th scope="row">{names.candidate(r.candidateId)}</th>
                  <td className="num">{formatPoints(f, r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ContributionTable decision={decision} result={result} />
    </div>
  );
});
