// One-way weight sensitivity. Moving criterion i's share to t while the others keep their proportions makes every
// total linear in t:  T_c(t) = t·s_ci + (1 − t)·R_ci,  R_ci = Σ_{j≠i} ŵ_j s_cj / (1 − ŵ_i),
// so where one candidate overtakes another is the root of a linear equation — exact, no sampling.
import type { CriterionSensitivity, PairCrossover, SensitivityResult, SmallestChange } from "./result-types";

/** Above this many eligible candidates the all-pairs crossover list (O(m²·n)) is skipped. */
export const MAX_PAIR_CANDIDATES = 30;
const EPS = 1e-12;

export interface SensitivityInput {
  criterionIds: readonly string[];
  /** Eligible candidates only — excluded ones cannot win whatever the weights. */
  candidateIds: readonly string[];
  /** points[c][i]; a missing cell counts 0, exactly as it does in the deterministic total. */
  points: readonly (readonly number[])[];
  shares: readonly number[];
  /** Index into candidateIds of the candidate whose lead is analysed (null: nothing to analyse). */
  leader: number | null;
}

/** Value at t = 0 (R) and at t = 1 (s) of candidate c's total line for criterion i. */
export function totalLine(
  points: readonly number[],
  shares: readonly number[],
  i: number,
): { at0: number; at1: number } {
  const n = shares.length;
  const rest = 1 - shares[i];
  let r = 0;
  if (rest > EPS) {
    for (let j = 0; j < n; j++) if (j !== i) r += (shares[j] * points[j]) / rest;
  } else if (n > 1) {
    // Criterion i holds all the weight, so the others have no proportions to keep; spread the rest evenly.
    for (let j = 0; j < n; j++) if (j !== i) r += points[j] / (n - 1);
  }
  return { at0: r, at1: points[i] };
}

/**
 * Share t in [0, 1] where two lines (given by their values at t = 0 and t = 1) meet; null for parallel lines or a
 * meeting point outside [0, 1].
 */
export function crossingPoint(a: { at0: number; at1: number }, b: { at0: number; at1: number }): number | null {
  const d0 = a.at0 - b.at0;
  const d1 = a.at1 - b.at1;
  const denom = d0 - d1;
  if (Math.abs(denom) < EPS) return null;
  const t = d0 / denom;
  if (t < -EPS || t > 1 + EPS) return null;
  return Math.min(1, Math.max(0, t));
}

export function sensitivity(input: SensitivityInput): SensitivityResult {
  const { criterionIds, candidateIds, points, shares, leader } = input;
  const m = candidateIds.length;
  const criteria: CriterionSensitivity[] = [];
  const pairs: PairCrossover[] = [];
  const pairsTruncated = m > MAX_PAIR_CANDIDATES;
  let smallest: SmallestChange | null = null;

  criterionIds.forEach((criterionId, i) => {
    const t0 = shares[i];
    const lines = points.map((p) => totalLine(p, shares, i));
    if (!pairsTruncated) {
      for (let a = 0; a < m; a++) {
        for (let b = a + 1; b < m; b++) {
          const at = crossingPoint(lines[a], lines[b]);
          if (at !== null) pairs.push({ criterionId, a: candidateIds[a], b: candidateIds[b], at });
        }
      }
    }
    if (leader === null) {
      criteria.push({
        criterionId,
        currentShare: t0,
        stableFrom: 0,
        stableTo: 1,
        crossovers: [],
        flipAt: null,
        flipTo: null,
      });
      return;
    }
    const w = lines[leader];
    let from = 0;
    let to = 1;
    let fromBy: number[] = [];
    let toBy: number[] = [];
    const crossovers: { candidateId: string; at: number }[] = [];
    for (let c = 0; c < m; c++) {
      if (c === leader) continue;
      // D(t) = T_leader − T_c is ≥ 0 at t0; it stays ≥ 0 on one side of its root.
      const d0 = w.at0 - lines[c].at0;
      const d1 = w.at1 - lines[c].at1;
      const at = crossingPoint(w, lines[c]);
      if (at === null) continue;
      crossovers.push({ candidateId: candidateIds[c], at });
      if (d1 > d0) {
        // D rises with t: the challenger leads below the root.
        if (at > from + EPS) [from, fromBy] = [at, [c]];
        else if (Math.abs(at - from) <= EPS && at > 0) fromBy.push(c);
      } else {
        if (at < to - EPS) [to, toBy] = [at, [c]];
        else if (Math.abs(at - to) <= EPS && at < 1) toBy.push(c);
      }
    }
    crossovers.sort((x, y) => x.at - y.at);
    // Past a boundary the new leader is the challenger rising fastest in that direction.
    const slope = (c: number) => lines[c].at1 - lines[c].at0;
    const up = toBy.length > 0 ? toBy.reduce((b, c) => (slope(c) > slope(b) ? c : b)) : null;
    const down = fromBy.length > 0 ? fromBy.reduce((b, c) => (slope(c) < slope(b) ? c : b)) : null;
    let flipAt: number | null = null;
    let flipTo: number | null = null;
    // Nearest boundary wins; on an exact draw the upward one is reported (raising a weight is the usual question).
    if (up !== null && (down === null || to - t0 <= t0 - from)) [flipAt, flipTo] = [to, up];
    else if (down !== null) [flipAt, flipTo] = [from, down];
    criteria.push({
      criterionId,
      currentShare: t0,
      stableFrom: from,
      stableTo: to,
      crossovers,
      flipAt,
      flipTo: flipTo === null ? null : candidateIds[flipTo],
    });
    if (flipAt !== null && flipTo !== null) {
      const delta = flipAt - t0;
      if (smallest === null || Math.abs(delta) < Math.abs(smallest.delta) - EPS) {
        smallest = { criterionId, fromShare: t0, toShare: flipAt, delta, newWinnerId: candidateIds[flipTo] };
      }
    }
  });

  return {
    leaderId: leader === null ? null : candidateIds[leader],
    criteria,
    smallestChange: smallest,
    pairs,
    pairsTruncated,
  };
}
