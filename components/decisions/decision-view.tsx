import type { DecisionDetail } from "@/lib/decisions/dto";
import type { EvaluationOutcome } from "@/lib/scoring";
import { CriteriaTable } from "./criteria-table";
import { ContributionTable } from "./contribution-table";
import { RankingTable } from "./ranking-table";
import { ScoreMatrix } from "./score-matrix";
import { ScoringErrors } from "./scoring-errors";
import { SkillMatchTable } from "./skill-match-table";

export function DecisionView({ decision, outcome }: { decision: DecisionDetail; outcome: EvaluationOutcome }) {
  const result = outcome.ok ? outcome.result : null;
  return (
    <div className="decision-results">
      {!outcome.ok ? <ScoringErrors errors={outcome.errors} /> : null}
      {result ? <RankingTable decision={decision} result={result} /> : null}
      {result ? <ContributionTable decision={decision} result={result} /> : null}
      <CriteriaTable decision={decision} result={result} />
      <ScoreMatrix decision={decision} result={result} />
      {result && result.skillMatch.some((m) => m.match !== null) ? (
        <SkillMatchTable decision={decision} result={result} />
      ) : null}
    </div>
  );
}
