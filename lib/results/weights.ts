// What-if sliders move one criterion's *share* while the others keep their proportions — the same one-way change the
// sensitivity analysis describes, so a slider placed at a reported crossover shows exactly that crossover.

/**
 * Raw weights after setting criterion i's share to t ∈ [0, 1]. The total Σw is kept (so saved scenarios stay in the
 * decision's own units); when the others are all zero they share the remainder evenly.
 */
export function setShare(raw: readonly number[], i: number, t: number): number[] {
  const share = Math.min(1, Math.max(0, t));
  const total = raw.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? total : 100;
  const rest = total - raw[i];
  const n = raw.length;
  return raw.map((w, j) => {
    if (j === i) return share * scale;
    if (rest > 0) return (w / rest) * (1 - share) * scale;
    return n > 1 ? ((1 - share) * scale) / (n - 1) : 0;
  });
}

/** Shares ŵ = w / Σw; all zero gives all zero (the engine reports that as an error). */
export function sharesOf(raw: readonly number[]): number[] {
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => (total > 0 ? w / total : 0));
}

/** criterion id → raw weight, for evaluateDecision's weightOverrides and for saving a scenario. */
export function overridesOf(ids: readonly string[], raw: readonly number[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, k) => [id, raw[k]]));
}

export function sameWeights(a: readonly number[], b: readonly number[], eps = 1e-9): boolean {
  return a.length === b.length && a.every((x, k) => Math.abs(x - b[k]) <= eps);
}
