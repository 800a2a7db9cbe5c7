"use server";
// Facts editor actions, called per row as the architect commits it. Each: parse (shared zod schema) → actor from the
// session (who entered it is always the signed-in user, never an input) → data layer (authorises, checks the lock,
// the criterion and the version) → revalidate → typed result. Conflicts come back as { error: "stale", current }.
import { revalidatePath } from "next/cache";
import type { FactDto } from "@/lib/decisions/fact-dto";
import { invalid, runAction, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { clearFact, setFact } from "@/lib/server/facts";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { clearFactSchema, setFactSchema } from "@/lib/validation/fact";

function revalidateDecision(decisionId: string) {
  revalidatePath(`/decisions/${decisionId}`, "layout");
}

export async function setFactAction(input: unknown): Promise<ActionResult<FactDto>> {
  const parsed = setFactSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => setFact(await actorOrThrow(), parsed.data));
  if (!result.ok) return result;
  revalidateDecision(parsed.data.decisionId);
  return { ok: true, data: result.value };
}

export async function clearFactAction(input: unknown): Promise<ActionResult> {
  const parsed = clearFactSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runAction(async () => clearFact(await actorOrThrow(), parsed.data));
  if (!result.ok) return result;
  revalidateDecision(parsed.data.decisionId);
  return { ok: true };
}
