import { useFormatter, useTranslations } from "next-intl";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { formatPoints, formatRaw } from "./number-format";

export function RankingTable({ decision, result }: { decision: ResultsDecision; result: DecisionResult }) {
  const t = useTranslations("decisions.ranking");
  const f = useFormatter();
  const candidate = new Map(decision.candidates.map((c) => [c.id, c]));
  const criterion = new Map(decision.criteria.map((c) => [c.id, c]));
  const ranked = result.ranking.filter((r) => r.rank !== null);
  const unranked = result.ranking.filter((r) => r.rank === null);
  const row = (r: DecisionResult["ranking"][number]) => (
    <tr
      key={r.candidateId}
      data-candidate={candidate.get(r.candidateId)?.name}
      data-ranked={r.rank === null ? "false" : "true"}
      className={r.excluded ? "excluded" : r.rank === null ? "unranked" : undefined}
    >
      <td className="num" data-testid="rank">
        {r.rank === null ? t("notRanked") : r.tied ? t("tiedRank", { rank: r.rank }) : r.rank}
      </td>
      <th scope="row">
        {r.excluded ? <s>{candidate.get(r.candidateId)?.name}</s> : candidate.get(r.candidateId)?.name}
      </th>
      <td className="num" data-testid="total">
        {r.rank === null ? t("partial", { total: formatPoints(f, r.total) }) : formatPoints(f, r.total)}
      </td>
      <td className="num" data-testid="margin">
        {r.margin === null ? "—" : formatPoints(f, r.margin)}
      </td>
      <td>
        {r.excluded
          ? r.exclusions.map((e) => {
              const c = criterion.get(e.criterionId);
              return (
                <span key={e.criterionId} className="flag flag-excluded">
                  {t(c?.direction === "COST" ? "excludedAbove" : "excludedBelow", {
                    criterion: c?.name ?? "",
                    value: e.value === null ? "—" : formatRaw(f, e.value),
                    threshold: formatRaw(f, e.threshold),
                    unit: c?.unit ?? "",
                  })}
                </span>
              );
            })
          : null}
        {r.incomplete ? (
          <span className="flag flag-incomplete">
            {t("incomplete", {
              criteria: r.missingCriteria.map((id) => criterion.get(id)?.name ?? id).join(", "),
            })}
          </span>
        ) : null}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">{t("title")}</h2>
      <table className="data-table" data-testid="ranking">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("rank")}
            </th>
            <th scope="col">{t("candidate")}</th>
            <th scope="col" className="num">
              {t("total")}
            </th>
            <th scope="col" className="num">
              {t("margin")}
            </th>
            <th scope="col">{t("notes")}</th>
          </tr>
        </thead>
        <tbody>{ranked.map(row)}</tbody>
        {unranked.length > 0 ? (
          <tbody data-testid="unranked">
            <tr>
              <th colSpan={5} scope="rowgroup" className="hint">
                {t("unrankedTitle")}
              </th>
            </tr>
            {unranked.map(row)}
          </tbody>
        ) : null}
      </table>
    </section>
  );
}
