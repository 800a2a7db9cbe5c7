"use server";
// Score grid actions, called per cell as the person commits it. defineAction: parse (shared zod schema) → actor from
// the session (the evaluator is always the signed-in user, never an input) → data layer (authorises, checks the lock
// and the version) → revalidate → typed result. Conflicts come back as { error: "stale", current } with the stored row.
import { defineAction } from "@/lib/server/define-action";
import { deleteScore, saveScore } from "@/lib/server/scores";
import { deleteScoreSchema, saveScoreSchema } from "@/lib/validation/score";

const revalidate = (input: { decisionId: string }) => [
  { path: `/decisions/${input.decisionId}`, type: "layout" as const },
];

export const saveScoreAction = defineAction(saveScoreSchema, saveScore, { revalidate });

export const deleteScoreAction = defineAction(deleteScoreSchema, deleteScore, { revalidate });
