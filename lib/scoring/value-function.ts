// Value functions for METRIC criteria: a piecewise-linear curve through user points (raw value → 0–10 points),
// clamped outside its first and last point. "Linear between reference values" is the two-point curve; a step (two
// points at the same raw value) is a threshold. Pure, so the editor's live chart, the engine and the spreadsheet
// formulas (lib/export/xlsx.ts) all follow the one definition below.
import type { Direction } from "./types";

/** [raw value in the criterion's unit, points 0–10]. */
export type CurvePoint = readonly [x: number, points: number];
export type ValueCurve = readonly CurvePoint[];

export const MIN_CURVE_POINTS = 2;
export const MAX_CURVE_POINTS = 12;

/**
 * The curve as distinct raw values, each with the points just left of it, at it and just right of it. At a step the
 * value exactly on it gets the better of the two: meeting a threshold counts as meeting it, for a benefit ("at least
 * 99.9 %") and a cost ("at most 200 ms") alike.
 */
export interface CurveKnot {
  x: number;
  left: number;
  at: number;
  right: number;
}

export function curveKnots(curve: ValueCurve): CurveKnot[] {
  const knots: CurveKnot[] = [];
  for (const [x, s] of curve) {
    const last = knots[knots.length - 1];
    if (last && last.x === x) {
      last.right = s;
      last.at = Math.max(last.at, s);
    } else knots.push({ x, left: s, at: s, right: s });
  }
  return knots;
}

/** Points for raw value x. The curve must have passed checkValueCurve. */
export function curvePoints(x: number, curve: ValueCurve): number {
  const knots = curveKnots(curve);
  const first = knots[0];
  if (x < first.x) return first.left;
  for (let j = 0; j < knots.length; j++) {
    const k = knots[j];
    if (x === k.x) return k.at;
    const next = knots[j + 1];
    if (!next) return k.right;
    if (x < next.x) {
      // The share of the way from k to next, from halves so that raw values near ±1.8e308 cannot overflow the
      // differences (halving is exact); it lies in [0, 1], so the points stay between the two knots' points.
      const t = (x / 2 - k.x / 2) / (next.x / 2 - k.x / 2);
      return k.right + (next.left - k.right) * t;
    }
  }
  return knots[knots.length - 1].right;
}

export type CurveProblem =
  | "curveTooFewPoints"
  | "curveTooManyPoints"
  | "curveNotANumber"
  | "curvePointsRange"
  | "curveOrder"
  | "curveNotMonotone"
  | "curveFlat";

/**
 * Why a curve cannot be used, or null. Raw values ascend (at most two share one value: a step); points stay in 0–10;
 * points never fall as the raw value rises for a benefit, never rise for a cost, so a better measurement never earns
 * fewer points; and some points differ, or the criterion could not tell any two candidates apart.
 */
export function checkValueCurve(
  curve: readonly (readonly number[])[],
  /** Null checks the shape alone (a stored curve before its direction is known); monotone needs the direction. */
  direction: Direction | null,
): CurveProblem | null {
  if (curve.length < MIN_CURVE_POINTS) return "curveTooFewPoints";
  if (curve.length > MAX_CURVE_POINTS) return "curveTooManyPoints";
  for (const p of curve) {
    if (p.length !== 2 || !p.every(Number.isFinite)) return "curveNotANumber";
    if (p[1] < 0 || p[1] > 10) return "curvePointsRange";
  }
  for (let i = 1; i < curve.length; i++) {
    if (curve[i][0] < curve[i - 1][0]) return "curveOrder";
    if (i >= 2 && curve[i][0] === curve[i - 2][0]) return "curveOrder";
    const rise = curve[i][1] - curve[i - 1][1];
    if (direction !== null && (direction === "COST" ? rise > 0 : rise < 0)) return "curveNotMonotone";
  }
  const first = curve[0][1];
  if (curve.every((p) => p[1] === first)) return "curveFlat";
  return null;
}

/** Raw values at the curve's ends, as the worst and best references a reader expects to see. */
export function curveRange(curve: ValueCurve, direction: Direction): { worst: number; best: number } {
  const lo = curve[0][0];
  const hi = curve[curve.length - 1][0];
  return direction === "COST" ? { worst: hi, best: lo } : { worst: lo, best: hi };
}

// Presets: starting shapes the editor offers; the user can move any point afterwards.

/** Linear between the references: worst → 0, best → 10. */
export function linearCurve(worst: number, best: number): CurvePoint[] {
  return worst < best
    ? [
        [worst, 0],
        [best, 10],
      ]
    : [
        [best, 10],
        [worst, 0],
      ];
}

/** Nothing until the threshold, full points from it on (benefit); full points up to it, nothing beyond (cost). */
export function thresholdCurve(threshold: number, direction: Direction): CurvePoint[] {
  return direction === "COST"
    ? [
        [threshold, 10],
        [threshold, 0],
      ]
    : [
        [threshold, 0],
        [threshold, 10],
      ];
}

/** Steepness of the diminishing-returns preset: the first quarter of the way from worst to best earns 5.6 points. */
export const DIMINISHING_K = 3;

/**
 * Diminishing returns: s(u) = 10·(1 − e^(−k·u)) / (1 − e^(−k)) with u the share of the way from worst to best,
 * sampled at u = 0, ¼, ½, ¾, 1 and rounded to 0.01 point (the curve is linear between the samples).
 */
export function diminishingCurve(worst: number, best: number): CurvePoint[] {
  const points: CurvePoint[] = [0, 0.25, 0.5, 0.75, 1].map((u) => {
    const s = (10 * (1 - Math.exp(-DIMINISHING_K * u))) / (1 - Math.exp(-DIMINISHING_K));
    return [worst + u * (best - worst), Math.round(s * 100) / 100];
  });
  return worst < best ? points : points.reverse();
}
