import { useFormatter, useTranslations } from "next-intl";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { PointsBasis } from "@/components/facts/points-basis";
import { formatPoints, formatRaw } from "./number-format";

/**
 * Criteria × candidates: the aggregated raw value, its 0–10 points and how many evaluators scored it. A METRIC cell is
 * a measured fact: its value in its unit, its points, and (on the row) how the points were derived.
 */
export function ScoreMatrix({ decision, result }: { decision: ResultsDecision; result: DecisionResult | null }) {
  const t = useTranslations("decisions.matrix");
  const f = useFormatter();
  const cells = new Map(result?.cells.map((c) => [`${c.criterionId}:${c.candidateId}`, c]) ?? []);
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t("title")}</h2>
      <p className="hint">{t("explain", { evaluators: decision.evaluators.map((e) => e.name).join(", ") || "—" })}</p>
      <div className="table-scroll">
        <table className="data-table matrix" data-testid="score-matrix">
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
                <th scope="row">
                  {cr.name}
                  {cr.unit ? <span className="sub">{cr.unit}</span> : null}
                  {cr.kind === "METRIC" ? (
                    <PointsBasis
                      criterion={cr}
                      values={decision.candidates.map((ca) => cells.get(`${cr.id}:${ca.id}`)?.value ?? null)}
                    />
                  ) : null}
                </th>
                {decision.candidates.map((ca) => {
                  const cell = cells.get(`${cr.id}:${ca.id}`);
                  if (!cell || cell.missing || cell.value === null || cell.points === null) {
                    return (
                      <td className="num missing" key={ca.id}>
                        {t("missing")}
                      </td>
                    );
                  }
                  return (
                    <td className={`num${cell.disagreement ? " disagree" : ""}`} key={ca.id}>
                      <span className="raw">
                        {formatRaw(f, cell.value)}
                        {cr.kind === "METRIC" && cr.unit ? ` ${cr.unit}` : ""}
                      </span>
                      {cr.kind !== "RATING" || cr.scaleMin !== 0 || cr.scaleMax !== 10 ? (
                        <span className="sub">{t("points", { points: formatPoints(f, cell.points) })}</span>
                      ) : null}
                      {cr.kind === "METRIC" ? (
                        <span className="sub">{t("measured")}</span>
                      ) : cr.kind !== "SKILL_MATCH" ? (
                        <span className="sub">
                          {t("evaluators", { count: cell.evaluatorCount })}
                          {cell.evaluatorCount > 1 && cell.range !== null
                            ? ` · ${t("range", { range: formatRaw(f, cell.range) })}`
                            : ""}
                        </span>
                      ) : (
                        <span className="sub">{t("fromTeam")}</span>
                      )}
                      {cell.disagreement ? <span className="flag flag-disagree">{t("disagreement")}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
