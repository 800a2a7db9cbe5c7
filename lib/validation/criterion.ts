// Criterion fields, edited one at a time by the setup tab's autosave. The browser runs the same parsers before it
// sends anything, and the server runs them again on the merged row, so bad input never changes a stored criterion.
// Error messages are keys under `setup.errors`.
import { z } from "zod";
import { DEFAULT_SCALE_MAX, DEFAULT_SCALE_MIN } from "@/lib/scoring/normalise";
import { checkValueCurve } from "@/lib/scoring/value-function";
import { criterionKindSchema, directionSchema } from "./enums";
import { curveFromText, curveJson, curveText } from "./value-curve";

export { CRITERION_KINDS, DIRECTIONS } from "./enums";
export const MAX_WEIGHT = 1_000_000;

const id = z.string().min(1).max(64);

/** A text box → a finite number; "" is an error for required numbers and null for optional ones. */
const requiredNumber = z
  .string()
  .trim()
  .min(1, "required")
  .transform((s, ctx) => {
    const n = Number(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "notANumber" });
      return z.NEVER;
    }
    return n;
  });
const optionalNumber = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "notANumber" });
      return z.NEVER;
    }
    return n;
  });
const optionalText = (max: number) => z.string().max(max, "textTooLong");

/** An ISO 4217 code (USD, EUR, CNY), any case; "" is "not money". Only the shape is checked, not the code list. */
const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "currencyInvalid");
const currencyText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .pipe(currencyCode.nullable());

/** A criterion's raw weight once it is a number (the editor's text box and the JSON import both end here). */
export const weightValue = z.number().min(0, "weightNegative").max(MAX_WEIGHT, "weightTooLarge");

export const criterionFieldParsers = {
  name: z.string().trim().min(1, "nameRequired").max(120, "nameTooLong"),
  description: optionalText(2000),
  lowMeaning: optionalText(500),
  highMeaning: optionalText(500),
  weight: requiredNumber.pipe(weightValue),
  kind: criterionKindSchema,
  direction: directionSchema,
  scaleMin: optionalNumber,
  scaleMax: optionalNumber,
  unit: z
    .string()
    .trim()
    .max(30, "textTooLong")
    .transform((s) => (s === "" ? null : s)),
  worst: optionalNumber,
  best: optionalNumber,
  /** JSON of [raw, points] pairs; "" for none (linear between the references). */
  valueCurve: curveText,
  autoReferences: z.enum(["true", "false"], { message: "invalid" }).transform((s) => s === "true"),
  /** RATING: compare the candidates in pairs (AHP of the alternatives) instead of scoring them. */
  pairwise: z.enum(["true", "false"], { message: "invalid" }).transform((s) => s === "true"),
  threshold: optionalNumber,
  currency: currencyText,
} as const;

export type CriterionField = keyof typeof criterionFieldParsers;
export const CRITERION_FIELDS = Object.keys(criterionFieldParsers) as CriterionField[];

/**
 * The editable values of a criterion, as stored. lib/decisions/dto.ts checks at compile time that this is exactly the
 * criterion row minus its bookkeeping columns, so a new column cannot exist without a parser here.
 */
export type CriterionValues = { [K in CriterionField]: z.output<(typeof criterionFieldParsers)[K]> };

const jsonNumber = z.number({ message: "notANumber" }).finite("notANumber");

/**
 * The same fields in the decision exchange format (lib/validation/decision-json.ts), where numbers are numbers rather
 * than text. Key order is the format's key order. A field added after format version 1 needs a `.default(...)`, so
 * files written before it still import.
 */
export const criterionJsonFields = {
  name: criterionFieldParsers.name,
  // The editors' own rules (one path for typed and imported values).
  description: criterionFieldParsers.description,
  lowMeaning: criterionFieldParsers.lowMeaning,
  highMeaning: criterionFieldParsers.highMeaning,
  weight: jsonNumber.pipe(weightValue),
  kind: criterionKindSchema,
  direction: directionSchema,
  scaleMin: jsonNumber.nullable(),
  scaleMax: jsonNumber.nullable(),
  unit: z.string().trim().max(30, "textTooLong").nullable(),
  worst: jsonNumber.nullable(),
  best: jsonNumber.nullable(),
  // Added after version 1: files written before them have linear references and fix nothing later.
  valueCurve: curveJson.default(null),
  autoReferences: z.boolean().default(false),
  // Added after version 1: files written before it score every rating criterion.
  pairwise: z.boolean().default(false),
  threshold: jsonNumber.nullable(),
  // Added after version 1: files written before it are not money.
  currency: currencyCode.nullable().default(null),
} as const satisfies Record<CriterionField, z.ZodType>;

