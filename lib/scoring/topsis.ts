// TOPSIS (Hwang & Yoon 1981) as a second opinion on the weighted sum.
import type { Direction } from "./types";

export interface TopsisOutput {
  closeness: number[];
  dPlus: number[];
  dMinus: number[];
  /** Weighted normalised matrix v[a][j] = w_j · x_aj / ‖x_j‖. */
  weighted: number[][];
  /** Weighted normalised ideal / anti-ideal per column (benefit: max/min, cost: min/max). */
  ideal: number[];
  antiIdeal: number[];
}

/**
 * matrix[a][j]: alternative a on criterion j; weights are used as given (pass shares summing to 1). Vector
 * normalisation r = x / ‖column‖; an all-zero column stays 0 (it separates nobody). When an alternative coincides
 * with both ideal and anti-ideal (d⁺ = d⁻ = 0, e.g. all alternatives identical), closeness is 0.5: it is exactly as
 * near the best as the worst.
 */
export function topsis(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  directions: readonly Direction[],
): TopsisOutput {
  const m = matrix.length;
  const n = weights.length;
  const v = matrix.map((row) => row.slice());
  const ideal: number[] = [];
  const antiIdeal: number[] = [];
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let a = 0; a < m; a++) ss += matrix[a][j] * matrix[a][j];
    const norm = Math.sqrt(ss);
    let lo = Infinity;
    let hi = -Infinity;
    for (let a = 0; a < m; a++) {
      const x = norm > 0 ? (weights[j] * matrix[a][j]) / norm : 0;
      v[a][j] = x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (m === 0) lo = hi = 0;
    const cost = directions[j] === "COST";
    ideal.push(cost ? lo : hi);
    antiIdeal.push(cost ? hi : lo);
  }
  const dPlus: number[] = [];
  const dMinus: number[] = [];
  const closeness: number[] = [];
  for (let a = 0; a < m; a++) {
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < n; j++) {
      sp += (v[a][j] - ideal[j]) ** 2;
      sm += (v[a][j] - antiIdeal[j]) ** 2;
    }
    const dp = Math.sqrt(sp);
    const dm = Math.sqrt(sm);
    dPlus.push(dp);
    dMinus.push(dm);
    closeness.push(dp + dm > 0 ? dm / (dp + dm) : 0.5);
  }
  return { closeness, dPlus, dMinus, weighted: v, ideal, antiIdeal };
}
