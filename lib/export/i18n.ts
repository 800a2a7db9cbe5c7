// Translation and number/date formatting outside React (PDF, Markdown, spreadsheets, tests). Same catalogs and the
// same rounding as the screen (components/decisions/number-format.ts): points 2 decimals, shares 1-decimal percent.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { displayPoints, displayShare } from "@/lib/scoring/display";

export function reportTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "report" });
}
export type ReportT = ReturnType<typeof reportTranslator>;

export function formatters(locale: Locale) {
  const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const raw = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const concordance = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pValue = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    points: (v: number) => points.format(displayPoints(v)),
    share: (v: number) => share.format(displayShare(v)),
    raw: (v: number) => raw.format(v),
    whole: (v: number) => whole.format(v),
    /** Kendall's W and a p-value, as the screen prints them (components/decisions/number-format.ts). */
    concordance: (v: number) => concordance.format(v),
    pValue: (v: number) => (v < 0.001 ? `< ${pValue.format(0.001)}` : pValue.format(v)),
    /** A money amount in its currency, the criterion's unit after it (as components/decisions/number-format.ts). */
    money: (v: number, currency: string, unit: string | null) =>
      `${new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(v)}${unit ? ` ${unit}` : ""}`,
    date: (iso: string) => `${date.format(new Date(iso))} UTC`,
    day: (iso: string) => day.format(new Date(iso)),
  };
}
export type Formatters = ReturnType<typeof formatters>;

/** Points as spreadsheets and files should carry them: a plain number rounded like the screen (6.70 → "6.70"). */
export const pointsText = (v: number) => displayPoints(v).toFixed(2);
