// Benchmarks the Monte Carlo rank-stability simulation (lib/scoring) and, when numpy is available, an equivalent
// vectorised numpy program on the same sizes. Run: npx tsx scripts/bench.ts  (npm run bench)
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateDecision, simulate, Sfc32, type DecisionModel, type MonteCarloProblem } from "../lib/scoring";

const SAMPLES = 10_000;
const RUNS = 7;
const SIZES: [number, number][] = [
  [10, 10],
  [50, 30],
  [100, 50],
];

function randomProblem(m: number, n: number, seed: number): MonteCarloProblem {
  const rng = new Sfc32(seed);
  const shares = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += shares[j] = rng.uniform() + 0.05;
  for (let j = 0; j < n; j++) shares[j] /= sum;
  const base = new Float64Array(m * n);
  const width = new Float64Array(m * n);
  for (let k = 0; k < m * n; k++) {
    // One evaluator per cell: ±0.5 points, shrunk at the edges — what cellPerturbation does.
    const p = rng.uniform() * 10;
    base[k] = Math.max(0, p - 0.5);
    width[k] = Math.min(10, p + 0.5) - base[k];
  }
  return { m, n, shares, base, width };
}

function randomModel(m: number, n: number, seed: number): DecisionModel {
  const rng = new Sfc32(seed);
  const criteria = Array.from({ length: n }, (_, i) => ({
    id: `k${i}`,
    name: `Criterion ${i}`,
    weight: 1 + Math.floor(rng.uniform() * 10),
    kind: "RATING" as const,
    direction: rng.uniform() < 0.3 ? ("COST" as const) : ("BENEFIT" as const),
  }));
  const candidates = Array.from({ length: m }, (_, c) => ({ id: `c${c}`, name: `Candidate ${c}` }));
  const scores = candidates.flatMap((cand) =>
    criteria.map((crit) => ({
      criterionId: crit.id,
      candidateId: cand.id,
      evaluatorId: "e1",
      value: Math.round(rng.uniform() * 100) / 10,
    })),
  );
  return { criteria, candidates, scores };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => void): number {
  fn(); // warm-up: lets V8 optimise the hot loop before measuring
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function numpyTimes(): Map<string, number> | null {
  try {
    execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
  } catch {
    return null;
  }
  const script = join(dirname(fileURLToPath(import.meta.url)), "bench-numpy.py");
  const out = execFileSync("python3", [script, String(SAMPLES), String(RUNS), ...SIZES.map(([m, n]) => `${m}x${n}`)], {
    encoding: "utf8",
  });
  const result = new Map<string, number>();
  for (const line of out.trim().split("\n")) {
    const { size, ms } = JSON.parse(line) as { size: string; ms: number };
    result.set(size, ms);
  }
  return result;
}

const rows = SIZES.map(([m, n]) => {
  const problem = randomProblem(m, n, 12345);
  const base = { samples: SAMPLES, seed: 1, kappa: 100, scoreNoise: true };
  const ranksOnly = time(() => simulate(problem, { ...base, pairwise: false }));
  const withPairs = time(() => simulate(problem, { ...base, pairwise: true }));
  const model = randomModel(m, n, 777);
  const full = time(() => {
    const out = evaluateDecision(model, { monteCarlo: { samples: SAMPLES, seed: 1 } });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
  });
  return { size: `${m}x${n}`, ranksOnly, withPairs, full };
});
const np = numpyTimes();

const fmt = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(1));
const header = [
  "candidates×criteria",
  "ours ranks (ms)",
  "ours +pairwise (ms)",
  "evaluateDecision (ms)",
  "numpy (ms)",
  "ours/numpy",
];
const table = rows.map((r) => {
  const npMs = np?.get(r.size);
  return [
    r.size,
    fmt(r.ranksOnly),
    fmt(r.withPairs),
    fmt(r.full),
    fmt(npMs),
    npMs ? (r.ranksOnly / npMs).toFixed(2) : "—",
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(
  `Monte Carlo, N = ${SAMPLES.toLocaleString("en")} samples, 1 evaluator per cell, median of ${RUNS} runs after warm-up`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));
if (!np) console.log("numpy not available: python3 -c 'import numpy' failed, comparison skipped.");
console.log("ours/numpy compares like for like (rank counts only); +pairwise also fills the pairwise win-rate matrix.");