export type FieldValue = string | number | boolean | null;

/** Parses one field's text; `{ ok: false, error }` carries a setup.errors key. */
export function parseCriterionField(
  field: CriterionField,
  text: string,
): { ok: true; value: FieldValue } | { ok: false; error: string } {
  const r = criterionFieldParsers[field].safeParse(text);
  return r.success
    ? { ok: true, value: r.data as FieldValue }
    : { ok: false, error: r.error.issues[0]?.message ?? "invalid" };
}

/**
 * Rules that span fields, checked on the row as it would be after the edit. Returns the error key for `field` (the one
 * being edited), or null. A rating scale defaults to 0–10, so a lone minimum of 12 is as wrong as 12–5.
 */
export function checkCriterionRow(row: CriterionValues, field: CriterionField): string | null {
  if (row.kind === "RATING" && (field === "scaleMin" || field === "scaleMax" || field === "kind")) {
    const lo = row.scaleMin ?? DEFAULT_SCALE_MIN;
    const hi = row.scaleMax ?? DEFAULT_SCALE_MAX;
    if (!(lo < hi)) return "scaleOrder";
  }
  if (row.kind === "METRIC" && (field === "worst" || field === "best" || field === "kind")) {
    if (row.worst !== null && row.best !== null && row.worst === row.best) return "referencesEqual";
  }
  // A curve must rise for a benefit and fall for a cost; flipping the direction under a curve is refused the same way.
  if (row.valueCurve != null && (field === "valueCurve" || field === "direction" || field === "kind")) {
    const curve = curveFromText(row.valueCurve);
    if (!curve) return "curveNotANumber";
    const problem = checkValueCurve(curve, row.direction);
    if (problem === "curveNotMonotone") return row.direction === "COST" ? "curveRisesForCost" : "curveFallsForBenefit";
    if (problem) return problem;
  }
  // Pairwise judgments say which candidate is better on a rating; a measurement or the team's fit is not judged.
  if (row.pairwise && (field === "pairwise" || field === "kind") && row.kind !== "RATING") return "pairwiseNeedsRating";
  // Money is an amount someone measured and a cost: the value-for-money chart puts it on the cost axis as it is.
  if (row.currency != null && (field === "currency" || field === "kind" || field === "direction")) {
    if (row.kind !== "METRIC") return "moneyNeedsMetric";
    if (row.direction !== "COST") return "moneyNeedsCost";
  }
  return null;
}

export const criterionPatchSchema = z.object({
  criterionId: id,
  version: z.number().int().min(1),
  field: z.enum(CRITERION_FIELDS as [CriterionField, ...CriterionField[]]),
  /** What this client last saw for the field; lets edits to different fields of one row merge instead of conflict. */
  base: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  value: z.string().max(10_000, "textTooLong"),
});
export type CriterionPatchInput = z.infer<typeof criterionPatchSchema>;

export const addCriterionSchema = z.object({
  decisionId: id,
  name: criterionFieldParsers.name,
  weight: criterionFieldParsers.weight.optional(),
  kind: criterionFieldParsers.kind.optional(),
});

/** New order of all rows, and the order the client saw (so two reorders at once conflict instead of one vanishing). */
export const reorderSchema = z.object({
  decisionId: id,
  ids: z.array(id).max(200),
  expected: z.array(id).max(200),
});
export type ReorderInput = z.infer<typeof reorderSchema>;

/** Moves a criterion under a group (another criterion of the decision) or, with null, to the top level. */
export const criterionParentSchema = z.object({
  criterionId: id,
  version: z.number().int().min(1),
  parentId: id.nullable(),
});
export type CriterionParentInput = z.infer<typeof criterionParentSchema>;

/** The engine's tree problems (lib/scoring/tree.ts checkTree) as setup.errors keys on the parent field. */
export const TREE_PROBLEMS: Record<string, string> = {
  unknown_parent: "parentUnknown",
  parent_cycle: "parentCycle",
  tree_too_deep: "treeTooDeep",
};

export const removeRowSchema = z.object({ id, version: z.number().int().min(1) });
export const restoreRowSchema = z.object({ decisionId: id, undoToken: id });
export const rowIdSchema = z.object({ id: z.string().min(1, "invalid").max(64, "invalid") });
/** A removal; with `version`, only while the row is that version and holds nobody else's values (the matrix's undo). */
export const removePartSchema = rowIdSchema.extend({ version: z.number().int().min(1).optional() });
