"use server";
// Score grid actions, called per cell as the person commits it. defineAction: parse (shared zod schema) → actor from
// the session (the evaluator is always the signed-in user, never an input) → data layer (authorises, checks the lock
// and the version) → typed result. Conflicts come back as { error: "stale", current } with the stored row.
import { defineAction } from "@/lib/server/define-action";
import { getCellOpinions } from "@/lib/server/cell-opinions";
import { deleteScore, saveScore } from "@/lib/server/scores";
import { cellSchema, deleteScoreSchema, saveScoreSchema } from "@/lib/validation/score";

// No revalidation: both grids that save a score (the scores tab and the matrix) hold the saved row from the result
// and compute their totals, ranking and the person's own progress in the browser. Revalidating the decision's
// layout made every keystroke-sized save re-render the whole page into its response: 97 kB for the demo broker, and
// a p50 of 43 ms against 23 ms without it. Other tabs are dynamic pages, read afresh on navigation; the blind reveal refreshes the
// page itself (components/scores/use-reveal-refresh.ts).
export const saveScoreAction = defineAction(saveScoreSchema, saveScore);

export const deleteScoreAction = defineAction(deleteScoreSchema, deleteScore);

/** Read-only: everyone's value and rationale of one cell, as the blind scoring rule lets this person see them. */
export const cellOpinionsAction = defineAction(cellSchema, getCellOpinions);
