// Weighted totals T_c = Σ ŵ_i·s_ci over present cells, must-have gates, and the competition ranking.
import type { CellResult, Contribution, Exclusion, RankedCandidate } from "./result-types";
import type { CandidateInput, CriterionInput } from "./types";
import { displayMargin, displayRanks, sameAtDisplay } from "./display";

/**
 * Totals closer than this are a tie. Shares like 0.15 are not exact in binary, so mathematically equal totals can
 * differ in the 15th digit; 1e-9 points is far below anything a user can see or mean.
 */
export const TIE_EPSILON = 1e-9;

export interface CandidateTotal {
  candidateId: string;
  total: number;
  contributions: Contribution[];
  incomplete: boolean;
  missingCriteria: string[];
  excluded: boolean;
  exclusions: Exclusion[];
}

/** `cells` is criterion-major (cells[i * candidates.length + c]) as built by buildCells. */
export function candidateTotals(
  criteria: readonly CriterionInput[],
  candidates: readonly CandidateInput[],
  shares: readonly number[],
  cells: readonly CellResult[],
): CandidateTotal[] {
  const m = candidates.length;
  return candidates.map((cand, c) => {
    let total = 0;
    const contributions: Contribution[] = [];
    const missingCriteria: string[] = [];
    const exclusions: Exclusion[] = [];
    criteria.forEach((crit, i) => {
      const cell = cells[i * m + c];
      const share = shares[i];
      if (cell.points === null) {
        contributions.push({ criterionId: crit.id, share, points: null, contribution: null });
        // A missing cell on a weight-0 criterion cannot change anything, so it does not make the total incomplete.
        if (share > 0) missingCriteria.push(crit.id);
      } else {
        const contribution = share * cell.points;
        total += contribution;
        contributions.push({ criterionId: crit.id, share, points: cell.points, contribution });
      }
      const threshold = crit.threshold;
      // A missing value cannot prove a failure: the candidate stays eligible but is incomplete.
      if (threshold !== null && threshold !== undefined && cell.value !== null) {
        const fails = crit.direction === "COST" ? cell.value > threshold : cell.value < threshold;
        if (fails) exclusions.push({ criterionId: crit.id, value: cell.value, threshold });
      }
    });
    return {
      candidateId: cand.id,
      total,
      contributions,
      incomplete: missingCriteria.length > 0,
      missingCriteria,
      excluded: exclusions.length > 0,
      exclusions,
    };
  });
}

/**
 * Competition ranks (1, 1, 3) for values sorted descending; `sorted` must already be in descending order.
 * Ties are judged against the first member of the tie group so a chain of near-equal values cannot drift.
 */
export function competitionRanks(sorted: readonly number[], epsilon = TIE_EPSILON): number[] {
  const ranks: number[] = [];
  let groupStart = 0;
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && Math.abs(sorted[groupStart] - sorted[k]) > epsilon) groupStart = k;
    ranks.push(groupStart + 1);
  }
  return ranks;
}

/**
 * Three groups, in this order: complete eligible candidates, ranked 1, 2, … by total; excluded candidates (failed a
 * must-have), ranks continuing after the eligible ones; incomplete candidates, not ranked at all (rank null). A
 * partial sum counts every missing cell as zero, so ranking it against complete totals would put a candidate below
 * others it may well beat. Ties and margins are judged at the displayed precision (display.ts). Equal totals keep
 * model order so the output is stable.
 */
export function rankCandidates(totals: readonly CandidateTotal[]): RankedCandidate[] {
  const order = totals.map((t, idx) => ({ t, idx }));
  const groups = [
    order.filter((o) => !o.t.excluded && !o.t.incomplete),
    order.filter((o) => o.t.excluded),
    order.filter((o) => !o.t.excluded && o.t.incomplete),
  ];
  const ranked: RankedCandidate[] = [];
  let offset = 0;
  groups.forEach((group, g) => {
    group.sort((a, b) => {
      const d = b.t.total - a.t.total;
      return sameAtDisplay(a.t.total, b.t.total) ? a.idx - b.idx : d;
    });
    const unranked = g === 2;
    const ranks = displayRanks(group.map((x) => x.t.total));
    group.forEach((x, k) => {
      const tied =
        !unranked && ((k > 0 && ranks[k - 1] === ranks[k]) || (k + 1 < group.length && ranks[k + 1] === ranks[k]));
      const next = group[k + 1];
      ranked.push({
        ...x.t,
        rank: unranked ? null : ranks[k] + offset,
        tied,
        margin: next && !unranked ? displayMargin(x.t.total, next.t.total) : null,
      });
    });
    offset += group.length;
  });
  return ranked;
}
