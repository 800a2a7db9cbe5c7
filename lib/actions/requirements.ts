"use server";
// Skill-requirement actions for a decision's team tab. The editor applies each result to its own state (and the live
// preview), so no page revalidation per edit; decision pages are rendered per request.
import { defineAction, withRequestMeta } from "@/lib/server/define-action";
import { removeRequirement, saveRequirement } from "@/lib/server/requirements";
import { removeRequirementSchema, saveRequirementSchema } from "@/lib/validation/requirement";

export const saveRequirementAction = defineAction(saveRequirementSchema, withRequestMeta(saveRequirement));

export const removeRequirementAction = defineAction(removeRequirementSchema, withRequestMeta(removeRequirement));
