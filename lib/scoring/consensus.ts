// How far several raters agree on the order of the same items: Kendall's coefficient of concordance W, with the
// chi-square test that tells a real consensus from the agreement chance alone would produce.

export interface KendallW {
  /** 0 = no agreement beyond chance ordering, 1 = every rater gives the same order (ties included). */
  w: number;
  raters: number;
  items: number;
  /** m(n − 1)·W: Friedman's statistic with the tie correction (what scipy.stats.friedmanchisquare reports). */
  chiSquare: number;
  df: number;
  /** P(χ²_df ≥ chiSquare): how often raters ranking at random would agree at least this well. */
  pValue: number;
  /** Some rater gave equal values to two or more items. */
  tied: boolean;
}

/**
 * Ranks with ties sharing the mean of the positions they span (7, 9, 7, 3 → 2.5, 1, 2.5, 4), so ranks always sum to
 * n(n+1)/2 and the concordance formulas hold. Ties are exact equality, not TIE_EPSILON: the values are the raters'
 * own entries, and two entries that differ are a stated preference. Caller guarantees finite values.
 */
export function averageRanks(values: readonly number[], order: "desc" | "asc" = "desc"): number[] {
  return rankWithTies(values, order).ranks;
}

/**
 * `matrix[r][i]` is rater r's value for item i, higher is better; caller guarantees rows of equal length and finite
 * values. Null when there is nothing to agree on: fewer than two raters or items, or every rater ties every item.
 */
export function kendallW(matrix: readonly (readonly number[])[]): KendallW | null {
  const m = matrix.length;
  const n = m > 0 ? matrix[0].length : 0;
  if (m < 2 || n < 2) return null;

  const rankSums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const row of matrix) {
    const { ranks, tieTerm } = rankWithTies(row, "desc");
    for (let i = 0; i < n; i++) rankSums[i] += ranks[i];
    tieSum += tieTerm;
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - meanSum) * (r - meanSum);

  // Every term is an integer or a half-integer square, so an all-ties panel gives exactly 0 here, not float noise.
  const denominator = m * m * (n * n * n - n) - m * tieSum;
  if (denominator <= 0) return null;

  // W ≤ 1 holds exactly (Cauchy–Schwarz on the rank deviations); the clamp only absorbs rounding.
  const w = Math.min(1, Math.max(0, (12 * s) / denominator));
  const df = n - 1;
  const chiSquare = m * df * w;
  return { w, raters: m, items: n, chiSquare, df, pValue: chiSquareSurvival(chiSquare, df), tied: tieSum > 0 };
}

/** Upper tail P(χ²_df ≥ x) = Q(df/2, x/2). NaN for a non-positive or non-finite df. */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(df) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return upperGammaQ(df / 2, x / 2);
}

/** tieTerm = Σ (t³ − t) over the groups of t equal values: Kendall's tie correction for one rater. */
function rankWithTies(values: readonly number[], order: "desc" | "asc"): { ranks: number[]; tieTerm: number } {
  const n = values.length;
  const sign = order === "desc" ? -1 : 1;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => sign * (values[a] - values[b]));
  const ranks = new Array<number>(n);
  let tieTerm = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[idx[end]] === values[idx[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[idx[k]] = rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

// Relative precision the series and continued fraction stop at; a little above machine epsilon so a term that only
// perturbs the last bit cannot keep the loop alive.
const GAMMA_EPS = 1e-16;
// Both expansions need about 9·√a terms near x ≈ a; the cap only guards against a bug, never a legitimate input here.
const GAMMA_MAX_ITER = 100_000;
const TINY = 1e-300;

/**
 * Regularized upper incomplete gamma Q(a, x), a > 0, x > 0 (Numerical Recipes §6.2). The series converges fast for
 * x < a + 1 and the continued fraction elsewhere. A tiny Q only occurs in the continued-fraction region, where Q is
 * computed directly, so far-tail p-values (1e-150) stay accurate relative to their own size instead of vanishing in
 * 1 − P.
 */
function upperGammaQ(a: number, x: number): number {
  // The prefactor e^{−x}·x^a / Γ(a), in logs because each factor alone overflows for the df of a large panel.
  const logPrefactor = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let k = 0; k < GAMMA_MAX_ITER; k++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * GAMMA_EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefactor));
  }
  // Modified Lentz evaluation of the continued fraction; TINY stands in for a zero denominator.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < GAMMA_MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < GAMMA_EPS) break;
  }
  return Math.exp(logPrefactor) * h;
}

// Lanczos approximation, g = 7 with nine coefficients (Godfrey's set): about 1e-15 relative error for x ≥ 0.5. The
// six-term Numerical Recipes gammln stops near 2e-10, too coarse for p-values checked to 1e-9 relative.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
function logGamma(x: number): number {
  // Reflection: the series loses accuracy below 0.5, and Γ(x)Γ(1 − x) = π / sin(πx) moves the work above it.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let k = 1; k < LANCZOS.length; k++) sum += LANCZOS[k] / (z + k);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** How a W reads in words (after Schmidt 1997's reading of Kendall's W); the verdict and the tables share it. */
export type AgreementStrength = "strong" | "moderate" | "weak" | "little";

export function agreementStrength(w: number): AgreementStrength {
  return w >= 0.7 ? "strong" : w >= 0.5 ? "moderate" : w >= 0.3 ? "weak" : "little";
}

/** A p-value at or above this: agreement that random rankings would often reach, said so beside the figure. */
export const CHANCE_P = 0.05;
