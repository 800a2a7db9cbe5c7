import { useTranslations } from "next-intl";
import type { DecisionDetail } from "@/lib/decisions/dto";
import type { EvaluationOutcome } from "@/lib/scoring";
import { CriteriaTable } from "./criteria-table";
import { ContributionTable } from "./contribution-table";
import { RankingTable } from "./ranking-table";
import { ScoreMatrix } from "./score-matrix";
import { ScoringErrors } from "./scoring-errors";
import { SkillMatchTable } from "./skill-match-table";
import { StatusBadge } from "./status-badge";

export function DecisionView({ decision, outcome }: { decision: DecisionDetail; outcome: EvaluationOutcome }) {
  const t = useTranslations("decisions.detail");
  const result = outcome.ok ? outcome.result : null;
  return (
    <article className="decision" aria-labelledby="decision-title">
      <header className="decision-header">
        <h1 id="decision-title">{decision.title}</h1>
        <p className="meta">
          <StatusBadge status={decision.status} />
          {decision.team ? <span>{t("ownedBy", { team: decision.team.name })}</span> : null}
        </p>
        {decision.context ? (
          <section aria-labelledby="context-heading">
            <h2 id="context-heading" className="visually-hidden">{t("context")}</h2>
            <p className="context">{decision.context}</p>
          </section>
        ) : null}
      </header>
      {!outcome.ok ? <ScoringErrors errors={outcome.errors} /> : null}
      {result ? <RankingTable decision={decision} result={result} /> : null}
      {result ? <ContributionTable decision={decision} result={result} /> : null}
      <CriteriaTable decision={decision} result={result} />
      <ScoreMatrix decision={decision} result={result} />
      {result && result.skillMatch.some((m) => m.match !== null) ? (
        <SkillMatchTable decision={decision} result={result} />
      ) : null}
    </article>
  );
}
