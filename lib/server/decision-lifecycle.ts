import "server-only";
import { fieldErrors, invalidField, notFound, stale } from "@/lib/errors/domain-error";
// A decision's own lifecycle: its header fields (autosaved one at a time), the status flow and archiving.
import {
  STATUS_TRANSITIONS,
  decisionHeaderFields,
  type DecisionPatchInput,
  type StatusChangeInput,
  scoringSettingsOf,
  type ScoringSettings,
  type ScoringSettingsInput,
} from "@/lib/validation/decision";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { updateIfVersion } from "./concurrency";
import { writeTransaction } from "./db";
import { loadEditableDecision, teamInWorkspace } from "./decision-access";
import { lastEditorName, patchVersionedField } from "./decision-parts";

function headerDto(d: { id: string; title: string; context: string; teamId: string | null; version: number }) {
  return { id: d.id, title: d.title, context: d.context, teamId: d.teamId, version: d.version };
}

/** Title, context or owning team: one field per call (autosave). Locked decisions refuse (loadEditableDecision). */
export async function updateDecisionField(
  actor: Actor,
  input: DecisionPatchInput,
): Promise<{ version: number; value: string | null }> {
  const parser = decisionHeaderFields[input.field];
  const parsed = parser.safeParse(input.value);
  if (!parsed.success) throw invalidField(input.field, parsed.error.issues[0]?.message ?? "invalid");
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const value = input.field === "teamId" ? await teamInWorkspace(tx, actor, parsed.data) : parsed.data;
    const row = await tx.decision.findUniqueOrThrow({ where: { id: input.decisionId } });
    const version = await patchVersionedField({
      tx,
      delegate: tx.decision,
      row,
      entity: "Decision",
      version: input.version,
      field: input.field,
      base: input.base,
      value,
      toDto: headerDto,
      reload: () => tx.decision.findUnique({ where: { id: row.id } }),
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.updated",
      entityType: "Decision",
      entityId: row.id,
      before: { [input.field]: row[input.field] },
      after: { [input.field]: value },
    });
    return { version, value };
  });
}

/**
 * The status flow (STATUS_TRANSITIONS). Deciding names a candidate of this decision and a rationale and stamps
 * decidedAt; superseding names another decision of the workspace; reopening (back to IN_REVIEW from DECIDED or
 * SUPERSEDED) clears nothing, so the old outcome stays visible in the audit trail's before/after.
 */
export async function changeDecisionStatus(actor: Actor, input: StatusChangeInput): Promise<{ version: number }> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const d = await tx.decision.findFirst({ where: { id: input.decisionId, workspaceId: actor.workspaceId } });
    if (!d) throw notFound("decision");
    // Header edits (title, context, team) bump the version too; they do not make a status change stale. Only a
    // status that moved since the client read it does.
    const expected = input.from || null;
    if (d.version !== input.version && (expected === null || d.status !== expected)) {
      throw stale("Decision", {
        field: "status",
        theirs: d.status,
        changedBy: await lastEditorName(tx, "Decision", d.id, "status"),
        row: headerDto(d),
      });
    }
    if (!STATUS_TRANSITIONS[d.status].includes(input.to)) throw fieldErrors({ to: "transitionInvalid" });
    const data: Record<string, unknown> = { status: input.to };
    if (input.to === "DECIDED") {
      const chosen = await tx.candidate.findFirst({
        where: { id: input.chosenCandidateId, decisionId: d.id },
        select: { id: true },
      });
      if (!chosen) throw fieldErrors({ chosenCandidateId: "chosenRequired" });
      Object.assign(data, {
        chosenCandidateId: chosen.id,
        outcomeRationale: input.outcomeRationale,
        decidedAt: new Date(),
      });
    }
    if (input.to === "SUPERSEDED") {
      const next = await tx.decision.findFirst({
        where: { id: input.supersededById, workspaceId: actor.workspaceId, NOT: { id: d.id } },
        select: { id: true },
      });
      if (!next) throw fieldErrors({ supersededById: "replacementRequired" });
      data.supersededById = next.id;
    }
    if (input.to === "IN_REVIEW" || input.to === "DRAFT") data.supersededById = null;
    await updateIfVersion(tx.decision, { id: d.id, version: d.version }, data, "Decision", async () => null);
    const reopened = (d.status === "DECIDED" || d.status === "SUPERSEDED") && input.to === "IN_REVIEW";
    const pick = (r: Record<string, unknown>) => ({
      status: r.status,
      chosenCandidateId: r.chosenCandidateId ?? null,
      outcomeRationale: r.outcomeRationale ?? "",
      supersededById: r.supersededById ?? null,
      decidedAt: r.decidedAt ?? null,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: reopened ? "decision.reopened" : "decision.status_changed",
      entityType: "Decision",
      entityId: d.id,
      before: pick(d),
      after: pick({ ...d, ...data }),
    });
    return { version: d.version + 1 };
  });
}

/** Archive or bring back; allowed in any status (an old decided decision is the usual thing to archive). */
export async function setDecisionArchived(
  actor: Actor,
  input: { decisionId: string; version: number },
  archived: boolean,
): Promise<void> {
  authorize(actor, "decision.write");
  await writeTransaction(async (tx) => {
    const d = await tx.decision.findFirst({ where: { id: input.decisionId, workspaceId: actor.workspaceId } });
    if (!d) throw notFound("decision");
    const load = async () => ({
      field: "archived",
      theirs: d.archivedAt !== null,
      changedBy: await lastEditorName(tx, "Decision", d.id),
      row: headerDto(d),
    });
    if (d.version !== input.version) throw stale("Decision", await load());
    await updateIfVersion(
      tx.decision,
      { id: d.id, version: d.version },
      { archivedAt: archived ? new Date() : null },
      "Decision",
      load,
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: archived ? "decision.archived" : "decision.unarchived",
      entityType: "Decision",
      entityId: d.id,
      before: { archived: d.archivedAt !== null },
      after: { archived },
    });
  });
}

/**
 * The decision's scoring method (cell aggregation, weight source), merged into Decision.settings so other keys
 * (blind scoring) survive. A stale version refuses the write: the method changes every figure, so nobody's choice is
 * silently overwritten by someone who saw different numbers.
 */
export async function updateScoringSettings(
  actor: Actor,
  input: ScoringSettingsInput,
): Promise<{ version: number; scoring: ScoringSettings }> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const d = await tx.decision.findUniqueOrThrow({ where: { id: input.decisionId } });
    const before = scoringSettingsOf(d.settings);
    const load = async () => ({
      field: "scoring",
      theirs: before,
      changedBy: await lastEditorName(tx, "Decision", d.id),
      row: headerDto(d),
    });
    if (d.version !== input.version) throw stale("Decision", await load());
    const scoring = { aggregation: input.aggregation, weightSource: input.weightSource };
    const settings = { ...(isPlainObject(d.settings) ? d.settings : {}), ...scoring };
    await updateIfVersion(tx.decision, { id: d.id, version: d.version }, { settings }, "Decision", load);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.updated",
      entityType: "Decision",
      entityId: d.id,
      before,
      after: scoring,
    });
    return { version: d.version + 1, scoring };
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
