// Raw weights → shares ŵ_i = w_i / Σw.
import type { CriterionInput, EvaluateOptions } from "./types";

/** Shares summing to 1, or null when every weight is 0 (there is no meaningful normalisation then). */
export function normaliseWeights(raw: readonly number[]): number[] | null {
  let sum = 0;
  for (const w of raw) sum += w;
  if (!(sum > 0)) return null;
  return raw.map((w) => w / sum);
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
