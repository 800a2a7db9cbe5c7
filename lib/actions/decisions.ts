"use server";
// Decision framing actions: create (blank or from a template), duplicate, archive, header fields, status flow.
// Each: parse with the shared schema → actor → data layer (authorises) → revalidate → typed result. Form actions
// here work without JavaScript; the field action is called by the setup tab's autosave.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/auth";
import {
  createDecisionSchema,
  decisionPatchSchema,
  decisionRefSchema,
  scoringSettingsInputSchema,
  statusChangeSchema,
  type DecisionPatchInput,
  type ScoringSettings,
  type ScoringSettingsInput,
} from "@/lib/validation/decision";
import { echo, formFields, invalid, runForData, type ActionResult, type ActionState } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import * as decisions from "@/lib/server/decisions";

const DECISION_LAYOUT = "/decisions/[id]";

function revalidateDecision() {
  revalidatePath("/");
  revalidatePath(DECISION_LAYOUT, "layout");
}

export async function createDecisionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = createDecisionSchema.safeParse(fields);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, ["title", "teamId", "template"]));
  const result = await runForData(async () => decisions.createDecision(await actorOrThrow(), parsed.data));
  if (!result.ok) return { ...result, values: echo(fields, ["title", "teamId", "template"]) };
  revalidatePath("/");
  redirect(`/decisions/${result.data!.id}/setup`);
}

/** Only lets back to the list (with its filters) — never an open redirect. */
function listPath(value: FormDataEntryValue | null): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/?") || s === "/" ? s : "/";
}

function withNotice(path: string, notice: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${encodeURIComponent(notice)}`;
}

export async function duplicateDecisionAction(formData: FormData): Promise<void> {
  const parsed = z.object({ decisionId: z.string().min(1).max(64) }).safeParse(formFields(formData));
  const back = listPath(formData.get("returnTo"));
  if (!parsed.success) redirect(withNotice(back, "invalidInput"));
  const t = await getTranslations("setup.list");
  const result = await runForData(async () =>
    decisions.duplicateDecision(await actorOrThrow(), parsed.data.decisionId, t("copySuffix")),
  );
  if (!result.ok) redirect(withNotice(back, result.error));
  revalidatePath("/");
  redirect(`/decisions/${result.data!.id}/setup`);
}

async function archive(formData: FormData, archived: boolean): Promise<void> {
  const parsed = decisionRefSchema.safeParse(formFields(formData));
  const back = listPath(formData.get("returnTo"));
  if (!parsed.success) redirect(withNotice(back, "invalidInput"));
  const result = await runForData(async () =>
    decisions.setDecisionArchived(await actorOrThrow(), parsed.data, archived),
  );
  revalidateDecision();
  redirect(withNotice(back, result.ok ? (archived ? "archived" : "unarchived") : result.error));
}

export async function archiveDecisionAction(formData: FormData): Promise<void> {
  await archive(formData, true);
}

export async function unarchiveDecisionAction(formData: FormData): Promise<void> {
  await archive(formData, false);
}

/** Autosave of title / context / owning team. */
export async function updateDecisionFieldAction(
  input: DecisionPatchInput,
): Promise<ActionResult<{ version: number; value: string | null }>> {
  const parsed = decisionPatchSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => decisions.updateDecisionField(await actorOrThrow(), parsed.data));
  if (result.ok) revalidateDecision();
  return result;
}

/** DRAFT → IN_REVIEW → DECIDED → SUPERSEDED, and reopening; a plain form with field errors. */
export async function changeStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = statusChangeSchema.safeParse(fields);
  const keep = ["to", "chosenCandidateId", "outcomeRationale", "supersededById"];
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), echo(fields, keep));
  const result = await runForData(async () => decisions.changeDecisionStatus(await actorOrThrow(), parsed.data));
  if (!result.ok) return { ...result, values: echo(fields, keep) };
  revalidateDecision();
  return { ok: true, message: parsed.data.to };
}

/** Scoring method (mean / median of evaluators, direct / AHP weights), with a version check. */
export async function updateScoringSettingsAction(
  input: ScoringSettingsInput,
): Promise<ActionResult<{ version: number; scoring: ScoringSettings }>> {
  const parsed = scoringSettingsInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const result = await runForData(async () => decisions.updateScoringSettings(await actorOrThrow(), parsed.data));
  if (result.ok) revalidateDecision();
  return result;
}
