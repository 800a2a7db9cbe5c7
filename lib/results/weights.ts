// Helpers for the what-if sliders' state. The weight mathematics (setShare, sharesOf) lives in lib/scoring/weights.ts.

/** criterion id → raw weight, for evaluateDecision's weightOverrides and for saving a scenario. */
export function overridesOf(ids: readonly string[], raw: readonly number[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, k) => [id, raw[k]]));
}

export function sameWeights(a: readonly number[], b: readonly number[], eps = 1e-9): boolean {
  return a.length === b.length && a.every((x, k) => Math.abs(x - b[k]) <= eps);
}
