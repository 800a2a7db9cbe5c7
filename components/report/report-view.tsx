// The print-ready report of one decision. A server component: every sentence and figure comes from the same bundle
// and the same text builders as the PDF and the ADR, so the three agree.
import type { ReportBundle } from "@/lib/export/bundle";
import { namesOf } from "@/lib/export/bundle";
import { acceptabilityBars, contributionBars, rankHex } from "@/lib/export/chart-geometry";
import { formatters, pointsText, reportTranslator } from "@/lib/export/i18n";
import { cellLine, derivationText, rawRows } from "@/lib/export/raw-values";
import {
  changeSentence,
  criterionMeaning,
  lastChangedAt,
  outcomeLine,
  rankingNotes,
  requirementFlags,
  scoringErrorLine,
  stabilitySentences,
  valueSentences,
  verdictSentences,
  methodLine,
} from "@/lib/export/report-text";
import type { Locale } from "@/lib/i18n/config";
import { BarChart } from "./report-charts";

export function ReportView({ b, locale, headingLevel = 2 }: { b: ReportBundle; locale: Locale; headingLevel?: 1 | 2 }) {
  const t = reportTranslator(locale);
  const f = formatters(locale);
  const n = namesOf(b);
  const d = b.decision;
  const r = b.result;
  const share = (id: string) => r?.weights.find((w) => w.criterionId === id)?.share;
  const err = scoringErrorLine(b, t);
  const contrib = r ? contributionBars(b, r) : null;
  const accept = r
    ? acceptabilityBars(b, r, {
        value: (rank, p) => t("charts.rankValue", { rank, p: f.share(p) }),
        rank: (rank) => t("charts.rankLabel", { rank }),
      })
    : null;
  const value = r ? valueSentences(r, b, t, f) : [];
  const H = headingLevel === 1 ? "h2" : "h3";
  const rows = rawRows(b);
  return (
    <div className="report" data-testid="report">
      {headingLevel === 1 ? <h1>{d.title}</h1> : null}
      <section aria-labelledby="report-summary">
        <H id="report-summary">{t("sections.summary")}</H>
        <p>
          <strong>{t("status.label")}:</strong> {t(`status.${d.status}`)} ·{" "}
          {b.teamName ? t("team", { team: b.teamName }) : t("noTeam")}
        </p>
        <p className="report-outcome">{outcomeLine(b, t)}</p>
        {d.outcomeRationale ? (
          <p>
            <strong>{t("outcome.rationale")}:</strong> {d.outcomeRationale}
          </p>
        ) : null}
        {err ? <p role="alert">{err}</p> : null}
      </section>

      <section aria-labelledby="report-context">
        <H id="report-context">{t("sections.context")}</H>
        <p className="report-context">{d.context || t("noContext")}</p>
      </section>

      <section aria-labelledby="report-criteria">
        <H id="report-criteria">{t("sections.criteria")}</H>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t("table.criterion")}</th>
              <th scope="col" className="num">
                {t("table.weight")}
              </th>
              <th scope="col" className="num">
                {t("table.share")}
              </th>
              <th scope="col">{t("table.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = row.criterion;
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{f.raw(c.weight)}</td>
                  <td className="num">{share(c.id) === undefined ? "" : f.share(share(c.id)!)}</td>
                  <td>
                    {[
                      t(`kinds.${c.kind}`),
                      t(`directions.${c.direction}`),
                      ...criterionMeaning(c, t, f),
                      derivationText(row, t, f),
                    ].join(" · ")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-matrix">
        <H id="report-matrix">{t("sections.contributions")}</H>
        <p className="report-note">{t("charts.cellExplain")}</p>
        <table className="report-table" data-testid="report-matrix">
          <thead>
            <tr>
              <th scope="col">{t("table.criterion")}</th>
              <th scope="col" className="num">
                {t("table.share")}
              </th>
              {d.candidates.map((c) => (
                <th scope="col" className="num" key={c.id}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const c = row.criterion;
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{share(c.id) === undefined ? "" : f.share(share(c.id)!)}</td>
                  {row.cells.map((cell) => {
                    const contribution = r?.ranking
                      .find((x) => x.candidateId === cell.candidateId)
                      ?.contributions.find((x) => x.criterionId === c.id)?.contribution;
                    return (
                      <td className="num" key={cell.candidateId}>
                        {cellLine(row, cell, contribution, t, f)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          {r ? (
            <tfoot>
              <tr>
                <th scope="row">{t("table.total")}</th>
                <td />
                {d.candidates.map((k) => {
                  const x = r.ranking.find((y) => y.candidateId === k.id);
                  return (
                    <td className="num" key={k.id} data-testid="report-total">
                      {x ? pointsText(x.total) : ""}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </section>

      {r ? (
        <>
          <section aria-labelledby="report-ranking">
            <H id="report-ranking">{t("sections.ranking")}</H>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t("table.rank")}</th>
                  <th scope="col">{t("table.candidate")}</th>
                  <th scope="col" className="num">
                    {t("table.total")}
                  </th>
                  <th scope="col" className="num">
                    {t("table.margin")}
                  </th>
                  <th scope="col">{t("table.notes")}</th>
                </tr>
              </thead>
              <tbody>
                {r.ranking.map((x) => (
                  <tr key={x.candidateId} className={x.excluded ? "excluded" : undefined}>
                    <td>{x.rank ?? "–"}</td>
                    <th scope="row">{n.candidate(x.candidateId)}</th>
                    <td className="num">{pointsText(x.total)}</td>
                    <td className="num">{x.margin === null ? "" : pointsText(x.margin)}</td>
                    <td>{rankingNotes(x, b, t).join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="report-charts" className="report-charts">
            <H id="report-charts">{t("sections.charts")}</H>
            {contrib ? (
              <BarChart
                id="contrib"
                title={t("charts.contributions")}
                desc={t("charts.contributionsDesc")}
                rows={contrib.rows}
                max={contrib.max}
                legend={contrib.legend}
                format={pointsText}
              />
            ) : null}
            {accept && r.monteCarlo ? (
              <BarChart
                id="accept"
                title={t("charts.acceptability", { samples: f.whole(r.monteCarlo.samples) })}
                desc={`${t("charts.acceptabilityDesc", { seed: r.monteCarlo.seed })} ${t("charts.rankValueDesc")}`}
                rows={accept.rows}
                max={1}
                legend={Array.from({ length: accept.ranks }, (_, i) => ({
                  key: String(i),
                  label: t("charts.rankLabel", { rank: i + 1 }),
                  color: rankHex(i + 1, accept.ranks),
                }))}
                format={f.share}
              />
            ) : null}
          </section>

          <section aria-labelledby="report-sensitivity">
            <H id="report-sensitivity">{t("sections.sensitivity")}</H>
            <ul>
              {verdictSentences(r, b, t, f).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
              <li data-testid="report-method">{methodLine(b, t)}</li>
            </ul>
            <ul className="report-note">
              {stabilitySentences(r, b, t, f).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>

          {value.length ? (
            <section aria-labelledby="report-value" data-testid="report-value">
              <H id="report-value">{t("sections.value")}</H>
              <ul>
                {value.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="report-team">
            <H id="report-team">{t("sections.teamFit")}</H>
            {!d.team ? (
              <p>{t("teamFit.none")}</p>
            ) : r.skillMatch.every((m) => m.requirements.length === 0) ? (
              <p>{t("teamFit.noRequirements")}</p>
            ) : (
              r.skillMatch
                .filter((m) => m.requirements.length > 0)
                .map((m) => (
                  <div key={m.candidateId} className="report-fit">
                    <p>
                      <strong>{n.candidate(m.candidateId)}</strong>: {t("table.match")}{" "}
                      {m.match === null ? "–" : pointsText(m.match)}
                    </p>
                    <ul>
                      {m.requirements.map((q) => (
                        <li key={q.skillId}>
                          {t("teamFit.requirement", {
                            skill: n.skill(q.skillId),
                            weight: f.share(q.weight),
                            level: f.raw(q.teamLevel),
                            gap: f.raw(q.gap),
                            busFactor: q.busFactor,
                          })}
                          {requirementFlags(q, n.skill(q.skillId), t, f).map((x) => (
                            <strong key={x} className="report-risk">
                              {" "}
                              {x}
                            </strong>
                          ))}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
            )}
          </section>
        </>
      ) : null}

      <section aria-labelledby="report-evaluators">
        <H id="report-evaluators">{t("sections.evaluators")}</H>
        <p>
          {b.evaluators.length
            ? t("evaluators.count", { count: b.evaluators.length, names: b.evaluators.map((e) => e.name).join(", ") })
            : t("evaluators.none")}
        </p>
      </section>

      <section aria-labelledby="report-dates">
        <H id="report-dates">{t("sections.dates")}</H>
        <p>
          {[
            t("dates.created", { date: f.date(d.createdAt) }),
            t("dates.updated", { date: f.date(lastChangedAt(b)) }),
            b.decidedAt ? t("dates.decided", { date: f.date(b.decidedAt) }) : null,
            b.createdByName ? t("dates.createdBy", { name: b.createdByName }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </section>

      <section aria-labelledby="report-changes">
        <H id="report-changes">{t("sections.changes")}</H>
        {b.changes.length === 0 ? (
          <p>{t("changes.none")}</p>
        ) : (
          <>
            <p>{t("changes.count", { count: b.changeCount, shown: b.changes.length })}</p>
            <ul className="report-note">
              {b.changes.map((c, i) => (
                <li key={i}>
                  <time dateTime={c.at}>{f.date(c.at)}</time> · {changeSentence(c, t, f)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <p className="report-note">{t("generated", { date: f.date(b.generatedAt) })}</p>
    </div>
  );
}
