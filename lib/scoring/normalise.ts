// Raw values → 0–10 points. Everything downstream (totals, TOPSIS, sensitivity, Monte Carlo) works in points, where
// higher is always better, so direction is handled exactly once, here.
import type { CriterionInput } from "./types";
import { curvePoints, curveRange } from "./value-function";

export const DEFAULT_SCALE_MIN = 0;
export const DEFAULT_SCALE_MAX = 10;

export function ratingScale(c: Pick<CriterionInput, "scaleMin" | "scaleMax">): { lo: number; hi: number } {
  return { lo: c.scaleMin ?? DEFAULT_SCALE_MIN, hi: c.scaleMax ?? DEFAULT_SCALE_MAX };
}

/** RATING on [lo, hi]: linear; cost ratings are mirrored so 10 is always best. Caller guarantees lo < hi. */
export function ratingPoints(x: number, lo: number, hi: number, direction: CriterionInput["direction"]): number {
  const s = direction === "COST" ? (10 * (hi - x)) / (hi - lo) : (10 * (x - lo)) / (hi - lo);
  return clampPoints(s);
}

export interface MetricReference {
  worst: number;
  best: number;
}

/**
 * METRIC reference values: user-set worst/best when given, otherwise the observed extremes of the aggregated cell
 * values (direction decides which extreme is best). Null when nothing is observed and nothing is set.
 */
export function metricReference(
  c: Pick<CriterionInput, "direction" | "worst" | "best" | "autoReferences">,
  observed: readonly (number | null)[],
): MetricReference | null {
  const cost = c.direction === "COST";
  if (c.autoReferences && c.worst != null && c.best != null) {
    const [lo, hi] = c.worst < c.best ? [c.worst, c.best] : [c.best, c.worst];
    return cost ? { worst: hi, best: lo } : { worst: lo, best: hi };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of observed) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const hasObserved = min <= max;
  const worst = c.worst ?? (hasObserved ? (cost ? max : min) : null);
  const best = c.best ?? (hasObserved ? (cost ? min : max) : null);
  if (worst === null || best === null) return null;
  return { worst, best };
}

/**
 * METRIC points: 10·(x − worst)/(best − worst) clamped to [0, 10]. The formula carries the direction through the
 * order of worst and best. A zero span (all candidates equal) gives 10 to everyone: nobody is worse than anybody.
 */
export function metricPoints(x: number, ref: MetricReference): number {
  const span = ref.best - ref.worst;
  if (span === 0) return 10;
  return clampPoints((10 * (x - ref.worst)) / span);
}

/** Also turns −0 (from a cost formula at its worst value) into 0, so outputs compare and print plainly. */
export function clampPoints(s: number): number {
  return s > 0 ? (s > 10 ? 10 : s) : 0;
}

/** How one METRIC criterion turns raw values into points, with the references a reader is shown. */
export interface MetricScale {
  toPoints: (x: number) => number;
  /** Raw span between the references (0 for a pure step), the yardstick of the disagreement flag. */
  span: number;
  /** Null when nothing is observed and nothing is set: every value then gets 10 (nobody is worse than anybody). */
  reference: MetricReference | null;
}

/**
 * The one place METRIC points are defined: the criterion's value curve when it has one, else linear between the
 * reference values (user-set, or the observed extremes of `observed`).
 */
export function metricScale(
  c: Pick<CriterionInput, "direction" | "worst" | "best" | "valueCurve" | "autoReferences">,
  observed: readonly (number | null)[],
): MetricScale {
  if (c.valueCurve) {
    const curve = c.valueCurve;
    const reference = curveRange(curve, c.direction);
    return { toPoints: (x) => curvePoints(x, curve), span: Math.abs(reference.best - reference.worst), reference };
  }
  const reference = metricReference(c, observed);
  return reference
    ? { toPoints: (x) => metricPoints(x, reference), span: Math.abs(reference.best - reference.worst), reference }
    : { toPoints: () => 10, span: 0, reference: null };
}
