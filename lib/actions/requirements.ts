"use server";
// Skill-requirement actions for a decision's team tab. The editor applies each result to its own state (and the live
// preview), so no page revalidation per edit; decision pages are rendered per request.
import { errorResult, invalid, type ActionResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { getRequestMeta } from "@/lib/server/request-meta";
import { removeRequirement, saveRequirement, type RequirementView } from "@/lib/server/requirements";
import { removeRequirementSchema, saveRequirementSchema } from "@/lib/validation/requirement";
import { fieldErrorsOf } from "@/lib/validation/team";

export async function saveRequirementAction(input: unknown): Promise<ActionResult<RequirementView>> {
  const parsed = saveRequirementSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    return { ok: true, data: await saveRequirement(await actorOrThrow(), parsed.data, await getRequestMeta()) };
  } catch (e) {
    return errorResult(e);
  }
}

export async function removeRequirementAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = removeRequirementSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    await removeRequirement(await actorOrThrow(), parsed.data, await getRequestMeta());
    return { ok: true };
  } catch (e) {
    return errorResult(e);
  }
}
