"use server";
// The matrix view's block paste. defineAction: parse (shared zod schema) → actor from the session (the scores are
// always the signed-in user's own) → data layer (authorises, checks every value and version, writes all or nothing)
// → revalidate → typed result. Bad cells come back as "pasteInvalid" with the problems in `details`; cells changed
// meanwhile as { error: "stale", current: { cells } }.
import { defineAction } from "@/lib/server/define-action";
import { pasteMatrix } from "@/lib/server/matrix";
import { pasteMatrixSchema } from "@/lib/validation/matrix";

export const pasteMatrixAction = defineAction(pasteMatrixSchema, pasteMatrix, {
  revalidate: (input) => [{ path: `/decisions/${input.decisionId}`, type: "layout" as const }],
});
