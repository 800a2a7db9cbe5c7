"use client";
import { memo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatPoints, formatShare } from "@/components/decisions/number-format";
import { SkillMatchTable } from "@/components/decisions/skill-match-table";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { skillNeed } from "@/lib/results/skill-needs";
import type { DecisionResult, TeamAggregation } from "@/lib/scoring";
import { EXPERT_LEVEL, RISK_BUS_FACTOR, RISK_WEIGHT } from "@/lib/scoring/team";
import { ChartFrame } from "./chart-frame";
import { CandidateBars } from "./lazy-charts";
import type { Names } from "./names";
import { TeamHeatmap } from "./team-heatmap";

/** Whether the decision has a team fit to show: an owning team and at least one candidate with a skill match. */
export function hasTeamFit(decision: ResultsDecision, result: DecisionResult): boolean {
  return Boolean(decision.team) && result.skillMatch.some((m) => m.match !== null);
}

/** Can our team run it: who knows what, each candidate's skill match, and what closing the gaps would take. */
export const TeamFitSection = memo(function TeamFitSection({
  decision,
  result,
  names,
  aggregation,
}: {
  decision: ResultsDecision;
  result: DecisionResult;
  names: Names;
  aggregation: TeamAggregation;
}) {
  const t = useTranslations("results.team");
  const f = useFormatter();
  const team = decision.team;
  if (!team || !hasTeamFit(decision, result)) return null;
  const needed = [...new Set(decision.requirements.filter((r) => r.weight > 0).map((r) => r.skillId))];
  const skills = decision.skills.filter((s) => needed.includes(s.id));
  const rating = new Map(team.ratings.map((r) => [`${r.memberId}|${r.skillId}`, r.level]));
  const levelsOf = (skillId: string) => team.ratings.filter((r) => r.skillId === skillId).map((r) => r.level);
  const bars = result.skillMatch
    .filter((m) => m.match !== null)
    .map((m) => ({
      name: names.candidate(m.candidateId),
      value: m.match ?? 0,
      color: names.style(m.candidateId).color,
    }));
  const barsHeight = 50 + bars.length * 34;
  return (
    <section id="view-team" aria-labelledby="team-heading" className="results-view">
      <h2 id="team-heading">{t("title", { team: team.name })}</h2>
      <p className="hint">{t("explain")}</p>
      <figure className="chart-frame" aria-labelledby="heatmap-caption">
        <figcaption id="heatmap-caption">
          <strong>{t("heatmapTitle")}</strong> <span className="hint">{t("heatmapHint")}</span>
        </figcaption>
        <div className="table-scroll">
          <TeamHeatmap data={{ members: team.members, skills, level: (m, s) => rating.get(`${m}|${s}`) ?? null }} />
        </div>
      </figure>
      <ChartFrame
        id="skill-bars"
        title={t("barsTitle")}
        height={barsHeight}
        chart={<CandidateBars rows={bars} height={barsHeight} max={10} label={t("match")} />}
        // The decision page's original skill-match table (same figures, with each requirement spelled out).
        table={<SkillMatchTable decision={decision} result={result} />}
      />
      <h3>{t("gapsTitle")}</h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="skill-gaps">
          <thead>
            <tr>
              <th scope="col">{t("candidate")}</th>
              <th scope="col">{t("skill")}</th>
              <th scope="col" className="num">
                {t("weight")}
              </th>
              <th scope="col" className="num">
                {t("level")}
              </th>
              <th scope="col" className="num">
                {t("target")}
              </th>
              <th scope="col" className="num">
                {t("gap")}
              </th>
              <th scope="col" className="num">
                {t("busFactor")}
              </th>
              <th scope="col">{t("need")}</th>
            </tr>
          </thead>
          <tbody>
            {result.skillMatch.flatMap((m) =>
              m.requirements.map((r) => {
                const need = skillNeed(levelsOf(r.skillId), r.target, aggregation);
                return (
                  <tr
                    key={`${m.candidateId}|${r.skillId}`}
                    data-candidate={names.candidate(m.candidateId)}
                    data-skill={names.skill(r.skillId)}
                  >
                    <th scope="row">{names.candidate(m.candidateId)}</th>
                    <td>{names.skill(r.skillId)}</td>
                    <td className="num">{formatShare(f, r.weight)}</td>
                    <td className="num">{r.rated ? formatPoints(f, r.teamLevel) : t("unrated")}</td>
                    <td className="num">{formatPoints(f, r.target)}</td>
                    <td className="num">{formatPoints(f, r.gap)}</td>
                    <td className="num" data-testid="bus-factor">
                      {r.busFactor}
                      {r.risk ? (
                        <span className="flag flag-risk">
                          {t("riskRule", {
                            share: formatShare(f, r.weight),
                            minShare: formatShare(f, RISK_WEIGHT),
                            people: RISK_BUS_FACTOR,
                            level: EXPERT_LEVEL,
                          })}
                        </span>
                      ) : null}
                      {r.busFactor === 0 ? (
                        <span className="flag flag-risk">{t("noExpert", { level: EXPERT_LEVEL })}</span>
                      ) : null}
                    </td>
                    <td data-testid="need">
                      {need.people === 0
                        ? t("covered")
                        : need.people === null
                          ? t("needMany")
                          : t("needPeople", { count: need.people, level: need.atLevel, skill: names.skill(r.skillId) })}
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});
