// Shared rules for one evaluator's score of one cell: the grid checks them while you type, the server action and the
// data layer enforce them again. Messages are translation keys under "scores.errors" (both languages).
import { z } from "zod";
import { httpUrlSchema, isHttpUrl, URL_MAX } from "./url";

/** Rating scale when a criterion does not set its own bounds (same default as lib/scoring). */
export const DEFAULT_SCALE = { min: 0, max: 10 } as const;
export const RATIONALE_MAX = 2000;
export { isHttpUrl, URL_MAX };

const id = z.string().min(1).max(64);

/** Plain decimal notation only ("6", "6.5", "-3", ".5", "1e3"); "0x10", "Infinity" or "6 points" are not numbers. */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export type ScoreTextResult = { ok: true; value: number } | { ok: false; error: "valueRequired" | "valueNotNumber" };

/** What the person typed → a finite number. A lone decimal comma ("6,5") is read as a decimal point. */
export function parseScoreText(text: string): ScoreTextResult {
  const t = text.trim().replace(/^([-+]?\d*),(\d+)$/, "$1.$2");
  if (t === "") return { ok: false, error: "valueRequired" };
  if (!NUMBER_TEXT.test(t)) return { ok: false, error: "valueNotNumber" };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: "valueNotNumber" };
}

export interface ScorableCriterion {
  kind: "RATING" | "METRIC" | "SKILL_MATCH";
  scaleMin: number | null;
  scaleMax: number | null;
}

export function ratingBounds(c: Pick<ScorableCriterion, "scaleMin" | "scaleMax">): { min: number; max: number } {
  return { min: c.scaleMin ?? DEFAULT_SCALE.min, max: c.scaleMax ?? DEFAULT_SCALE.max };
}

/**
 * Why this value cannot be this criterion's score, or null. Ratings must lie on the criterion's scale; a metric's
 * value is a measured fact entered once for everybody (lib/validation/fact.ts), not one evaluator's opinion;
 * skill-match cells are computed from the team and never scored.
 */
export function scoreValueProblem(
  c: ScorableCriterion,
  value: number,
): "valueNotNumber" | "valueOutOfScale" | "notScorable" | "metricIsFact" | null {
  if (c.kind === "SKILL_MATCH") return "notScorable";
  if (c.kind === "METRIC") return "metricIsFact";
  if (!Number.isFinite(value)) return "valueNotNumber";
  if (c.kind === "RATING") {
    const { min, max } = ratingBounds(c);
    if (value < min || value > max) return "valueOutOfScale";
  }
  return null;
}

/** Empty, or an absolute http(s) URL: evidence links are opened by other people, so no javascript: or file: links. */
export const evidenceUrlSchema = httpUrlSchema("evidenceUrlInvalid");

export const saveScoreSchema = z.object({
  decisionId: id,
  criterionId: id,
  candidateId: id,
  value: z.number({ message: "valueNotNumber" }).refine(Number.isFinite, "valueNotNumber"),
  /** Omitted: keep what is stored (the grid sends only the value; the side panel sends all three). */
  rationale: z.string().max(RATIONALE_MAX, "rationaleTooLong").optional(),
  evidenceUrl: evidenceUrlSchema.optional(),
  /** The version this tab last saw; null = "I am creating this score" (a row that already exists is a conflict). */
  version: z.number().int().positive().nullable(),
});

export const deleteScoreSchema = z.object({
  decisionId: id,
  criterionId: id,
  candidateId: id,
  version: z.number().int().positive(),
});

/** One cell of a decision: whose opinions of it the discussion list opens side by side. */
export const cellSchema = z.object({ decisionId: id, criterionId: id, candidateId: id });

export type SaveScoreInput = z.infer<typeof saveScoreSchema>;
export type DeleteScoreInput = z.infer<typeof deleteScoreSchema>;
export type CellInput = z.infer<typeof cellSchema>;
