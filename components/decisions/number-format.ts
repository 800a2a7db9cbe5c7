// One place for how Stackwise prints figures, so the screen, exports and tests agree on rounding.
import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/** Points and totals: two decimals (6.70). */
export const formatPoints = (f: Formatter, v: number) =>
  f.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Weight shares: percent with one decimal (22.5 %). */
export const formatShare = (f: Formatter, v: number) =>
  f.number(v, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Raw values as entered: up to four decimals, grouped (9,842 · 50.7 · 0.12). */
export const formatRaw = (f: Formatter, v: number) => f.number(v, { maximumFractionDigits: 4 });
