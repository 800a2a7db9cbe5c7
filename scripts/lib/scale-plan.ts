// Pure part of `npm run bench:scale`: how big each seeded decision is and how the audit events spread over them.
// Kept apart from the seeding and the servers so vitest checks it without a database.
import { Sfc32 } from "@/lib/scoring/prng";

export interface DecisionShape {
  candidates: number;
  criteria: number;
  evaluators: number;
}

/** The largest decision and the one its targets are stated for; both are always in a plan. */
export const LARGEST: DecisionShape = { candidates: 30, criteria: 50, evaluators: 12 };
export const TARGET: DecisionShape = { candidates: 12, criteria: 20, evaluators: 8 };

export const scoresOf = (s: DecisionShape) => s.candidates * s.criteria * s.evaluators;

/**
 * `count` decisions of mixed size whose scores add up to about `scores` (the issue: 1,000 decisions, ~1M scores).
 * Decision 0 is TARGET, decision 1 LARGEST (when count allows); the rest are drawn with a fixed seed, skewed towards
 * small decisions as real portfolios are, then all grown or shrunk by one factor found by bisection so the total
 * lands near the goal. Every shape stays within 2…30 candidates, 2…50 criteria, 1…12 evaluators.
 */
export function planDecisions(count: number, scores: number, seed = 14): DecisionShape[] {
  const rng = new Sfc32(seed);
  const raw = Array.from({ length: Math.max(0, count - 2) }, () => {
    const skew = () => rng.uniform() ** 1.5;
    return { candidates: 2 + 28 * skew(), criteria: 2 + 48 * skew(), evaluators: 1 + 11 * skew() };
  });
  const fixed = [TARGET, LARGEST].slice(0, count);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
  const shaped = (f: number): DecisionShape[] => [
    ...fixed,
    ...raw.map((r) => ({
      candidates: clamp(r.candidates * f, 2, LARGEST.candidates),
      criteria: clamp(r.criteria * f, 2, LARGEST.criteria),
      evaluators: clamp(r.evaluators * f, 1, LARGEST.evaluators),
    })),
  ];
  const total = (f: number) => shaped(f).reduce((n, s) => n + scoresOf(s), 0);
  let lo = 0.05;
  let hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < scores) lo = mid;
    else hi = mid;
  }
  return shaped(Math.abs(total(lo) - scores) <= Math.abs(total(hi) - scores) ? lo : hi);
}

/** Splits `total` audit events over decisions in proportion to their scores (largest remainder, sums exactly). */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}
