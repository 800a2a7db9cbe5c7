// AHP: pairwise judgments → group matrix → principal eigenvector weights, consistency ratio and the judgments that
// cause most of the inconsistency.
import type { AhpInconsistentJudgment } from "./result-types";
import type { PairwiseJudgmentInput } from "./types";

/** Saaty's random consistency index for n = 1..15 (Saaty 1980 / Saaty & Tran 2007 as given in the design notes). */
export const RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
export const CR_LIMIT = 0.1;
export const SAATY_MIN = 1 / 9;
export const SAATY_MAX = 9;
/** Both directions of one evaluator's pair must multiply to 1 within this tolerance. */
export const RECIPROCAL_TOLERANCE = 1e-6;

const SAATY_VALUES = [9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v).concat([1, 2, 3, 4, 5, 6, 7, 8, 9]);

export interface AhpWeights {
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Null when n ≤ 2: every reciprocal 2×2 matrix is consistent and RI = 0. */
  cr: number | null;
  ri: number;
  consistent: boolean;
}

/**
 * Principal eigenvector of a positive reciprocal matrix by power iteration (to 1e-12), normalised to sum 1.
 * Entries that are null are unjudged pairs: Harker's method (1987) sets them to 0 and adds the number of missing
 * entries in the row to the diagonal, which gives the eigenvector of the best-fitting completed matrix. The caller
 * must ensure the judged pairs connect all criteria, otherwise the weights are not determined.
 */
export function ahpWeights(matrix: readonly (readonly (number | null)[])[]): AhpWeights {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    const missing = row.filter((v, j) => j !== i && v === null).length;
    return row.map((v, j) => (i === j ? 1 + missing : (v ?? 0)));
  });
  let w = new Array<number>(n).fill(1 / n);
  let next = new Array<number>(n).fill(0);
  for (let iter = 0; iter < 100_000; iter++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i][j] * w[j];
      next[i] = s;
      sum += s;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= sum;
      delta = Math.max(delta, Math.abs(next[i] - w[i]));
    }
    [w, next] = [next, w];
    if (delta < 1e-12) break;
  }
  // λmax as the mean of (Aw)_i / w_i: exact at convergence, and robust to the last digits of w.
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i][j] * w[j];
    lambda += s / w[i];
  }
  const lambdaMax = n > 0 ? lambda / n : 0;
  const ci = n > 1 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = randomIndex(n);
  const cr = n > 2 ? ci / ri : null;
  return { weights: w, lambdaMax, ci, cr, ri, consistent: cr === null || cr <= CR_LIMIT };
}

/** Beyond n = 15 no RI is tabulated; it has flattened out by then, so the n = 15 value is used. */
export function randomIndex(n: number): number {
  if (n < 1) return 0;
  return RANDOM_INDEX[Math.min(n, RANDOM_INDEX.length) - 1];
}

export interface GroupMatrix {
  /** a_ij, null where no evaluator judged the pair. */
  matrix: (number | null)[][];
  evaluatorCount: number;
  missingPairs: [number, number][];
  connected: boolean;
}

/**
 * Group judgment per pair = geometric mean over the evaluators who judged it (the only aggregation that keeps the
 * matrix reciprocal). Judgments must already be validated (known ids, range, reciprocity).
 */
export function groupMatrix(criterionIds: readonly string[], judgments: readonly PairwiseJudgmentInput[]): GroupMatrix {
  const n = criterionIds.length;
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  const logSum = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const count = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // An evaluator who states both a_ij and a_ji (reciprocal) is counted once for the pair.
  const seen = new Set<string>();
  const evaluators = new Set<string>();
  for (const j of judgments) {
    const a = index.get(j.criterionA);
    const b = index.get(j.criterionB);
    if (a === undefined || b === undefined || a === b) continue;
    evaluators.add(j.evaluatorId);
    const [lo, hi, v] = a < b ? [a, b, j.value] : [b, a, 1 / j.value];
    const key = JSON.stringify([j.evaluatorId, lo, hi]);
    if (seen.has(key)) continue;
    seen.add(key);
    logSum[lo][hi] += Math.log(v);
    count[lo][hi] += 1;
  }
  const matrix: (number | null)[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : null)),
  );
  const missingPairs: [number, number][] = [];
  const parent = criterionIds.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (count[i][j] === 0) {
        missingPairs.push([i, j]);
        continue;
      }
      const g = Math.exp(logSum[i][j] / count[i][j]);
      matrix[i][j] = g;
      matrix[j][i] = 1 / g;
      parent[find(i)] = find(j);
    }
  }
  const roots = new Set(criterionIds.map((_, i) => find(i)));
  return { matrix, evaluatorCount: evaluators.size, missingPairs, connected: roots.size <= 1 };
}

/** The Saaty scale value (1/9 … 9) nearest to x in log space — ratios are judged multiplicatively. */
export function nearestSaaty(x: number): number {
  const lx = Math.log(x);
  let best = 1;
  let bestDist = Infinity;
  for (const v of SAATY_VALUES) {
    const d = Math.abs(Math.log(v) - lx);
    if (d < bestDist - 1e-12) {
      bestDist = d;
      best = v;
    }
  }
  return best;
}

/**
 * Judged pairs ranked by |ln(a_ij · w_j / w_i)|, the log-distance between what was said and what the weights imply.
 * `contribution` is the pair's share of the summed squared log errors, so the top few explain most of the CR.
 */
export function inconsistentJudgments(
  criterionIds: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
  weights: readonly number[],
): AhpInconsistentJudgment[] {
  const rows: (AhpInconsistentJudgment & { err: number })[] = [];
  let total = 0;
  for (let i = 0; i < criterionIds.length; i++) {
    for (let j = i + 1; j < criterionIds.length; j++) {
      const a = matrix[i][j];
      if (a === null) continue;
      const err = Math.log((a * weights[j]) / weights[i]);
      total += err * err;
      rows.push({
        criterionA: criterionIds[i],
        criterionB: criterionIds[j],
        value: a,
        suggested: nearestSaaty(weights[i] / weights[j]),
        contribution: 0,
        err: Math.abs(err),
      });
    }
  }
  return rows
    .filter((r) => r.err > 1e-9)
    .sort((x, y) => y.err - x.err)
    .map(({ err, ...r }) => ({ ...r, contribution: total > 0 ? (err * err) / total : 0 }));
}
