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
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const value = method === "median" ? median(values) : mean;
  return { value, min, max, range: max - min, stdDev: Math.sqrt(ss / n) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
