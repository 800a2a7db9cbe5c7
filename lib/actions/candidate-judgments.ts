"use server";
// Comparing candidates in pairs on a pairwise criterion: one answer per pair as the person picks it. defineAction:
// parse → actor from the session (own answers only) → data layer (authorises, lock, versions) → revalidate.
import { defineAction } from "@/lib/server/define-action";
import { saveCandidateJudgment } from "@/lib/server/candidate-judgments";
import { saveCandidateJudgmentSchema } from "@/lib/validation/judgment";

export const saveCandidateJudgmentAction = defineAction(saveCandidateJudgmentSchema, saveCandidateJudgment, {
  revalidate: (input) => [{ path: `/decisions/${input.decisionId}`, type: "layout" }],
});
