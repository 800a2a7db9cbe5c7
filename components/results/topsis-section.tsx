"use client";
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatCloseness, formatPoints } from "@/components/decisions/number-format";
import type { DecisionResult } from "@/lib/scoring";
import type { Names } from "./names";

/** TOPSIS as a second method beside the weighted sum, and whether the two agree on the winner. */
export const TopsisSection = memo(function TopsisSection({ result, names }: { result: DecisionResult; names: Names }) {
  const t = useTranslations("results.topsis");
  const f = useFormatter();
  const wsRank = new Map(result.ranking.map((r) => [r.candidateId, r]));
  const { topsis } = result;
  const rows = [...topsis.closeness].sort((a, b) => a.rank - b.rank);
  return (
    <section id="view-topsis" aria-labelledby="topsis-heading" className="results-view">
      <h2 id="topsis-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <p
        className={topsis.agreesWithWeightedSum ? "callout callout-ok" : "callout callout-warn"}
        data-testid="topsis-verdict"
      >
        {topsis.agreesWithWeightedSum
          ? t("agrees", { winner: topsis.winnerId ? names.candidate(topsis.winnerId) : "—" })
          : t(topsis.disagreementCriterionId ? "disagreesWhy" : "disagrees", {
              topsis: topsis.winnerId ? names.candidate(topsis.winnerId) : "—",
              weighted: result.winnerId ? names.candidate(result.winnerId) : "—",
              criterion: topsis.disagreementCriterionId ? names.criterion(topsis.disagreementCriterionId) : "",
            })}
      </p>
      <table className="data-table" data-testid="topsis-table">
        <thead>
          <tr>
            <th scope="col">{t("candidate")}</th>
            <th scope="col" className="num">
              {t("closeness")}
            </th>
            <th scope="col" className="num">
              {t("topsisRank")}
            </th>
            <th scope="col" className="num">
              {t("weightedRank")}
            </th>
            <th scope="col" className="num">
              {t("weightedTotal")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.candidateId} data-candidate={names.candidate(r.candidateId)}>
              <th scope="row">{names.candidate(r.candidateId)}</th>
              <td className="num">{formatCloseness(f, r.closeness)}</td>
              <td className="num">{r.rank}</td>
              <td className="num">{wsRank.get(r.candidateId)?.rank ?? "—"}</td>
              <td className="num">{formatPoints(f, wsRank.get(r.candidateId)?.total ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
