// The verdict as a message key plus facts. No sentences are built here: the UI owns wording and language.
import { displayMargin } from "./display";
import type {
  MonteCarloResult,
  RankedCandidate,
  SensitivityResult,
  SkillMatchResult,
  Verdict,
  VerdictFacts,
  VerdictKey,
} from "./result-types";

/** A lead below this many points is "close" whatever the simulation says. */
export const CLOSE_LEAD = 0.5;
/** The winner must stay first in at least this share of Monte Carlo samples for a "clear" verdict. */
export const CLEAR_PROBABILITY = 0.75;

export interface VerdictInput {
  ranking: readonly RankedCandidate[];
  winnerId: string | null;
  tieAtTop: boolean;
  sensitivity: SensitivityResult;
  monteCarlo: MonteCarloResult | null;
  skillMatch: readonly SkillMatchResult[];
  topsisAgrees: boolean;
  topsisWinnerId?: string | null;
  topsisDisagreementCriterionId?: string | null;
}

export function buildVerdict(input: VerdictInput): Verdict {
  // Only complete, eligible candidates are judged; incomplete ones are named apart (facts.unranked).
  const contenders = input.ranking.filter((r) => !r.excluded && r.rank !== null);
  const unranked = input.ranking.filter((r) => !r.excluded && r.rank === null);
  const winner = input.winnerId === null ? undefined : contenders.find((r) => r.candidateId === input.winnerId);
  const leader = winner ?? contenders[0];
  const runnerUp = leader ? contenders.find((r) => r.candidateId !== leader.candidateId) : undefined;
  const change = input.sensitivity.smallestChange;
  const mc = input.monteCarlo;
  const winnerSkills = winner ? input.skillMatch.find((s) => s.candidateId === winner.candidateId) : undefined;

  const facts: VerdictFacts = {
    winnerId: winner?.candidateId ?? null,
    runnerUpId: runnerUp?.candidateId ?? null,
    // The difference of the two displayed totals, so the sentence can be checked against the table beside it.
    lead: leader && runnerUp ? displayMargin(leader.total, runnerUp.total) : null,
    pFirst: mc?.pWinnerFirst ?? null,
    samples: mc?.samples ?? 0,
    weakestCriterionId: change?.criterionId ?? null,
    weakestFlipAt: change?.toShare ?? null,
    flipTo: change?.newWinnerId ?? null,
    // Flagged risks (share ≥ 20 % and fewer than two experts) and every required skill nobody holds at expert level.
    skillRisks: (winnerSkills?.requirements ?? [])
      .filter((r) => r.risk || r.busFactor === 0)
      .map((r) => ({
        candidateId: winnerSkills!.candidateId,
        skillId: r.skillId,
        busFactor: r.busFactor,
        weight: r.weight,
        flagged: r.risk,
      })),
    topsisAgrees: input.topsisAgrees,
    topsisWinnerId: input.topsisWinnerId ?? null,
    topsisDisagreementCriterionId: input.topsisDisagreementCriterionId ?? null,
    unranked: unranked.map((r) => ({ candidateId: r.candidateId, missingCriteria: r.missingCriteria })),
  };

  let key: VerdictKey;
  // Nothing complete to judge (no scores yet, or every candidate still has gaps): no verdict, not a confident one.
  if (contenders.length === 0) key = unranked.length > 0 ? "verdict.none" : "verdict.noEligible";
  else if (input.tieAtTop) key = "verdict.tie";
  else if (
    (facts.lead !== null && facts.lead < CLOSE_LEAD) ||
    (facts.pFirst !== null && facts.pFirst < CLEAR_PROBABILITY)
  )
    key = "verdict.close";
  else key = "verdict.clear";

  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (typeof v === "string" || typeof v === "number") params[k] = v;
  }
  if (input.tieAtTop) {
    params.tiedCount = contenders.filter((r) => r.rank === 1).length;
    params.tiedIds = contenders
      .filter((r) => r.rank === 1)
      .map((r) => r.candidateId)
      .join(",");
  }
  params.skillRiskCount = facts.skillRisks.length;
  if (unranked.length > 0) params.unrankedCount = unranked.length;
  return { key, params, facts };
}
