// How far the evaluators agree (issue 17), measured on what they entered: Kendall's W of their rankings of the
// contenders, overall (each evaluator's own weighted total, from their scores alone beside the shared facts and team
// fit) and per criterion (their raw values on it). Only opinions count: measured facts and computed skill matches are
// the same for everyone and would inflate the agreement. The scores are the ones the viewer may see (blind scoring is
// applied before the engine), so the figure never reveals a hidden score's effect.
import { kendallW, type KendallW } from "./consensus";
import type { CellResult, ConsensusResult, CriterionConsensus, SkillMatchResult } from "./result-types";
import { metricScale, ratingPoints, ratingScale } from "./normalise";
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
  // In the order they first appear: the raters' order changes no figure, but keeps the lists stable.
  const evaluators = [...new Set(scores.map((s) => s.evaluatorId))];
  // Each evaluator's values by cell index (criterion-major, as the cells), NaN where not scored: index lookups, not
  // string keys, since this runs on every evaluation (30 × 50 × 12 is 18,000 scores).
  const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
  const candidateIndex = new Map(candidates.map((c, j) => [c.id, j]));
  const evaluatorIndex = new Map(evaluators.map((e, k) => [e, k]));
  const values = evaluators.map(() => new Float64Array(criteria.length * m).fill(NaN));
  for (const s of scores) {
    const i = criterionIndex.get(s.criterionId);
    const c = candidateIndex.get(s.candidateId);
    const k = evaluatorIndex.get(s.evaluatorId)!;
    if (i === undefined || c === undefined) continue;
    values[k][i * m + c] = s.value;
  }
  const has = (k: number, i: number, c: number) => !Number.isNaN(values[k][i * m + c]);
  // An opinion cell: scored by evaluators (a fact or a skill match has no evaluators).
  const opinion = (i: number, c: number) => cells[i * m + c].evaluatorCount > 0;
  const raterIds = evaluators.map((_, k) => k);

  const perCriterion: CriterionConsensus[] = [];
  criteria.forEach((crit, i) => {
    const items = contenders.filter((c) => opinion(i, c));
    if (items.length < 2) return;
    const raters = raterIds.filter((k) => items.every((c) => has(k, i, c)));
    const w = kendallW(raters.map((k) => items.map((c) => values[k][i * m + c])));
    perCriterion.push({ criterionId: crit.id, evaluatorIds: raters.map((k) => evaluators[k]), concordance: w });
  });

  // Overall: evaluators who scored every opinion cell that counts (a weight above 0) of every contender, each ranking
  // the contenders by the total their own scores give.
  const counted = criteria.map((_, i) => i).filter((i) => input.shares[i] > 0);
  const complete = raterIds.filter((k) =>
    counted.every((i) => contenders.every((c) => !opinion(i, c) || has(k, i, c))),
  );
  // Facts by cell index: a measured METRIC value replaces everyone's opinion of that cell.
  const factAt = new Float64Array(criteria.length * m).fill(NaN);
  for (const f of input.facts) {
    const i = criterionIndex.get(f.criterionId);
    const c = candidateIndex.get(f.candidateId);
    if (i !== undefined && c !== undefined && criteria[i].kind === "METRIC") factAt[i * m + c] = f.value;
  }
  // One evaluator's totals of the contenders, as buildCells + candidateTotals would give them from that evaluator's
  // scores alone (the property test checks they agree), without building 1,500 cell objects per evaluator.
  const ownTotals = (k: number) => {
    const totals = new Array<number>(contenders.length).fill(0);
    criteria.forEach((crit, i) => {
      const share = input.shares[i];
      if (share === 0) return;
      if (crit.kind === "SKILL_MATCH") {
        contenders.forEach((c, j) => (totals[j] += share * (cells[i * m + c].points ?? 0)));
        return;
      }
      const valueAt = (c: number) => {
        const fact = factAt[i * m + c];
        return Number.isNaN(fact) ? values[k][i * m + c] : fact;
      };
      let toPoints: (x: number) => number;
      if (crit.kind === "METRIC") {
        // Observed references come from this evaluator's values (and the facts), as in their own evaluation.
        toPoints = metricScale(
          crit,
          candidates.map((_, c) => (Number.isNaN(valueAt(c)) ? null : valueAt(c))),
        ).toPoints;
      } else {
        const { lo, hi } = ratingScale(crit);
        toPoints = (x) => ratingPoints(x, lo, hi, crit.direction);
      }
      contenders.forEach((c, j) => {
        const v = valueAt(c);
        if (!Number.isNaN(v)) totals[j] += share * toPoints(v);
      });
    });
    return totals;
  };
  const overall = contenders.length >= 2 && complete.length >= 2 ? kendallW(complete.map(ownTotals)) : null;
  return { overall, evaluatorIds: overall ? complete.map((k) => evaluators[k]) : [], criteria: perCriterion };
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
