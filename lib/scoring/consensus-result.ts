// How far the evaluators agree (issue 17), measured on what they entered: Kendall's W of their rankings of the
// contenders, overall (each evaluator's own weighted total, from their scores alone beside the shared facts and team
// fit) and per criterion (their raw values on it). Only opinions count: measured facts and computed skill matches are
// the same for everyone and would inflate the agreement. The scores are the ones the viewer may see (blind scoring is
// applied before the engine), so the figure never reveals a hidden score's effect.
import { buildCells } from "./cells";
import { kendallW, type KendallW } from "./consensus";
import type { CellResult, ConsensusResult, CriterionConsensus, SkillMatchResult } from "./result-types";
import { candidateTotals } from "./totals";
import type { CandidateInput, CriterionInput, FactInput, ScoreInput } from "./types";

export interface ConsensusInput {
  criteria: readonly CriterionInput[];
  candidates: readonly CandidateInput[];
  shares: readonly number[];
  /** The group's cells, in model order (criterion-major): which cells are opinions. */
  cells: readonly CellResult[];
  scores: readonly ScoreInput[];
  facts: readonly FactInput[];
  skillMatch: readonly SkillMatchResult[];
  /** Model-order indices of the complete, eligible candidates: the ones ranked. */
  contenders: readonly number[];
}

export function consensusOf(input: ConsensusInput): ConsensusResult {
  const { criteria, candidates, cells, scores, contenders } = input;
  const m = candidates.length;
  const value = new Map<string, number>();
  // In the order they first appear: the raters' order changes no figure, but keeps the lists stable.
  const evaluators = [...new Set(scores.map((s) => s.evaluatorId))];
  for (const s of scores) value.set(`${s.evaluatorId}|${s.criterionId}|${s.candidateId}`, s.value);
  const has = (e: string, i: number, c: number) => value.has(`${e}|${criteria[i].id}|${candidates[c].id}`);
  // An opinion cell: scored by evaluators (a fact or a skill match has no evaluators).
  const opinion = (i: number, c: number) => cells[i * m + c].evaluatorCount > 0;

  const perCriterion: CriterionConsensus[] = [];
  criteria.forEach((crit, i) => {
    const items = contenders.filter((c) => opinion(i, c));
    if (items.length < 2) return;
    const raters = evaluators.filter((e) => items.every((c) => has(e, i, c)));
    const w = kendallW(raters.map((e) => items.map((c) => value.get(`${e}|${crit.id}|${candidates[c].id}`)!)));
    perCriterion.push({ criterionId: crit.id, evaluatorIds: raters, concordance: w });
  });

  // Overall: evaluators who scored every opinion cell that counts (a weight above 0) of every contender, each ranking
  // the contenders by the total their own scores give.
  const counted = criteria.map((_, i) => i).filter((i) => input.shares[i] > 0);
  const complete = evaluators.filter((e) =>
    counted.every((i) => contenders.every((c) => !opinion(i, c) || has(e, i, c))),
  );
  let overall: ConsensusResult["overall"] = null;
  if (contenders.length >= 2 && complete.length >= 2) {
    const rows = complete.map((e) => {
      const own = buildCells(
        criteria,
        candidates,
        scores.filter((s) => s.evaluatorId === e),
        input.skillMatch,
        "mean",
        input.facts,
      ).cells;
      const totals = candidateTotals(criteria, candidates, input.shares, own);
      return contenders.map((c) => totals[c].total);
    });
    overall = kendallW(rows);
  }
  return { overall, evaluatorIds: overall ? complete : [], criteria: perCriterion };
}

/** W below this on a criterion makes it the one the verdict names for discussion. */
export const DISCUSS_BELOW = 0.5;

type Compared = CriterionConsensus & { concordance: KendallW };

/** The criteria that could be compared, least agreement first (ties in model order). */
export function byAgreement(c: ConsensusResult): Compared[] {
  return c.criteria
    .filter((x): x is Compared => x.concordance !== null)
    .sort((a, b) => a.concordance.w - b.concordance.w);
}

/** The criterion the evaluators agree on least, when that agreement is weak: the one worth talking through first. */
export function leastAgreed(c: ConsensusResult): Compared | null {
  const first = byAgreement(c)[0];
  return first && first.concordance.w < DISCUSS_BELOW ? first : null;
}
