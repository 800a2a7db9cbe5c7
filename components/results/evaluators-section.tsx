"use client";
import { memo, useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatConcordance, formatPoints, formatPValue } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { decisionOptionsOf } from "@/lib/decisions/to-scoring-model";
import { evaluatorModel } from "@/lib/results/evaluators";
import {
  agreementStrength,
  byAgreement,
  CHANCE_P,
  discussionList,
  evaluateDecision,
  type DecisionModel,
  type DecisionResult,
  type KendallW,
  type TeamAggregation,
} from "@/lib/scoring";
import { ChartFrame } from "./chart-frame";
import { DiscussionTable } from "./discussion-list";
import { SpreadChart } from "./lazy-charts";
import type { Names } from "./names";

const TOP_CELLS = 10;

/** Whether there is anything to compare between evaluators: at least two of them. */
export function hasEvaluatorsView(decision: ResultsDecision): boolean {
  return decision.evaluators.length >= 2;
}

/** Where the evaluators disagree, and what each evaluator's scores alone would decide. */
export const EvaluatorsSection = memo(function EvaluatorsSection({
  decision,
  result,
  model,
  overrides,
  aggregation,
  names,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  model: DecisionModel;
  overrides: Record<string, number>;
  aggregation: TeamAggregation;
  names: Names;
}) {
  const t = useTranslations("results.evaluators");
  const f = useFormatter();
  const perEvaluator = useMemo(
    () =>
      decision.evaluators.map((e) => {
        const o = evaluateDecision(evaluatorModel(model, e.id), {
          ...decisionOptionsOf(decision),
          teamAggregation: aggregation,
          weightOverrides: overrides,
          monteCarlo: { samples: 0 },
        });
        return { evaluator: e, result: o.ok ? o.result : null };
      }),
    [decision, model, overrides, aggregation],
  );
  if (!hasEvaluatorsView(decision)) return null;
  // The cells worth discussing, largest weighted swing first: they follow the sliders, since the weights decide how
  // much a disagreement moves the totals.
  const all = discussionList(result);
  const cells = all.slice(0, TOP_CELLS);
  const rows = cells.map((c) => ({
    label: `${names.criterion(c.criterionId)} · ${names.candidate(c.candidateId)}`,
    low: c.pointsMin,
    span: c.pointsMax - c.pointsMin,
    color: names.style(c.candidateId).color,
  }));
  const height = 50 + rows.length * 30;
  return (
    <section id="view-evaluators" aria-labelledby="evaluators-heading" className="results-view">
      <h2 id="evaluators-heading">{t("title")}</h2>
      <p className="hint">{t("explain", { count: decision.evaluators.length })}</p>
      {cells.length === 0 ? <p data-testid="no-spread">{t("noSpread")}</p> : null}
      {cells.length > 0 ? (
        <>
          <h3>{t("discussionTitle")}</h3>
          <p className="hint">{t("discussionHint")}</p>
          <ChartFrame
            id="spread"
            title={t("spreadTitle", { count: rows.length })}
            hint={t("spreadHint")}
            height={height}
            chart={<SpreadChart rows={rows} height={height} lowLabel={t("lowest")} highLabel={t("highest")} />}
            table={<span className="hint">{t("spreadTableBelow")}</span>}
          />
          <DiscussionTable decisionId={decision.id} cells={cells} total={all.length} names={names} />
        </>
      ) : null}
      <h3>{t("perEvaluatorTitle")}</h3>
      <p className="hint">{t("perEvaluatorHint")}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="evaluator-totals">
          <thead>
            <tr>
              <th scope="col">{t("evaluator")}</th>
              {decision.candidates.map((c) => (
                <th scope="col" className="num" key={c.id}>
                  {c.name}
                </th>
              ))}
              <th scope="col">{t("winner")}</th>
            </tr>
          </thead>
          <tbody>
            {perEvaluator.map(({ evaluator, result: r }) => (
              <tr key={evaluator.id} data-evaluator={evaluator.name}>
                <th scope="row">{evaluator.name}</th>
                {decision.candidates.map((c) => {
                  const rc = r?.ranking.find((x) => x.candidateId === c.id);
                  return (
                    <td className="num" key={c.id}>
                      {rc ? formatPoints(f, rc.total) : "—"}
                      {rc?.incomplete ? <span className="flag flag-incomplete">{t("partial")}</span> : null}
                    </td>
                  );
                })}
                <td>{r?.winnerId ? names.candidate(r.winnerId) : t("noWinner")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("agreementTitle")}</h3>
      <p className="hint">{t("agreementHint")}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="agreement-table">
          <thead>
            <tr>
              <th scope="col">{t("agreementCriterion")}</th>
              <th scope="col" className="num">
                {t("agreementRaters")}
              </th>
              <th scope="col" className="num">
                {t("agreementW")}
              </th>
              <th scope="col" className="num">
                {t("agreementP")}
              </th>
              <th scope="col">{t("agreementStrength")}</th>
            </tr>
          </thead>
          <tbody>
            <AgreementRow label={t("agreementOverall")} w={result.consensus.overall} id="overall" t={t} f={f} />
            {[...byAgreement(result.consensus), ...result.consensus.criteria.filter((c) => !c.concordance)].map((c) => (
              <AgreementRow
                key={c.criterionId}
                id={c.criterionId}
                label={names.criterion(c.criterionId)}
                w={c.concordance}
                t={t}
                f={f}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

function AgreementRow({
  label,
  w,
  id,
  t,
  f,
}: {
  label: string;
  w: KendallW | null;
  id: string;
  t: ReturnType<typeof useTranslations<"results.evaluators">>;
  f: ReturnType<typeof useFormatter>;
}) {
  return (
    <tr data-agreement={id}>
      <th scope="row">{label}</th>
      {w ? (
        <>
          <td className="num">{w.raters}</td>
          <td className="num">{formatConcordance(f, w.w)}</td>
          <td className="num">{formatPValue(f, w.pValue)}</td>
          <td>
            {t(`strengthLabel.${agreementStrength(w.w)}`)}
            {w.pValue >= CHANCE_P ? (
              <>
                {" "}
                <span className="flag flag-incomplete">{t("chance")}</span>
              </>
            ) : null}
          </td>
        </>
      ) : (
        <td colSpan={4} className="hint">
          {t("notComparable")}
        </td>
      )}
    </tr>
  );
}
