import "server-only";
import { fieldErrors, notFound } from "@/lib/errors/domain-error";
// New decisions: blank, from a demo template, or as a duplicate of another. All three write their parts through
// lib/db/copy-parts, the same path the seed uses.
import { copyParts, templateParts } from "@/lib/db/copy-parts";
import type { TransactionClient } from "@/lib/db/write-queue";
import { DEMO_SKILLS, DEMO_TEMPLATES } from "@/lib/templates/demo";
import type { CreateDecisionInput } from "@/lib/validation/decision";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { writeTransaction } from "./db";
import { teamInWorkspace } from "./decision-access";

/**
 * A new decision, blank or copied from a demo template: criteria, candidates and skill requirements, the latter
 * mapped by skill NAME onto this workspace's catalog (missing skills are created from the template's catalog entry).
 * No scores are copied: a template frames the question, the answers are the new decision's own.
 */
export async function createDecision(actor: Actor, input: CreateDecisionInput): Promise<{ id: string }> {
  authorize(actor, "decision.write");
  const template = input.template ? DEMO_TEMPLATES.find((t) => t.key === input.template) : undefined;
  if (input.template && !template) throw fieldErrors({ template: "templateInvalid" });
  return writeTransaction(async (tx) => {
    const teamId = await teamInWorkspace(tx, actor, input.teamId ?? null);
    const d = await tx.decision.create({
      data: {
        workspaceId: actor.workspaceId,
        teamId,
        title: input.title,
        context: template?.context ?? "",
        templateKey: template?.key ?? null,
        createdById: actor.userId,
      },
    });
    if (template) {
      const skillIds = await skillIdsByName(
        tx,
        actor,
        template.candidates.flatMap((c) => (c.requirements ?? []).map((r) => r.skill)),
      );
      await copyParts(tx, d.id, templateParts(template, skillIds));
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.created",
      entityType: "Decision",
      entityId: d.id,
      after: { title: d.title, teamId, template: template?.key ?? null },
    });
    return { id: d.id };
  });
}

/** Template skill keys → this workspace's skill ids, matched by name; creates (and audits) the missing ones. */
async function skillIdsByName(tx: TransactionClient, actor: Actor, keys: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const key of new Set(keys)) {
    const spec = DEMO_SKILLS.find((s) => s.key === key);
    if (!spec) continue;
    const existing = await tx.skill.findUnique({
      where: { workspaceId_name: { workspaceId: actor.workspaceId, name: spec.name } },
      select: { id: true },
    });
    if (existing) {
      ids.set(key, existing.id);
      continue;
    }
    const created = await tx.skill.create({
      data: { workspaceId: actor.workspaceId, name: spec.name, category: spec.category, description: spec.description },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "skill.created",
      entityType: "Skill",
      entityId: created.id,
      after: { name: spec.name, category: spec.category, reason: "template" },
    });
    ids.set(key, created.id);
  }
  return ids;
}

/**
 * A fresh DRAFT with the same title (plus a suffix), context, team, criteria, candidates and skill requirements.
 * Scores, AHP judgments and the outcome are not copied. Allowed from any status: duplicating a decided decision is
 * how one revisits it without reopening the original.
 */
export async function duplicateDecision(
  actor: Actor,
  decisionId: string,
  titleSuffix: string,
): Promise<{ id: string }> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const src = await tx.decision.findFirst({
      where: { id: decisionId, workspaceId: actor.workspaceId },
      include: {
        criteria: { orderBy: { position: "asc" } },
        candidates: { orderBy: { position: "asc" }, include: { requirements: true } },
      },
    });
    if (!src) throw notFound("decision");
    const title = `${src.title} ${titleSuffix}`.trim().slice(0, 200);
    const d = await tx.decision.create({
      data: {
        workspaceId: actor.workspaceId,
        teamId: src.teamId,
        title,
        context: src.context,
        templateKey: src.templateKey,
        settings: src.settings ?? undefined,
        createdById: actor.userId,
      },
    });
    await copyParts(tx, d.id, { criteria: src.criteria, candidates: src.candidates });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.duplicated",
      entityType: "Decision",
      entityId: d.id,
      after: { title, from: src.id },
    });
    return { id: d.id };
  });
}
