// Latency summaries for the benchmarks (bench:db, bench:scale): nearest-rank quantiles and requests per second.
/** Nearest-rank quantile of ascending values (q in (0, 1]). */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  perSecond: number;
}

export function summarize(latenciesMs: number[], elapsedMs: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: sorted.length ? quantile(sorted, 0.5) : NaN,
    p99: sorted.length ? quantile(sorted, 0.99) : NaN,
    perSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : NaN,
  };
}
