"use server";
// AHP wizard actions: one answer per pair as the person picks it, and "apply the weights". Parse → actor from the
// session (own judgments only) → data layer (authorises, lock, versions) → revalidate → typed result.
import { revalidatePath } from "next/cache";
import { invalid, runAction, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { applyAhpWeights, saveJudgment, type JudgmentDto } from "@/lib/server/judgments";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { applyAhpWeightsSchema, saveJudgmentSchema } from "@/lib/validation/judgment";

export async function saveJudgmentAction(input: unknown): Promise<ActionResult<JudgmentDto>> {
  const parsed = saveJudgmentSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => saveJudgment(await actorOrThrow(), parsed.data));
  if (!result.ok) return result;
  revalidatePath(`/decisions/${parsed.data.decisionId}/ahp`);
  return { ok: true, data: result.value };
}

export async function applyAhpWeightsAction(
  input: unknown,
): Promise<ActionResult<{ criterionId: string; weight: number }[]>> {
  const parsed = applyAhpWeightsSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => applyAhpWeights(await actorOrThrow(), parsed.data));
  if (!result.ok) return result;
  revalidatePath(`/decisions/${parsed.data.decisionId}`, "layout");
  return { ok: true, data: result.value };
}
