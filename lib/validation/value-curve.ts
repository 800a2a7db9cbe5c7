// A METRIC criterion's value curve as it travels: JSON text in the database column and the setup editor's autosave,
// an array of [raw, points] pairs in the exchange format and the API. Shape rules live here; the rule that needs the
// direction (monotone) is checkCriterionRow's, so a curve and a direction cannot disagree after any edit.
import { z } from "zod";
import { checkValueCurve, MAX_CURVE_POINTS, type CurvePoint } from "@/lib/scoring/value-function";

const pair = z.tuple([
  z.number({ message: "curveNotANumber" }).finite("curveNotANumber"),
  z.number({ message: "curveNotANumber" }).finite("curveNotANumber"),
]);

/** The curve as an array: shape, order and 0–10 checked (monotone needs the direction: see checkCriterionRow). */
export const curveArray = z
  .array(pair, { message: "curveNotANumber" })
  .max(MAX_CURVE_POINTS, "curveTooManyPoints")
  .superRefine((curve, ctx) => {
    const problem = checkValueCurve(curve, null);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Stored form: compact JSON of the pairs, so equal curves are equal strings (merging edits compares them). */
export const curveToText = (curve: readonly (readonly number[])[] | null): string | null =>
  curve ? JSON.stringify(curve.map(([x, s]) => [x, s])) : null;

/** The column's text → pairs, or null for no curve (or, defensively, text that is not a curve). */
export function curveFromText(text: string | null | undefined): CurvePoint[] | null {
  if (!text) return null;
  try {
    const r = curveArray.safeParse(JSON.parse(text));
    return r.success ? (r.data as CurvePoint[]) : null;
  } catch {
    return null;
  }
}

/** The editor's field text (JSON of the pairs, "" for none) → stored text. */
export const curveText = z
  .string()
  .trim()
  .max(2000, "textTooLong")
  .transform((s, ctx) => {
    if (s === "") return null;
    let raw: unknown;
    try {
      raw = JSON.parse(s);
    } catch {
      ctx.addIssue({ code: "custom", message: "curveNotANumber" });
      return z.NEVER;
    }
    const r = curveArray.safeParse(raw);
    if (!r.success) {
      ctx.addIssue({ code: "custom", message: r.error.issues[0]?.message ?? "curveNotANumber" });
      return z.NEVER;
    }
    return curveToText(r.data);
  });

/** Exchange format and API: an array or null, stored as text. */
export const curveJson = curveArray.nullable().transform((c) => curveToText(c));
