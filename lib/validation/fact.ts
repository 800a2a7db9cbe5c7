// Shared rules for a measured fact (the value of one METRIC cell): the facts editor checks them while you type, the
// server action and the JSON import parse with the same schema, and the data layer checks the criterion-dependent
// rules (metric kind, unit) again. Messages are translation keys under "facts.errors" (both languages).
import { z } from "zod";
import { isHttpUrl, parseScoreText, URL_MAX } from "./score";

export const FACT_UNIT_MAX = 30;
export const FACT_NOTE_MAX = 500;

const id = z.string().min(1).max(64);

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not). */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Today in UTC as YYYY-MM-DD: the default measured-on day of a new fact. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const factValueSchema = z.number({ message: "valueNotNumber" }).refine(Number.isFinite, "valueNotNumber");

/** Empty (no unit) or a short unit label; blanks become null. */
export const factUnitSchema = z
  .string()
  .trim()
  .max(FACT_UNIT_MAX, "unitTooLong")
  .transform((s) => (s === "" ? null : s));

/** Empty, or an absolute http(s) URL: other people open it, so no javascript: or file: links. */
export const factSourceUrlSchema = z
  .string()
  .trim()
  .max(URL_MAX, "sourceUrlInvalid")
  .refine((v) => v === "" || isHttpUrl(v), "sourceUrlInvalid");

export const factNoteSchema = z.string().trim().max(FACT_NOTE_MAX, "noteTooLong");

export const measuredOnSchema = z
  .string({ message: "measuredOnInvalid" })
  .trim()
  .refine(isCalendarDay, "measuredOnInvalid")
  // A measurement cannot be taken in the future; a day of slack covers time zones ahead of UTC.
  .refine((v) => v <= todayIso(new Date(Date.now() + 86_400_000)), "measuredOnFuture");

/** The fact's own fields, as the editor, the action and the JSON import carry them. */
export const factFieldsSchema = z.object({
  value: factValueSchema,
  unit: factUnitSchema.optional().default(""),
  sourceUrl: factSourceUrlSchema.optional().default(""),
  note: factNoteSchema.optional().default(""),
  measuredOn: measuredOnSchema,
});

export const setFactSchema = factFieldsSchema.extend({
  decisionId: id,
  criterionId: id,
  candidateId: id,
  /** The version this tab last saw; null = "I am entering this fact" (a fact that already exists is a conflict). */
  version: z.number().int().positive().nullable(),
});

export const clearFactSchema = z.object({
  decisionId: id,
  criterionId: id,
  candidateId: id,
  version: z.number().int().positive(),
});

export type FactFields = z.output<typeof factFieldsSchema>;
export type SetFactInput = z.output<typeof setFactSchema>;
export type ClearFactInput = z.infer<typeof clearFactSchema>;

/** What was typed into the value box → a number (same reading as the score grid: "6,5" is 6.5). */
export const parseFactValueText = parseScoreText;

export interface MeasurableCriterion {
  kind: "RATING" | "METRIC" | "SKILL_MATCH";
  unit: string | null;
}

/**
 * Why this fact cannot belong to this criterion, or null: only METRIC criteria are measured, and a fact stated in a
 * different unit than the criterion's would be compared with the other candidates' values as if it were the same.
 */
export function factProblem(
  c: MeasurableCriterion,
  fact: { unit: string | null },
): { field: "criterionId" | "unit"; code: "notMeasured" | "unitMismatch" } | null {
  if (c.kind !== "METRIC") return { field: "criterionId", code: "notMeasured" };
  const want = c.unit?.trim() || null;
  if (want !== null && fact.unit !== null && fact.unit !== want) return { field: "unit", code: "unitMismatch" };
  return null;
}

/** The unit to store: the fact's own, else the criterion's. */
export function effectiveUnit(c: MeasurableCriterion, unit: string | null): string | null {
  return unit ?? (c.unit?.trim() || null);
}
