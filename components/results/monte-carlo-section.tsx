"use client";
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatShare } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { ChartFrame } from "./chart-frame";
import { RankChart } from "./lazy-charts";
import type { Names } from "./names";
import type { McState } from "./use-monte-carlo";

/** Rank acceptability from the simulation: how often each candidate lands at each rank. */
export const MonteCarloSection = memo(function MonteCarloSection({
  decision,
  mc,
  names,
  seed,
}: {
  decision: ResultsDecision;
  mc: McState;
  names: Names;
  seed: number;
}) {
  const t = useTranslations("results.monteCarlo");
  const f = useFormatter();
  const r = mc.monteCarlo;
  const ranks = r ? (r.rankAcceptability[0]?.length ?? 0) : 0;
  const order = decision.candidates.map((c, idx) => ({ c, idx }));
  const rows = r
    ? order
        .filter(({ idx }) => r.rankAcceptability[idx].some((x) => x > 0))
        .map(({ c, idx }) => {
          const row: Record<string, string | number> = { name: c.name };
          r.rankAcceptability[idx].forEach((p, k) => (row[`r${k + 1}`] = p));
          return row;
        })
    : [];
  // Before the first result the placeholder takes the height the chart will have, so nothing below it jumps.
  const height = 80 + Math.max(r ? rows.length : decision.candidates.length, 1) * 34;
  return (
    <section id="view-monte-carlo" aria-labelledby="mc-heading" className="results-view">
      <h2 id="mc-heading">{t("title")}</h2>
      <p className="hint">{t("explain")}</p>
      <div
        className="mc-status"
        aria-live="polite"
        data-testid="mc-status"
        data-status={mc.status}
        data-final={mc.final ? "true" : "false"}
        data-ms={mc.ms === null ? undefined : Math.round(mc.ms)}
      >
        {mc.status === "running" ? (
          <>
            <progress max={mc.total || 1} value={mc.done} aria-label={t("progress")} />{" "}
            {t("running", { done: mc.done, total: mc.total })}
          </>
        ) : null}
        {mc.status === "done" && r ? (
          <span>{t("doneIn", { samples: r.samples, seed, ms: Math.round(mc.ms ?? 0) })}</span>
        ) : null}
        {mc.status === "error" || mc.status === "unsupported" ? <span className="missing">{t("failed")}</span> : null}
      </div>
      {r ? (
        <ChartFrame
          id="rank-acceptability"
          title={t("chartTitle")}
          hint={t("chartHint")}
          height={height}
          chart={<RankChart rows={rows} ranks={ranks} rankLabel={(k) => t("rank", { rank: k })} height={height} />}
          table={
            <table className="data-table" data-testid="rank-table">
              <thead>
                <tr>
                  <th scope="col">{t("candidate")}</th>
                  {Array.from({ length: ranks }, (_, k) => (
                    <th scope="col" className="num" key={k}>
                      {t("rank", { rank: k + 1 })}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("se")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.map(({ c, idx }) => (
                  <tr key={c.id} data-candidate={c.name}>
                    <th scope="row">{names.candidate(c.id)}</th>
                    {r.rankAcceptability[idx].map((p, k) => (
                      <td className="num" key={k}>
                        {formatShare(f, p)}
                      </td>
                    ))}
                    <td className="num">{formatShare(f, r.pFirst[idx]?.se ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      ) : (
        <div className="chart-placeholder" style={{ height }} />
      )}
    </section>
  );
});
