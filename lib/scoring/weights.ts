// Raw weights → shares ŵ_i = w_i / Σw.
import type { CriterionInput, EvaluateOptions } from "./types";

/** Shares summing to 1, or null when every weight is 0 (there is no meaningful normalisation then). */
export function normaliseWeights(raw: readonly number[]): number[] | null {
  let sum = 0;
  for (const w of raw) sum += w;
  if (!(sum > 0)) return null;
  return raw.map((w) => w / sum);
}

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

/** Shares for display: normaliseWeights, with all zero shown as all zero (the engine reports that as an error). */
export function sharesOf(raw: readonly number[]): number[] {
  return normaliseWeights(raw) ?? raw.map(() => 0);
}

/**
 * The raw weight per criterion that the evaluation uses: what-if overrides win over the stored weight, so sliders
 * never have to mutate the model.
 */
export function effectiveRawWeights(
  criteria: readonly CriterionInput[],
  overrides: EvaluateOptions["weightOverrides"],
): number[] {
  return criteria.map((c) => {
    const o = overrides?.[c.id];
    return typeof o === "number" ? o : c.weight;
  });
}
