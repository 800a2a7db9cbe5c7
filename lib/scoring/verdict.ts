// The verdict as a message key plus facts. No sentences are built here: the UI owns wording and language.
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
}

export function buildVerdict(input: VerdictInput): Verdict {
  const eligible = input.ranking.filter((r) => !r.excluded);
  const winner = input.winnerId === null ? undefined : eligible.find((r) => r.candidateId === input.winnerId);
  const leader = winner ?? eligible[0];
  const runnerUp = leader ? eligible.find((r) => r.candidateId !== leader.candidateId) : undefined;
  const change = input.sensitivity.smallestChange;
  const mc = input.monteCarlo;
  const winnerSkills = winner ? input.skillMatch.find((s) => s.candidateId === winner.candidateId) : undefined;

  const facts: VerdictFacts = {
    winnerId: winner?.candidateId ?? null,
    runnerUpId: runnerUp?.candidateId ?? null,
    lead: leader && runnerUp ? leader.total - runnerUp.total : null,
    pFirst: mc?.pWinnerFirst ?? null,
    samples: mc?.samples ?? 0,
    weakestCriterionId: change?.criterionId ?? null,
    weakestFlipAt: change?.toShare ?? null,
    flipTo: change?.newWinnerId ?? null,
    skillRisks: (winnerSkills?.requirements ?? [])
      .filter((r) => r.risk)
      .map((r) => ({ candidateId: winnerSkills!.candidateId, skillId: r.skillId, busFactor: r.busFactor })),
    topsisAgrees: input.topsisAgrees,
  };

  let key: VerdictKey;
  if (eligible.length === 0) key = "verdict.noEligible";
  else if (input.tieAtTop) key = "verdict.tie";
  // A partial total can be too low by an unknown amount, so any incomplete contender makes the order provisional.
  else if (eligible.some((r) => r.incomplete)) key = "verdict.incomplete";
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
    params.tiedCount = eligible.filter((r) => r.rank === 1).length;
    params.tiedIds = eligible
      .filter((r) => r.rank === 1)
      .map((r) => r.candidateId)
      .join(",");
  }
  params.skillRiskCount = facts.skillRisks.length;
  return { key, params, facts };
}
