import "server-only";
import type { DecisionDetail } from "@/lib/decisions/dto";
import type { RemoveRequirementInput, SaveRequirementInput } from "@/lib/validation/requirement";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { can } from "./authz";
import { notFound, stale } from "@/lib/errors/domain-error";
import { db, writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { getDecision } from "./decisions";

// Each candidate's skill requirements of one decision. Writes go through loadEditableDecision (permission, workspace,
// decided-is-read-only); the owning team's ratings come with the decision detail.

type Meta = { ip: string | null };
const NO_META: Meta = { ip: null };

export interface RequirementView {
  id: string;
  candidateId: string;
  skillId: string;
  weight: number;
  minLevel: number | null;
  version: number;
}

export interface TeamFit {
  decision: DecisionDetail;
  requirements: RequirementView[];
  /** The actor may edit requirements and the decision is not decided/superseded. */
  editable: boolean;
}

export async function getTeamFit(actor: Actor, decisionId: string): Promise<TeamFit | null> {
  const decision = await getDecision(actor, decisionId);
  if (!decision) return null;
  const rows = await db.skillRequirement.findMany({
    where: { candidate: { decisionId: decision.id } },
    orderBy: [{ candidateId: "asc" }, { skill: { name: "asc" } }],
  });
  return {
    decision,
    requirements: rows.map((r) => ({
      id: r.id,
      candidateId: r.candidateId,
      skillId: r.skillId,
      weight: r.weight,
      minLevel: r.minLevel,
      version: r.version,
    })),
    editable: can(actor.role, "requirement.write") && decision.status !== "DECIDED" && decision.status !== "SUPERSEDED",
  };
}

const view = (r: {
  id: string;
  candidateId: string;
  skillId: string;
  weight: number;
  minLevel: number | null;
  version: number;
}): RequirementView => ({
  id: r.id,
  candidateId: r.candidateId,
  skillId: r.skillId,
  weight: r.weight,
  minLevel: r.minLevel,
  version: r.version,
});

/** Creates (version null) or changes (version read) the requirement of one candidate for one skill. */
export async function saveRequirement(
  actor: Actor,
  input: SaveRequirementInput,
  meta: Meta = NO_META,
): Promise<RequirementView> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "requirement.write", tx);
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, decisionId: decision.id },
      select: { id: true },
    });
    if (!candidate) throw notFound("candidate");
    const skill = await tx.skill.findFirst({
      where: { id: input.skillId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!skill) throw notFound("skill");
    const existing = await tx.skillRequirement.findUnique({
      where: { candidateId_skillId: { candidateId: candidate.id, skillId: skill.id } },
    });
    if (input.version === null ? existing !== null : existing?.version !== input.version) {
      throw stale("requirement", existing ? view(existing) : null);
    }
    const row = existing
      ? await tx.skillRequirement.update({
          where: { id: existing.id },
          data: { weight: input.weight, minLevel: input.minLevel, version: { increment: 1 } },
        })
      : await tx.skillRequirement.create({
          data: { candidateId: candidate.id, skillId: skill.id, weight: input.weight, minLevel: input.minLevel },
        });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: existing ? "requirement.updated" : "requirement.created",
      entityType: "SkillRequirement",
      entityId: row.id,
      before: existing ? { weight: existing.weight, minLevel: existing.minLevel } : null,
      after: {
        decisionId: decision.id,
        candidateId: candidate.id,
        skillId: skill.id,
        weight: row.weight,
        minLevel: row.minLevel,
      },
      ip: meta.ip,
    });
    return view(row);
  });
}

export async function removeRequirement(
  actor: Actor,
  input: RemoveRequirementInput,
  meta: Meta = NO_META,
): Promise<void> {
  await writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "requirement.write", tx);
    const existing = await tx.skillRequirement.findFirst({
      where: { id: input.requirementId, candidate: { decisionId: decision.id } },
    });
    if (!existing) throw notFound("requirement");
    if (existing.version !== input.version) throw stale("requirement", view(existing));
    await tx.skillRequirement.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "requirement.removed",
      entityType: "SkillRequirement",
      entityId: existing.id,
      before: {
        decisionId: decision.id,
        candidateId: existing.candidateId,
        skillId: existing.skillId,
        weight: existing.weight,
        minLevel: existing.minLevel,
      },
      ip: meta.ip,
    });
  });
}
