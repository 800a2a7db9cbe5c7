// SMAA-style rank stability: sample weights ~ Dirichlet(κ·ŵ) and cell points within their evaluator spread, rank,
// count. The hot loop works on flat Float64Arrays allocated once per run; nothing is allocated per sample.
import { Sampler } from "./distributions";
import { normaliseSeed, Sfc32 } from "./prng";
import type { CellResult, MonteCarloResult } from "./result-types";

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_KAPPA = 100;
export const DEFAULT_SEED = 20240601;
export const MAX_SAMPLES = 1_000_000;
/** Half-width of the perturbation for a cell scored by a single evaluator, in points. */
export const SINGLE_EVALUATOR_HALF_WIDTH = 0.5;

export interface MonteCarloProblem {
  /** Candidates (rows) and criteria (columns). */
  m: number;
  n: number;
  /** ŵ per criterion, summing to 1. */
  shares: Float64Array;
  /** Candidate-major [c * n + j]: lowest points the cell can take, and the width of its uniform range. */
  base: Float64Array;
  width: Float64Array;
  /** A criteria tree: weights are sampled per group and multiplied down; absent, one Dirichlet over `shares`. */
  levels?: WeightLevels | null;
}

/** Sampling plan of a criteria tree: one Dirichlet per sibling set, and per leaf its (set, position) pairs. */
export interface WeightLevels {
  /** Per sibling set: κ·local share of each member. */
  alpha: Float64Array[];
  /** Per leaf column j: [set, position, set, position, …] from the leaf up to the top level. */
  path: Int32Array[];
}

export interface SimulationOptions {
  samples: number;
  seed: number;
  kappa: number;
  scoreNoise: boolean;
  pairwise: boolean;
}

export interface SimulationCounts {
  samples: number;
  /** [c * m + r]: samples in which candidate c took rank r + 1. */
  rankCounts: Float64Array;
  /** [a * m + b]: samples in which a ranked above b; null when pairwise counting was off. */
  winCounts: Float64Array | null;
}

/**
 * Runs the simulation. Ties in a sample (identical totals, e.g. identical candidates without score noise) are broken
 * uniformly at random, so tied candidates share rank probabilities evenly instead of favouring model order.
 */
export function simulate(problem: MonteCarloProblem, options: SimulationOptions): SimulationCounts {
  const { m, n, shares, base, width } = problem;
  const { samples, kappa, scoreNoise, pairwise } = options;
  const rng = new Sfc32(normaliseSeed(options.seed));
  const sampler = new Sampler(rng);
  const alpha = new Float64Array(n);
  for (let j = 0; j < n; j++) alpha[j] = kappa * shares[j];
  const w = new Float64Array(n);
  const totals = new Float64Array(m);
  const state = new Int32Array(4);
  const order = new Int32Array(m);
  for (let c = 0; c < m; c++) order[c] = c;
  const rankCounts = new Float64Array(m * m);
  const winCounts = pairwise ? new Float64Array(m * m) : null;
  // Pairwise wins are counted lazily: a pair's relative order only changes when the sort swaps it, so each pair
  // remembers since which sample its current order has held and is credited in bulk when it flips (or at the end).
  // That makes the pairwise matrix O(swaps) per sample instead of O(m²).
  const since = new Int32Array(pairwise ? m * m : 0);

  const levels = problem.levels ?? null;
  const drawn = levels ? levels.alpha.map((a) => new Float64Array(a.length)) : [];

  for (let s = 0; s < samples; s++) {
    if (levels) {
      for (let k = 0; k < drawn.length; k++) sampler.dirichlet(levels.alpha[k], drawn[k]);
      for (let j = 0; j < n; j++) {
        const path = levels.path[j];
        let g = 1;
        for (let q = 0; q < path.length; q += 2) g *= drawn[path[q]][path[q + 1]];
        w[j] = g;
      }
    } else sampler.dirichlet(alpha, w);
    if (scoreNoise) {
      noisyTotals(rng, state, w, base, width, m, n, totals);
    } else {
      for (let c = 0, off = 0; c < m; c++, off += n) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += w[j] * base[off + j];
        totals[c] = acc;
      }
    }
    // Insertion sort starting from the previous sample's order: consecutive samples rank alike, so this is close to
    // linear in practice and beats a generic sort on small arrays.
    for (let k = 1; k < m; k++) {
      const x = order[k];
      const tx = totals[x];
      let p = k - 1;
      while (p >= 0 && totals[order[p]] < tx) {
        const y = order[p];
        if (winCounts) flipPair(winCounts, since, m, y, x, s);
        order[p + 1] = y;
        p--;
      }
      order[p + 1] = x;
    }
    for (let k = 0; k < m;) {
      let e = k + 1;
      const tk = totals[order[k]];
      while (e < m && totals[order[e]] === tk) e++;
      if (e - k > 1) {
        // Close the running relations inside the tie group before shuffling it; new ones start at this sample.
        if (winCounts) {
          for (let p = k; p < e; p++)
            for (let q = p + 1; q < e; q++) flipPair(winCounts, since, m, order[p], order[q], s);
        }
        for (let q = e - 1; q > k; q--) {
          const r = k + rng.below(q - k + 1);
          const tmp = order[q];
          order[q] = order[r];
          order[r] = tmp;
        }
      }
      k = e;
    }
    for (let r = 0; r < m; r++) rankCounts[order[r] * m + r] += 1;
  }
  if (winCounts) {
    for (let p = 0; p < m; p++)
      for (let q = p + 1; q < m; q++) flipPair(winCounts, since, m, order[p], order[q], samples);
  }
  return { samples, rankCounts, winCounts };
}

