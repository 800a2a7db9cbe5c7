// The one display rule. Every figure a reader sees is compared, ranked and subtracted at the precision it is shown
// with, so a table can never print 7.01 and 7.01 as ranks 1 and 2, and a sentence can never say "leads by 0.89" beside
// totals of 7.68 and 6.78. Formatters print the rounded value these functions return, never the raw float.

/** Totals, points, margins: two decimals (6.70). */
export const POINTS_DIGITS = 2;
/** Shares and probabilities as fractions: three decimals, printed as a percent with one decimal (22.5 %). */
export const SHARE_DIGITS = 3;
/** TOPSIS closeness 0–1: three decimals. */
export const CLOSENESS_DIGITS = 3;

/**
 * Half away from zero at `digits` decimals (what Intl.NumberFormat does by default). Values within 1e-7 of a half are
 * treated as the half: shares such as 0.15 are not exact in binary, so 0.125 computed two ways can land either side of
 * the boundary, and float noise must not decide which way a displayed figure rounds.
 */
export function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.floor(Math.abs(v) * f + 0.5 + 1e-7);
  const out = (Math.sign(v) * r) / f;
  return out === 0 ? 0 : out;
}

export const displayPoints = (v: number) => roundTo(v, POINTS_DIGITS);
export const displayShare = (v: number) => roundTo(v, SHARE_DIGITS);
export const displayCloseness = (v: number) => roundTo(v, CLOSENESS_DIGITS);

/** The lead of a over b as a reader can check it: the difference of the two displayed totals. */
export function displayMargin(a: number, b: number, digits = POINTS_DIGITS): number {
  return roundTo(roundTo(a, digits) - roundTo(b, digits), digits);
}

/** Two values are tied when they print the same. */
export function sameAtDisplay(a: number, b: number, digits = POINTS_DIGITS): boolean {
  return roundTo(a, digits) === roundTo(b, digits);
}

/**
 * Competition ranks (1, 1, 3) of values already sorted descending, equal when they display equal. Rounding is
 * monotone, so equal displayed values are always adjacent in a descending order.
 */
export function displayRanks(sortedDesc: readonly number[], digits = POINTS_DIGITS): number[] {
  const ranks: number[] = [];
  for (let k = 0; k < sortedDesc.length; k++) {
    ranks.push(k > 0 && sameAtDisplay(sortedDesc[k - 1], sortedDesc[k], digits) ? ranks[k - 1] : k + 1);
  }
  return ranks;
}

/** A crossover that prints as today's share happens at today's weight, not "if it rose to 74.8 % (now 74.8 %)". */
export function atCurrentShare(at: number, current: number): boolean {
  return sameAtDisplay(at, current, SHARE_DIGITS);
}
