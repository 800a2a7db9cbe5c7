"use server";
// AHP wizard actions: one answer per pair as the person picks it, and "apply the weights". defineAction: parse →
// actor from the session (own judgments only) → data layer (authorises, lock, versions) → revalidate → typed result.
import { defineAction } from "@/lib/server/define-action";
import { applyAhpWeights, saveJudgment } from "@/lib/server/judgments";
import { applyAhpWeightsSchema, saveJudgmentSchema } from "@/lib/validation/judgment";

export const saveJudgmentAction = defineAction(saveJudgmentSchema, saveJudgment, {
  revalidate: (input) => [`/decisions/${input.decisionId}/ahp`],
});

export const applyAhpWeightsAction = defineAction(applyAhpWeightsSchema, applyAhpWeights, {
  revalidate: (input) => [{ path: `/decisions/${input.decisionId}`, type: "layout" }],
});
