import { useFormatter, useTranslations } from "next-intl";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import { formatPoints, formatRaw } from "./number-format";

/** The owning team's fit for each candidate: skill match, gaps to target and bus-factor risks. */
export function SkillMatchTable({ decision, result }: { decision: ResultsDecision; result: DecisionResult }) {
  const t = useTranslations("decisions.skills");
  const f = useFormatter();
  const candidate = new Map(decision.candidates.map((c) => [c.id, c.name]));
  const skill = new Map(decision.skills.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="skills-heading">
      <h2 id="skills-heading">{t("title", { team: decision.team?.name ?? "—" })}</h2>
      <table className="data-table" data-testid="skill-match">
        <thead>
          <tr>
            <th scope="col">{t("candidate")}</th>
            <th scope="col" className="num">
              {t("match")}
            </th>
            <th scope="col">{t("requirements")}</th>
          </tr>
        </thead>
        <tbody>
          {result.skillMatch.map((m) => (
            <tr key={m.candidateId} data-candidate={candidate.get(m.candidateId)}>
              <th scope="row">{candidate.get(m.candidateId)}</th>
              <td className="num" data-testid="skill-match-value">
                {m.match === null ? "—" : formatPoints(f, m.match)}
              </td>
              <td>
                <ul className="plain">
                  {m.requirements.map((r) => (
                    <li key={r.skillId}>
                      {t("requirement", {
                        skill: skill.get(r.skillId) ?? r.skillId,
                        weight: f.number(r.weight, { style: "percent", maximumFractionDigits: 0 }),
                        level: formatRaw(f, r.teamLevel),
                        gap: formatRaw(f, r.gap),
                        busFactor: r.busFactor,
                      })}
                      {r.risk ? <span className="flag flag-risk">{t("risk")}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
