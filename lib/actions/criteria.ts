"use server";
// Criteria editor actions, called by the setup tab. Each: parse → actor → data layer (authorises, checks the lock and
// the version) → revalidate → typed result. Field errors are keys under `setup.errors`.
import { revalidatePath } from "next/cache";
import { fieldErrorsOf } from "@/lib/validation/auth";
import {
  addCriterionSchema,
  criterionPatchSchema,
  reorderSchema,
  restoreRowSchema,
  type CriterionPatchInput,
  type FieldValue,
  type ReorderInput,
} from "@/lib/validation/criterion";
import type { CriterionDto } from "@/lib/decisions/dto";
import { invalid, runForData, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import * as criteria from "@/lib/server/criteria";

function revalidate() {
  revalidatePath("/decisions/[id]", "layout");
}

export async function addCriterionAction(input: {
  decisionId: string;
  name: string;
}): Promise<ActionResult<CriterionDto>> {
  const parsed = addCriterionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => criteria.addCriterion(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}

export async function updateCriterionFieldAction(
  input: CriterionPatchInput,
): Promise<ActionResult<{ version: number; value: FieldValue }>> {
  const parsed = criterionPatchSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => criteria.updateCriterionField(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}

export async function reorderCriteriaAction(input: ReorderInput): Promise<ActionResult> {
  const parsed = reorderSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => criteria.reorderCriteria(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result.ok ? { ok: true } : result;
}

export async function removeCriterionAction(input: { id: string }): Promise<ActionResult<{ undoToken: string }>> {
  const id = typeof input?.id === "string" && input.id.length <= 64 ? input.id : "";
  if (!id) return invalid({ id: "invalid" });
  const result = await runForData(async () => criteria.removeCriterion(await actorOrThrow(), id));
  if (result.ok) revalidate();
  return result;
}

export async function restoreCriterionAction(input: {
  decisionId: string;
  undoToken: string;
}): Promise<ActionResult<CriterionDto>> {
  const parsed = restoreRowSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => criteria.restoreCriterion(await actorOrThrow(), parsed.data));
  if (result.ok) revalidate();
  return result;
}
