// Random variates for the Monte Carlo, all driven by one seeded Sfc32 stream so a seed fixes the whole simulation.
import type { Sfc32 } from "./prng";

export class Sampler {
  private spare = 0;
  private hasSpare = false;

  constructor(readonly rng: Sfc32) {}

  /** Standard normal by Marsaglia's polar method: no trigonometry, and every second call is free. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.rng.uniform() - 1;
      v = 2 * this.rng.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /**
   * ln of a Gamma(alpha, 1) variate (Marsaglia & Tsang 2000). Working in logs keeps tiny shapes usable: for α < 1
   * the boost G(α) = G(α+1)·U^{1/α} underflows to 0 in linear space long before it does in log space.
   */
  logGamma(alpha: number): number {
    if (alpha < 1) return this.logGamma(alpha + 1) + Math.log(this.rng.uniformOpen()) / alpha;
    const d = alpha - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.rng.uniformOpen();
      const x2 = x * x;
      // Squeeze first: it accepts ~98 % of draws without a logarithm.
      if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
    }
  }

  gamma(alpha: number): number {
    return Math.exp(this.logGamma(alpha));
  }

  /**
   * Dirichlet(alpha) into `out` (same length). Components with alpha = 0 are exactly 0 — a criterion the user
   * weighted 0 must stay irrelevant in every sample. Normalising by the largest log avoids overflow and underflow.
   */
  dirichlet(alpha: ArrayLike<number>, out: Float64Array): void {
    const n = alpha.length;
    let maxLog = -Infinity;
    for (let j = 0; j < n; j++) {
      if (alpha[j] > 0) {
        const lg = this.logGamma(alpha[j]);
        out[j] = lg;
        if (lg > maxLog) maxLog = lg;
      }
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (alpha[j] > 0) {
        const e = Math.exp(out[j] - maxLog);
        out[j] = e;
        sum += e;
      } else {
        out[j] = 0;
      }
    }
    if (sum > 0) for (let j = 0; j < n; j++) out[j] /= sum;
  }
}
