// Shared rules for AHP pairwise judgments and for applying the resulting weights. Messages are keys under
// "ahp.errors".
import { z } from "zod";

/** Saaty's scale: 1/9 … 1/2, 1, 2 … 9. The wizard offers exactly these; anything else is rejected. */
export const SAATY_VALUES: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2]
  .map((v) => 1 / v)
  .concat([1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** The Saaty value v is (within floating-point noise, e.g. 0.1111111 for 1/9), or null. */
export function asSaatyValue(v: number): number | null {
  if (!Number.isFinite(v) || v <= 0) return null;
  return SAATY_VALUES.find((s) => Math.abs(Math.log(v / s)) < 1e-6) ?? null;
}

const id = z.string().min(1).max(64);

export const saveJudgmentSchema = z
  .object({
    decisionId: id,
    criterionAId: id,
    criterionBId: id,
    /** How many times more important A is than B. */
    value: z.number({ message: "judgmentInvalid" }).refine((v) => asSaatyValue(v) !== null, "judgmentInvalid"),
    /** Version of this evaluator's stored row for the pair as last seen; null when answering it for the first time. */
    version: z.number().int().positive().nullable(),
  })
  .refine((v) => v.criterionAId !== v.criterionBId, { path: ["criterionBId"], message: "sameCriterion" });

export const applyAhpWeightsSchema = z.object({
  decisionId: id,
  /** Criterion versions the person looked at; any change since then is a conflict, not an overwrite. */
  criteria: z
    .array(z.object({ id, version: z.number().int().positive() }))
    .min(1)
    .max(200),
});

/** AHP weights are shares summing to 1; criteria store raw weights, so they are written as points out of 100. */
export function ahpWeightToRaw(share: number): number {
  return Math.round(share * 100 * 100) / 100;
}

export type SaveJudgmentInput = z.infer<typeof saveJudgmentSchema>;
export type ApplyAhpWeightsInput = z.infer<typeof applyAhpWeightsSchema>;

/** One evaluator's answer on a pairwise criterion: on it, candidate A is `value` times as good as candidate B. */
const candidateJudgmentFields = {
  criterionId: id,
  candidateAId: id,
  candidateBId: id,
  value: z.number({ message: "judgmentInvalid" }).refine((v) => asSaatyValue(v) !== null, "judgmentInvalid"),
  /** Version of this evaluator's stored row for the pair as last seen; null when answering it for the first time. */
  version: z.number().int().positive().nullable(),
};
const twoCandidates: [
  (v: { candidateAId: string; candidateBId: string }) => boolean,
  { path: string[]; message: string },
] = [(v) => v.candidateAId !== v.candidateBId, { path: ["candidateBId"], message: "sameCandidate" }];

/** The API's body (the decision is in the path). */
export const candidateJudgmentBodySchema = z.object(candidateJudgmentFields).refine(...twoCandidates);
export const saveCandidateJudgmentSchema = z
  .object({ decisionId: id, ...candidateJudgmentFields })
  .refine(...twoCandidates);

export type SaveCandidateJudgmentInput = z.infer<typeof saveCandidateJudgmentSchema>;
