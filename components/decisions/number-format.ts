// One place for how Stackwise prints figures, so the screen, exports and tests agree on rounding.
import type { useFormatter } from "next-intl";
import { displayCloseness, displayPoints, displayShare } from "@/lib/scoring/display";

type Formatter = ReturnType<typeof useFormatter>;

// Every formatter prints the value the display rule (lib/scoring/display.ts) rounded, so what is printed is exactly
// what ranks, ties and margins were judged on.

/** Points and totals: two decimals (6.70). */
export const formatPoints = (f: Formatter, v: number) =>
  f.number(displayPoints(v), { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Weight shares and probabilities: percent with one decimal (22.5 %). */
export const formatShare = (f: Formatter, v: number) =>
  f.number(displayShare(v), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** TOPSIS closeness: three decimals (0.643). */
export const formatCloseness = (f: Formatter, v: number) =>
  f.number(displayCloseness(v), { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Raw values as entered: up to four decimals, grouped (9,842 · 50.7 · 0.12). */
export const formatRaw = (f: Formatter, v: number) => f.number(v, { maximumFractionDigits: 4 });

/** Kendall's W: two decimals (0.91). */
export const formatConcordance = (f: Formatter, v: number) =>
  f.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A p-value: two significant digits (0.042, 0.14); below 0.001 as "< 0.001" rather than a string of zeros. */
export const formatPValue = (f: Formatter, v: number) =>
  v < 0.001 ? `< ${f.number(0.001)}` : f.number(v, { maximumSignificantDigits: 2 });

/** A money amount in its ISO 4217 currency, with the criterion's unit after it (US$8,000 /month). */
export const formatMoney = (f: Formatter, v: number, currency: string, unit: string | null) =>
  `${f.number(v, { style: "currency", currency, maximumFractionDigits: 2, minimumFractionDigits: 0 })}${unit ? ` ${unit}` : ""}`;
