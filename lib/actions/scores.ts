"use server";
// Score grid actions, called per cell as the person commits it. Each: parse (shared zod schema) → actor from the
// session (the evaluator is always the signed-in user, never an input) → data layer (authorises, checks the lock and
// the version) → revalidate → typed result. Conflicts come back as { error: "stale", current } with the stored row.
import { revalidatePath } from "next/cache";
import type { ScoreDto } from "@/lib/decisions/dto";
import { invalid, runAction, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { deleteScore, InvalidScoreError, saveScore } from "@/lib/server/scores";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { deleteScoreSchema, saveScoreSchema } from "@/lib/validation/score";

function revalidateDecision(decisionId: string) {
  revalidatePath(`/decisions/${decisionId}`, "layout");
}

export async function saveScoreAction(input: unknown): Promise<ActionResult<ScoreDto>> {
  const parsed = saveScoreSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    const result = await runAction(async () => saveScore(await actorOrThrow(), parsed.data));
    if (!result.ok) return result;
    revalidateDecision(parsed.data.decisionId);
    return { ok: true, data: result.value };
  } catch (e) {
    if (e instanceof InvalidScoreError) return invalid({ value: e.code });
    throw e;
  }
}

export async function deleteScoreAction(input: unknown): Promise<ActionResult> {
  const parsed = deleteScoreSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => deleteScore(await actorOrThrow(), parsed.data));
  if (!result.ok) return result;
  revalidateDecision(parsed.data.decisionId);
  return { ok: true };
}
