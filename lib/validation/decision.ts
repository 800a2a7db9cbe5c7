// Decision header, status flow, list query and create/duplicate/archive inputs. Shared by forms (browser), server
// actions and the data layer; error messages are keys under `setup.errors`, translated in both languages.
import { z } from "zod";
import { DECISION_STATUSES, decisionStatusSchema, type DecisionStatus } from "./enums";

export { DECISION_STATUSES };
export type DecisionStatusValue = DecisionStatus;

export const TEMPLATE_KEYS = ["broker", "backend-language", "gc"] as const;

const id = z.string().min(1).max(64);
export const titleSchema = z.string().trim().min(1, "titleRequired").max(200, "titleTooLong");
export const contextSchema = z.string().max(10_000, "textTooLong");
/** "" (no team) or a team id; the data layer checks the team is in the actor's workspace. */
export const teamIdSchema = z
  .string()
  .max(64)
  .transform((v) => (v === "" ? null : v));

/** The editable header fields, one at a time (autosave patches a single field). */
export const decisionHeaderFields = {
  title: titleSchema,
  context: contextSchema,
  teamId: teamIdSchema,
} as const;
export type DecisionHeaderField = keyof typeof decisionHeaderFields;
export const DECISION_HEADER_FIELDS = Object.keys(decisionHeaderFields) as DecisionHeaderField[];

export const decisionPatchSchema = z.object({
  decisionId: id,
  version: z.number().int().min(1),
  field: z.enum(["title", "context", "teamId"]),
  /** The value this client last saw for the field: if the row moved on but this field did not, the edit merges. */
  base: z.string().nullable(),
  value: z.string(),
});
export type DecisionPatchInput = z.infer<typeof decisionPatchSchema>;

/** Allowed status moves. Reopening (DECIDED/SUPERSEDED → IN_REVIEW) is audited like every other move. */
export const STATUS_TRANSITIONS: Record<DecisionStatusValue, readonly DecisionStatusValue[]> = {
  DRAFT: ["IN_REVIEW"],
  IN_REVIEW: ["DRAFT", "DECIDED"],
  DECIDED: ["IN_REVIEW", "SUPERSEDED"],
  SUPERSEDED: ["IN_REVIEW"],
};

export const statusChangeSchema = z
  .object({
    decisionId: id,
    version: z.coerce.number().int().min(1),
    to: decisionStatusSchema,
    /** The status the client saw; lets a status change go through after unrelated header edits bumped the version. */
    from: decisionStatusSchema.or(z.literal("")).optional().default(""),
    chosenCandidateId: z.string().max(64).optional().default(""),
    outcomeRationale: z.string().trim().max(10_000, "textTooLong").optional().default(""),
    supersededById: z.string().max(64).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.to === "DECIDED") {
      if (!v.chosenCandidateId)
        ctx.addIssue({ code: "custom", path: ["chosenCandidateId"], message: "chosenRequired" });
      if (!v.outcomeRationale)
        ctx.addIssue({ code: "custom", path: ["outcomeRationale"], message: "rationaleRequired" });
    }
    if (v.to === "SUPERSEDED" && !v.supersededById)
      ctx.addIssue({ code: "custom", path: ["supersededById"], message: "replacementRequired" });
    if (v.to === "SUPERSEDED" && v.supersededById === v.decisionId)
      ctx.addIssue({ code: "custom", path: ["supersededById"], message: "replacementSelf" });
  });
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

export const createDecisionSchema = z.object({
  title: titleSchema,
  teamId: teamIdSchema.optional().default(""),
  /** "" = blank decision */
  template: z
    .union([z.literal(""), z.enum(TEMPLATE_KEYS)], { message: "templateInvalid" })
    .optional()
    .default(""),
});
export type CreateDecisionInput = z.infer<typeof createDecisionSchema>;

export const decisionRefSchema = z.object({ decisionId: id, version: z.coerce.number().int().min(1) });

export const LIST_SORTS = ["updated", "title", "status"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** The decisions list's URL search params; anything unknown falls back to the default so links never break. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  status: decisionStatusSchema.or(z.literal("")).catch(""),
  team: z.string().max(64).catch(""),
  sort: z.enum(LIST_SORTS).catch("updated"),
  archived: z.enum(["1", ""]).catch(""),
  /** 1-based; anything else reads as 1, and the data layer clamps a page past the end to the last one. */
  page: z.coerce.number().int().min(1).max(1e9).catch(1),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Reads a Next searchParams object (values may be arrays) into a ListQuery. */
export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return listQuerySchema.parse({
    q: first(params.q),
    status: first(params.status),
    team: first(params.team),
    sort: first(params.sort),
    archived: first(params.archived),
    page: first(params.page),
  });
}

/**
 * Scoring method, stored in Decision.settings beside other keys (blind scoring): how evaluators' values become one
 * cell value, and where the weights come from (as entered, or the AHP eigenvector of the pairwise judgments).
 */
export const scoringSettingsSchema = z.object({
  aggregation: z.enum(["mean", "median"]),
  weightSource: z.enum(["direct", "ahp"]),
});
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { aggregation: "mean", weightSource: "direct" };

export const scoringSettingsInputSchema = scoringSettingsSchema.extend({
  decisionId: id,
  version: z.number().int().min(1),
});
export type ScoringSettingsInput = z.infer<typeof scoringSettingsInputSchema>;

/** The scoring settings inside a stored settings object; anything missing or unknown falls back to the default. */
export function scoringSettingsOf(settings: unknown): ScoringSettings {
  const s = settings !== null && typeof settings === "object" ? (settings as Record<string, unknown>) : {};
  const aggregation = scoringSettingsSchema.shape.aggregation.safeParse(s.aggregation);
  const weightSource = scoringSettingsSchema.shape.weightSource.safeParse(s.weightSource);
  return {
    aggregation: aggregation.success ? aggregation.data : DEFAULT_SCORING_SETTINGS.aggregation,
    weightSource: weightSource.success ? weightSource.data : DEFAULT_SCORING_SETTINGS.weightSource,
  };
}
