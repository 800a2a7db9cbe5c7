import { describe, expect, test } from "vitest";
import { Sampler } from "./distributions";
import { Sfc32 } from "./prng";

/** Sample mean and (population) variance. */
function moments(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  return { mean, variance: v / xs.length };
}

describe("normal", () => {
  test("has mean 0 and variance 1 (within 5 SE)", () => {
    const s = new Sampler(new Sfc32(1));
    const N = 100_000;
    const xs = new Float64Array(N).map(() => s.normal());
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    // SE of the sample variance of a normal is √(2/N)·σ².
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
  });
});

describe("gamma (Marsaglia–Tsang)", () => {
  // Gamma(α, 1): mean α, variance α. Tolerances from the standard errors: SE(mean) = √(α/N);
  // SE(variance) ≈ √((μ4 − σ⁴)/N) with μ4 = 3α² + 6α for the gamma distribution.
  test.each([0.05, 0.3, 1, 2.5, 30, 1000])("α = %s has mean α and variance α", (alpha) => {
    const s = new Sampler(new Sfc32(Math.round(alpha * 1000)));
    const N = 60_000;
    const xs = new Float64Array(N).map(() => s.gamma(alpha));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - alpha)).toBeLessThan(5 * Math.sqrt(alpha / N));
    const seVar = Math.sqrt((3 * alpha * alpha + 6 * alpha - alpha * alpha) / N);
    expect(Math.abs(variance - alpha)).toBeLessThan(6 * seVar);
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  test("tiny shapes stay finite in log space", () => {
    const s = new Sampler(new Sfc32(3));
    for (let k = 0; k < 1000; k++) expect(Number.isFinite(s.logGamma(1e-4))).toBe(true);
  });
});

describe("dirichlet", () => {
  // Dirichlet(κ·ŵ): E[w_j] = ŵ_j, Var[w_j] = ŵ_j(1 − ŵ_j)/(κ + 1).
  test.each([
    [10, [0.5, 0.3, 0.2]],
    [100, [0.2, 0.25, 0.15, 0.3, 0.1]],
    [2, [0.7, 0.3]],
  ])("κ = %s matches mean ŵ and variance ŵ(1−ŵ)/(κ+1)", (kappa, shares) => {
    const s = new Sampler(new Sfc32(kappa));
    const n = shares.length;
    const N = 40_000;
    const alpha = shares.map((w) => kappa * w);
    const out = new Float64Array(n);
    const cols = shares.map(() => new Float64Array(N));
    for (let k = 0; k < N; k++) {
      s.dirichlet(alpha, out);
      let sum = 0;
      for (let j = 0; j < n; j++) {
        cols[j][k] = out[j];
        sum += out[j];
      }
      expect(sum).toBeCloseTo(1, 12);
    }
    shares.forEach((w, j) => {
      const { mean, variance } = moments(cols[j]);
      const v = (w * (1 - w)) / (kappa + 1);
      expect(Math.abs(mean - w)).toBeLessThan(5 * Math.sqrt(v / N));
      expect(Math.abs(variance / v - 1)).toBeLessThan(0.05);
    });
  });

  test("zero-weight components stay exactly zero", () => {
    const s = new Sampler(new Sfc32(5));
    const out = new Float64Array(3);
    for (let k = 0; k < 1000; k++) {
      s.dirichlet([50, 0, 50], out);
      expect(out[1]).toBe(0);
    }
  });

  test("very small concentrations still sum to 1 without NaN", () => {
    const s = new Sampler(new Sfc32(11));
    const out = new Float64Array(4);
    for (let k = 0; k < 1000; k++) {
      s.dirichlet([0.001, 0.002, 0.003, 0.004], out);
      const sum = out.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 12);
      for (const x of out) expect(Number.isFinite(x)).toBe(true);
    }
  });
});
