// Shared zod schemas for a candidate's skill requirements (weights are normalised per candidate by the engine).
import { z } from "zod";

const id = z.string().min(1, "required").max(64, "required");
const version = z.number().int().min(1);

export const REQUIREMENT_WEIGHT_MAX = 100;

export const requirementWeight = z
  .number({ message: "weightNotNumber" })
  .refine(Number.isFinite, "weightNotNumber")
  .refine((v) => v >= 0, "weightNegative")
  .refine((v) => v <= REQUIREMENT_WEIGHT_MAX, "weightTooLarge");

export const minLevel = z
  .number({ message: "levelNotNumber" })
  .refine(Number.isFinite, "levelNotNumber")
  .refine((v) => v >= 0 && v <= 10, "levelOutOfRange")
  .nullable();

/** Add a requirement (create) or change one (version = the one read). */
export const saveRequirementSchema = z.object({
  decisionId: id,
  candidateId: id,
  skillId: id,
  weight: requirementWeight,
  minLevel,
  version: version.nullable(),
});

export const removeRequirementSchema = z.object({ decisionId: id, requirementId: id, version });

export type SaveRequirementInput = z.infer<typeof saveRequirementSchema>;
export type RemoveRequirementInput = z.infer<typeof removeRequirementSchema>;

/** Form text → number for the fields above: blank is null (no minimum), text that is not a number stays NaN. */
export function numberOrNull(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  return /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
