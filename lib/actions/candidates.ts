"use server";
// Candidates editor actions, called by the setup tab: the same shape as ./criteria.ts.
import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { addCandidateSchema, candidatePatchSchema, type CandidatePatchInput } from "@/lib/validation/candidate";
import { reorderSchema, restoreRowSchema, type ReorderInput } from "@/lib/validation/criterion";
import type { CandidateDto } from "@/lib/decisions/dto";
import { invalid, runForData, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import * as candidates from "@/lib/server/candidates";

function revalidate() {
  revalidatePath("/decisions/[id]", "layout");
}

export async function addCandidateAction(input: {
  decisionId: string;
  name: string;
}): Promise<ActionResult<CandidateDto>> {
  const parsed = addCandidateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => candidates.addCandidate(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}

export async function updateCandidateFieldAction(
  input: CandidatePatchInput,
): Promise<ActionResult<{ version: number; value: string }>> {
  const parsed = candidatePatchSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => candidates.updateCandidateField(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}

export async function reorderCandidatesAction(input: ReorderInput): Promise<ActionResult> {
  const parsed = reorderSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => candidates.reorderCandidates(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result.ok ? { ok: true } : result;
}

export async function removeCandidateAction(input: { id: string }): Promise<ActionResult<{ undoToken: string }>> {
  const id = typeof input?.id === "string" && input.id.length <= 64 ? input.id : "";
  if (!id) return invalid({ id: "invalid" });
  const result = await runForData(async () => candidates.removeCandidate(await actorOrThrow(), id));
  if (result.ok) revalidate();
  return result;
}

export async function restoreCandidateAction(input: {
  decisionId: string;
  undoToken: string;
}): Promise<ActionResult<CandidateDto>> {
  const parsed = restoreRowSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => candidates.restoreCandidate(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}
