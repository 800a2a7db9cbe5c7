"use server";
// Criteria editor actions, called by the setup tab. Each is defineAction: parse → actor → data layer (authorises,
// checks the lock and the version) → revalidate → typed result. Field errors are keys under `setup.errors`.
import {
  addCriterionSchema,
  criterionParentSchema,
  criterionPatchSchema,
  reorderSchema,
  restoreRowSchema,
  removePartSchema,
} from "@/lib/validation/criterion";
import { defineAction } from "@/lib/server/define-action";
import * as criteria from "@/lib/server/criteria";

const revalidate = [{ path: "/decisions/[id]", type: "layout" as const }];

export const addCriterionAction = defineAction(addCriterionSchema, criteria.addCriterion, { revalidate });

export const updateCriterionFieldAction = defineAction(criterionPatchSchema, criteria.updateCriterionField, {
  revalidate,
});

export const setCriterionParentAction = defineAction(criterionParentSchema, criteria.setCriterionParent, {
  revalidate,
});

export const reorderCriteriaAction = defineAction(reorderSchema, criteria.reorderCriteria, { revalidate });

export const removeCriterionAction = defineAction(
  removePartSchema,
  (actor, input) =>
    criteria.removeCriterion(
      actor,
      input.id,
      input.version === undefined ? undefined : { version: input.version, ownWorkOnly: true },
    ),
  {
    revalidate,
  },
);

export const restoreCriterionAction = defineAction(restoreRowSchema, criteria.restoreCriterion, { revalidate });
