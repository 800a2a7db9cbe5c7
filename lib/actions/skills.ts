"use server";
// Skill catalog actions: parse → actor → data layer (authorises) → revalidate → typed result.
import { revalidatePath } from "next/cache";
import { invalid, runForData as run, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { getRequestMeta } from "@/lib/server/request-meta";
import { createSkill, deleteSkill, updateSkill } from "@/lib/server/skills";
import { createSkillSchema, deleteSkillSchema, updateSkillSchema } from "@/lib/validation/skill";
import { fieldErrorsOf } from "@/lib/validation/team";

function refresh() {
  revalidatePath("/skills");
  revalidatePath("/teams/[id]", "page");
}

export async function createSkillAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = createSkillSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => createSkill(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refresh();
  return result;
}

export async function updateSkillAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const parsed = updateSkillSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => updateSkill(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refresh();
  return result;
}

export async function deleteSkillAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = deleteSkillSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await run(async () => deleteSkill(await actorOrThrow(), parsed.data, await getRequestMeta()));
  if (result.ok) refresh();
  return result;
}
