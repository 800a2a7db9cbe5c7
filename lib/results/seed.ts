// The Monte Carlo seed is fixed per decision (FNV-1a of its id), so everyone who opens a decision sees the same
// probabilities, and a test can recompute them.
export function decisionSeed(decisionId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < decisionId.length; i++) {
    h ^= decisionId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const MC_SAMPLES = 10_000;
/** A quick provisional pass shown while the full run is still going. */
export const MC_PREVIEW_SAMPLES = 1_000;
