"use server";
// Decision framing actions: create (blank or from a template), duplicate, archive, header fields, status flow.
// Each is defineAction & co.: parse with the shared schema → actor → data layer (authorises) → revalidate → typed
// result. Form actions here work without JavaScript; the field action is called by the setup tab's autosave.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionResult } from "@/lib/errors/action-result";
import {
  createDecisionSchema,
  decisionPatchSchema,
  decisionRefSchema,
  scoringSettingsInputSchema,
  statusChangeSchema,
} from "@/lib/validation/decision";
import { defineAction, defineFormAction, defineRedirectAction } from "@/lib/server/define-action";
import * as decisions from "@/lib/server/decisions";

const revalidateDecision = ["/", { path: "/decisions/[id]", type: "layout" as const }];

export const createDecisionAction = defineFormAction(
  createDecisionSchema,
  (actor, input) => decisions.createDecision(actor, input),
  { echo: ["title", "teamId", "template"], revalidate: ["/"], redirect: (d) => `/decisions/${d.id}/matrix` },
);

/** Only lets back to the list (with its filters) — never an open redirect. */
function listPath(value: string | undefined): string {
  const s = value ?? "";
  return s.startsWith("/?") || s === "/" ? s : "/";
}

function withNotice(path: string, notice: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${encodeURIComponent(notice)}`;
}

/** Back to the list it came from, with the outcome as a notice. */
function backToList(done: string) {
  return (result: ActionResult<unknown>, fields: Record<string, string>) =>
    withNotice(listPath(fields.returnTo), result.ok ? done : result.error);
}

export const duplicateDecisionAction = defineRedirectAction(
  z.object({ decisionId: z.string().min(1).max(64) }),
  async (actor, input) =>
    decisions.duplicateDecision(actor, input.decisionId, (await getTranslations("setup.list"))("copySuffix")),
  {
    revalidate: ["/"],
    to: (result, fields) =>
      result.ok ? `/decisions/${result.data!.id}/setup` : withNotice(listPath(fields.returnTo), result.error),
  },
);

export const archiveDecisionAction = defineRedirectAction(
  decisionRefSchema,
  (actor, input) => decisions.setDecisionArchived(actor, input, true),
  { revalidate: revalidateDecision, to: backToList("archived") },
);

export const unarchiveDecisionAction = defineRedirectAction(
  decisionRefSchema,
  (actor, input) => decisions.setDecisionArchived(actor, input, false),
  { revalidate: revalidateDecision, to: backToList("unarchived") },
);

/** Autosave of title / context / owning team. */
export const updateDecisionFieldAction = defineAction(decisionPatchSchema, decisions.updateDecisionField, {
  revalidate: revalidateDecision,
});

/** DRAFT → IN_REVIEW → DECIDED → SUPERSEDED, and reopening; a plain form with field errors. */
export const changeStatusAction = defineFormAction(statusChangeSchema, decisions.changeDecisionStatus, {
  echo: ["to", "chosenCandidateId", "outcomeRationale", "supersededById"],
  revalidate: revalidateDecision,
  message: (input) => input.to,
});

/** Scoring method (mean / median of evaluators, direct / AHP weights), with a version check. */
export const updateScoringSettingsAction = defineAction(scoringSettingsInputSchema, decisions.updateScoringSettings, {
  revalidate: revalidateDecision,
});
