// Several evaluators' values for one cell → one value plus the spread statistics shown to the user.
import type { CellAggregation } from "./types";

export interface ValueSummary {
  value: number;
  min: number;
  max: number;
  range: number;
  /** Population standard deviation: the evaluators are the whole panel, not a sample of a larger one. */
  stdDev: number;
}

/** Caller guarantees at least one finite value. */
export function summariseValues(values: readonly number[], method: CellAggregation = "mean"): ValueSummary {
  // Summed in ascending order so the result is the same to the last bit whatever order the rows arrive in: the
  // results page receives a cell's values packed by evaluator, the exports read them in creation order, and
  // floating-point addition is not associative (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const min = n ? sorted[0] : Infinity;
  const max = n ? sorted[n - 1] : -Infinity;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) * (v - mean);
  const value = method === "median" ? median(sorted) : mean;
  return { value, min, max, range: max - min, stdDev: Math.sqrt(ss / n) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
