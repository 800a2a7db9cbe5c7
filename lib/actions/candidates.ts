"use server";
// Candidates editor actions, called by the setup tab: the same shape as ./criteria.ts.
import { addCandidateSchema, candidatePatchSchema } from "@/lib/validation/candidate";
import { reorderSchema, removePartSchema, restoreRowSchema } from "@/lib/validation/criterion";
import { defineAction } from "@/lib/server/define-action";
import * as candidates from "@/lib/server/candidates";

const revalidate = [{ path: "/decisions/[id]", type: "layout" as const }];

export const addCandidateAction = defineAction(addCandidateSchema, candidates.addCandidate, { revalidate });

export const updateCandidateFieldAction = defineAction(candidatePatchSchema, candidates.updateCandidateField, {
  revalidate,
});

export const reorderCandidatesAction = defineAction(reorderSchema, candidates.reorderCandidates, { revalidate });

export const removeCandidateAction = defineAction(
  removePartSchema,
  (actor, input) =>
    candidates.removeCandidate(
      actor,
      input.id,
      input.version === undefined ? undefined : { version: input.version, ownWorkOnly: true },
    ),
  { revalidate },
);

export const restoreCandidateAction = defineAction(restoreRowSchema, candidates.restoreCandidate, { revalidate });