/** `upper` was ranked above `lower` from sample since[pair] up to (excluding) sample s; credit it and restart. */
function flipPair(
  winCounts: Float64Array,
  since: Int32Array,
  m: number,
  upper: number,
  lower: number,
  s: number,
): void {
  const key = upper < lower ? upper * m + lower : lower * m + upper;
  winCounts[upper * m + lower] += s - since[key];
  since[key] = s;
}

const INV_2_16 = 1 / 65536;

/**
 * totals[c] = Σ_j w_j·(base_cj + u_cj·width_cj) with u_cj uniform. Each sfc32 output feeds two cells with 16 bits
 * each — a grid of 1/65536 of a cell's width (≤ 1 point), far below any visible difference — which halves the cost of
 * the dominant step. The generator step is Sfc32.nextU32 run on local variables: V8 keeps them in registers, which a
 * method call on the object does not manage. Cells are consumed in candidate-major order, high half first.
 */
export function noisyTotals(
  rng: Sfc32,
  state: Int32Array,
  w: Float64Array,
  base: Float64Array,
  width: Float64Array,
  m: number,
  n: number,
  totals: Float64Array,
): void {
  rng.saveState(state);
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let spare = 0;
  let hasSpare = false;
  for (let row = 0, off = 0; row < m; row++, off += n) {
    let acc = 0;
    for (let j = 0; j < n; j++) {
      let u: number;
      if (hasSpare) {
        u = spare;
        hasSpare = false;
      } else {
        const t0 = (a + b) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        d = (d + 1) | 0;
        const t = (t0 + d) | 0;
        c = (c + t) | 0;
        u = (t >>> 16) * INV_2_16;
        spare = (t & 0xffff) * INV_2_16;
        hasSpare = true;
      }
      acc += w[j] * (base[off + j] + u * width[off + j]);
    }
    totals[row] = acc;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  rng.restoreState(state);
}

/**
 * Perturbation range of one cell in points: the evaluators' own spread when two or more scored it, ±0.5 points for a
 * single evaluator (shrunk at the 0/10 edges rather than piling mass onto the edge). Cells without evaluators — computed
 * skill match and measured facts, which are not opinions — are held fixed, and a missing cell contributes 0 in every sample exactly as in the deterministic total.
 */
export function cellPerturbation(cell: CellResult): { base: number; width: number } {
  if (cell.points === null) return { base: 0, width: 0 };
  if (cell.evaluatorCount >= 2 && cell.pointsMin !== null && cell.pointsMax !== null) {
    return { base: cell.pointsMin, width: cell.pointsMax - cell.pointsMin };
  }
  if (cell.evaluatorCount === 1) {
    const lo = Math.max(0, cell.points - SINGLE_EVALUATOR_HALF_WIDTH);
    const hi = Math.min(10, cell.points + SINGLE_EVALUATOR_HALF_WIDTH);
    return { base: lo, width: hi - lo };
  }
  return { base: cell.points, width: 0 };
}

/**
 * Formats counts for the UI in model order. `eligible[k]` is the model index of simulated candidate k; excluded
 * candidates get zero rows. Rank columns run over the eligible candidates only.
 */
export function monteCarloResult(
  counts: SimulationCounts,
  candidateIds: readonly string[],
  eligible: readonly number[],
  winnerId: string | null,
  options: SimulationOptions,
): MonteCarloResult {
  const m = eligible.length;
  const N = counts.samples;
  const simIndex = new Map(eligible.map((modelIdx, k) => [modelIdx, k]));
  const rankAcceptability = candidateIds.map((_, idx) => {
    const k = simIndex.get(idx);
    return Array.from({ length: m }, (_, r) => (k === undefined || N === 0 ? 0 : counts.rankCounts[k * m + r] / N));
  });
  const pFirst = candidateIds.map((candidateId, idx) => {
    const p = rankAcceptability[idx][0] ?? 0;
    return { candidateId, p, se: standardError(p, N) };
  });
  const winner = winnerId === null ? undefined : pFirst.find((p) => p.candidateId === winnerId);
  const wc = counts.winCounts;
  const pairwiseWinRate = wc
    ? candidateIds.map((_, a) =>
        candidateIds.map((_, b) => {
          const ka = simIndex.get(a);
          const kb = simIndex.get(b);
          return ka === undefined || kb === undefined || N === 0 ? 0 : wc[ka * m + kb] / N;
        }),
      )
    : [];
  return {
    samples: N,
    seed: normaliseSeed(options.seed),
    kappa: options.kappa,
    scoreNoise: options.scoreNoise,
    rankAcceptability,
    pFirst,
    pWinnerFirst: winner ? winner.p : null,
    seWinnerFirst: winner ? winner.se : null,
    pairwiseWinRate,
  };
}

export function standardError(p: number, samples: number): number {
  return samples > 0 ? Math.sqrt(Math.max(0, p * (1 - p)) / samples) : 0;
}
