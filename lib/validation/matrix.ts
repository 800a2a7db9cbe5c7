// The matrix view's block paste as the action receives it: the block already read in the browser
// (lib/matrix/paste-block.ts) plus the versions of the rows the person saw, so a paste over a value a colleague
// changed meanwhile is a conflict, not an overwrite. Messages are keys under `matrix.errors`.
import { z } from "zod";
import { PASTE_MAX_CANDIDATES, PASTE_MAX_CRITERIA, PASTE_NAME_MAX, PASTE_UNIT_MAX } from "@/lib/matrix/paste-block";
import { MAX_WEIGHT } from "./criterion";

const id = z.string().min(1).max(64);
const version = z.number().int().min(1);
const name = z.string().trim().min(1, "nameRequired").max(PASTE_NAME_MAX, "nameTooLong");
/** Versions by row id or cell key ("<criterion id>:<candidate id>"); bounded like the block itself. */
const versions = z
  .record(z.string().max(140), version)
  .refine((r) => Object.keys(r).length <= PASTE_MAX_CRITERIA * (PASTE_MAX_CANDIDATES + 20), "pasteTooLarge");

export const pasteValueSchema = z
  .object({
    value: z.number({ message: "valueNotNumber" }).refine(Number.isFinite, "valueNotNumber"),
    unit: z.string().trim().max(PASTE_UNIT_MAX, "unitTooLong").nullable(),
  })
  .nullable();

export const pasteMatrixSchema = z
  .object({
    decisionId: id,
    candidates: z.array(name).min(1, "pasteNoCandidates").max(PASTE_MAX_CANDIDATES, "pasteTooLarge"),
    criteria: z
      .array(
        z.object({
          name,
          weight: z.number().min(0, "weightNegative").max(MAX_WEIGHT, "weightTooLarge").nullable(),
          values: z.array(pasteValueSchema).max(PASTE_MAX_CANDIDATES, "pasteTooLarge"),
        }),
      )
      .min(1, "pasteNoCriteria")
      .max(PASTE_MAX_CRITERIA, "pasteTooLarge"),
    /** What this tab saw: criterion versions (for weights), own score and fact versions by cell. */
    basis: z.object({ criteria: versions, scores: versions, facts: versions }),
  })
  .superRefine((v, ctx) => {
    v.criteria.forEach((c, i) => {
      if (c.values.length !== v.candidates.length)
        ctx.addIssue({ code: "custom", path: ["criteria", i, "values"], message: "valuesMismatch" });
    });
  });

export type PasteMatrixInput = z.infer<typeof pasteMatrixSchema>;

/** Where a refused paste went wrong, in the block's terms (the view maps it to the row and column people pasted). */
export interface PasteProblem {
  /** Index into `criteria`, or null for the header (candidate names). */
  criterion: number | null;
  /** Index into `candidates`, or null for the criterion's own cells (name, weight). */
  candidate: number | null;
  field: "name" | "weight" | "value";
  key: string;
  params?: Record<string, number | string>;
}
