"use client";
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatPoints } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { ChartFrame } from "./chart-frame";
import { ProfileRadar } from "./lazy-charts";
import type { Names } from "./names";

/** Each candidate's normalised points (0–10) across the criteria, as a radar and as a table. */
export const ProfilesSection = memo(function ProfilesSection({
  decision,
  result,
  names,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  names: Names;
}) {
  const t = useTranslations("results.profiles");
  const f = useFormatter();
  const points = new Map(result.cells.map((c) => [`${c.criterionId}|${c.candidateId}`, c.points]));
  const rows = decision.criteria.map((cr) => {
    const row: Record<string, string | number> = { criterion: cr.name };
    for (const ca of decision.candidates) row[ca.id] = points.get(`${cr.id}|${ca.id}`) ?? 0;
    return row;
  });
  const series = decision.candidates.map((c) => ({ key: c.id, name: c.name, ...names.style(c.id) }));
  return (
    <section id="view-profiles" aria-labelledby="profiles-heading" className="results-view">
      <h2 id="profiles-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <ChartFrame
        id="radar"
        title={t("chartTitle")}
        height={420}
        chart={<ProfileRadar rows={rows} series={series} height={420} />}
        table={
          <table className="data-table" data-testid="profiles-table">
            <thead>
              <tr>
                <th scope="col">{t("criterion")}</th>
                {decision.candidates.map((c) => (
                  <th scope="col" className="num" key={c.id}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {decision.criteria.map((cr) => (
                <tr key={cr.id}>
                  <th scope="row">{cr.name}</th>
                  {decision.candidates.map((ca) => {
                    const p = points.get(`${cr.id}|${ca.id}`);
                    return (
                      <td className="num" key={ca.id}>
                        {p == null ? <span className="missing">{t("missing")}</span> : formatPoints(f, p)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
});
