"use client";
import { memo, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatPoints, formatShare } from "@/components/decisions/number-format";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { buildSweep, sweepRows } from "@/lib/results/sweep";
import type { DecisionResult } from "@/lib/scoring";
import { atCurrentShare } from "@/lib/scoring/display";
import { ChartFrame } from "./chart-frame";
import { SweepChart, TornadoChart } from "./lazy-charts";
import type { Names } from "./names";

/** How far each weight can move before the winner changes, and the exact sweep for one chosen criterion. */
export const SensitivitySection = memo(function SensitivitySection({
  decision,
  result,
  names,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  names: Names;
}) {
  const t = useTranslations("results.sensitivity");
  const f = useFormatter();
  const pct = (v: number) => formatShare(f, v);
  const { sensitivity } = result;
  const [chosen, setChosen] = useState(sensitivity.smallestChange?.criterionId ?? decision.criteria[0]?.id ?? "");
  const sweep = useMemo(() => buildSweep(result, chosen), [result, chosen]);
  if (!sensitivity.leaderId) return null;
  const leader = names.candidate(sensitivity.leaderId);
  const tornado = sensitivity.criteria.map((c) => ({
    criterion: names.criterion(c.criterionId),
    from: c.stableFrom,
    stable: c.stableTo - c.stableFrom,
    rest: 1 - c.stableTo,
    current: c.currentShare,
  }));
  const tornadoHeight = 60 + tornado.length * 32;
  const series = decision.candidates
    .filter((c) => sweep.lines.some((l) => l.candidateId === c.id))
    .map((c) => ({ key: c.id, name: c.name, ...names.style(c.id) }));
  const marks = sweep.changes.map((ch) => ({
    at: ch.at,
    total:
      ch.at * (sweep.lines.find((l) => l.candidateId === ch.to)?.at1 ?? 0) +
      (1 - ch.at) * (sweep.lines.find((l) => l.candidateId === ch.to)?.at0 ?? 0),
    label: pct(ch.at),
  }));
  return (
    <section id="view-sensitivity" aria-labelledby="sensitivity-heading" className="results-view">
      <h2 id="sensitivity-heading">{t("title")}</h2>
      <p className="hint">{t("explain", { leader })}</p>
      <ChartFrame
        id="tornado"
        title={t("tornadoTitle", { leader })}
        hint={t("tornadoHint", { leader })}
        height={tornadoHeight}
        chart={
          <TornadoChart
            rows={tornado}
            height={tornadoHeight}
            stableLabel={t("stableRange")}
            unstableLabel={t("otherWins")}
          />
        }
        table={<span className="hint">{t("tableBelow")}</span>}
      />
      <div className="table-scroll">
        <table className="data-table" data-testid="sensitivity-table">
          <thead>
            <tr>
              <th scope="col">{t("criterion")}</th>
              <th scope="col" className="num">
                {t("current")}
              </th>
              <th scope="col" className="num">
                {t("stableRange")}
              </th>
              <th scope="col">{t("flip")}</th>
            </tr>
          </thead>
          <tbody>
            {sensitivity.criteria.map((c) => (
              <tr key={c.criterionId} data-criterion={names.criterion(c.criterionId)}>
                <th scope="row">{names.criterion(c.criterionId)}</th>
                <td className="num">{pct(c.currentShare)}</td>
                <td className="num">{`${pct(c.stableFrom)} – ${pct(c.stableTo)}`}</td>
                <td data-testid="flip">
                  {c.flipAt === null || c.flipTo === null
                    ? t("noFlip", { leader })
                    : t(
                        `${c.flipAt > c.currentShare ? "flipAbove" : "flipBelow"}${atCurrentShare(c.flipAt, c.currentShare) ? "Now" : ""}`,
                        {
                          other: names.candidate(c.flipTo),
                          share: pct(c.flipAt),
                        },
                      )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 id="sweep-heading">{t("sweepTitle")}</h3>
      <label className="inline-field">
        {t("sweepCriterion")}{" "}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="sweep-criterion">
          {decision.criteria.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <p className="sweep-summary" data-testid="sweep-summary" aria-live="polite">
        {sweep.changes.length === 0
          ? t("sweepNone", {
              criterion: names.criterion(chosen),
              leader: names.candidate(sweep.lines.length ? topAt0(sweep) : sensitivity.leaderId),
            })
          : sweep.changes
              .map((ch) =>
                t("sweepChange", { to: names.candidate(ch.to), from: names.candidate(ch.from), share: pct(ch.at) }),
              )
              .join(" ")}
      </p>
      <ChartFrame
        id="sweep"
        title={t("sweepChartTitle", { criterion: names.criterion(chosen) })}
        hint={t("sweepHint")}
        height={340}
        chart={
          <SweepChart
            rows={sweepRows(sweep)}
            series={series}
            current={sweep.currentShare}
            currentLabel={t("now")}
            marks={marks}
            height={340}
          />
        }
        table={
          <table className="data-table" data-testid="sweep-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("share")}
                </th>
                {series.map((s) => (
                  <th scope="col" className="num" key={s.key}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sweepRows(sweep).map((row) => (
                <tr key={row.t}>
                  <th scope="row" className="num">
                    {pct(row.t)}
                  </th>
                  {series.map((s) => (
                    <td className="num" key={s.key}>
                      {formatPoints(f, row[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
});

function topAt0(sweep: ReturnType<typeof buildSweep>): string {
  return sweep.lines.reduce((a, b) => (b.at0 > a.at0 ? b : a)).candidateId;
}
