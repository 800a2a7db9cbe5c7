import { useFormatter, useTranslations } from "next-intl";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { formatPoints, formatShare } from "./number-format";

/** Each criterion's weighted points ŵ·s per candidate, so a reader can redo every total by hand. */
export function ContributionTable({ decision, result }: { decision: ResultsDecision; result: DecisionResult }) {
  const t = useTranslations("decisions.contributions");
  const f = useFormatter();
  const byCandidate = new Map(result.ranking.map((r) => [r.candidateId, r]));
  const share = new Map(result.weights.map((w) => [w.criterionId, w.share]));
  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="contributions">
          <thead>
            <tr>
              <th scope="col">{t("criterion")}</th>
              <th scope="col" className="num">
                {t("share")}
              </th>
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
                <td className="num">{formatShare(f, share.get(cr.id) ?? 0)}</td>
                {decision.candidates.map((ca) => {
                  const c = byCandidate.get(ca.id)?.contributions.find((x) => x.criterionId === cr.id);
                  return (
                    <td
                      className="num"
                      key={ca.id}
                      title={
                        c && c.points !== null
                          ? t("product", { share: formatShare(f, c.share), points: formatPoints(f, c.points) })
                          : undefined
                      }
                    >
                      {c?.contribution == null ? (
                        <span className="missing">{t("missing")}</span>
                      ) : (
                        formatPoints(f, c.contribution)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              <td className="num">{formatShare(f, 1)}</td>
              {decision.candidates.map((ca) => (
                <td className="num total" key={ca.id} data-testid={`total-${ca.name}`}>
                  {formatPoints(f, byCandidate.get(ca.id)?.total ?? 0)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
