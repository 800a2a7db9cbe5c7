import "server-only";
// Candidates of a decision: add, edit one field at a time, reorder, remove and undo — the same rules as criteria
// (see ./criteria.ts for why undo restores from the server-side snapshot in the audit trail).
import type { TransactionClient } from "@/lib/db/write-queue";
import type { CandidateDto } from "@/lib/decisions/dto";
import { parseCandidateField, type CandidatePatchInput } from "@/lib/validation/candidate";
import type { ReorderInput } from "@/lib/validation/criterion";
import { notFound, invalidField } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { candidateDto, loadRemovalSnapshot, patchVersionedField, reorderParts } from "./decisions";

const ENTITY = "Candidate";

async function editableCandidate(tx: TransactionClient, actor: Actor, candidateId: string) {
  authorize(actor, "decision.write");
  const c = await tx.candidate.findFirst({ where: { id: candidateId, decision: { workspaceId: actor.workspaceId } } });
  if (!c) throw notFound("candidate");
  await loadEditableDecision(actor, c.decisionId, "decision.write", tx);
  return c;
}

export async function addCandidate(actor: Actor, input: { decisionId: string; name: string }): Promise<CandidateDto> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const last = await tx.candidate.findFirst({
      where: { decisionId: input.decisionId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const c = await tx.candidate.create({
      data: { decisionId: input.decisionId, name: input.name, position: (last?.position ?? -1) + 1 },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "candidate.created",
      entityType: ENTITY,
      entityId: c.id,
      after: candidateDto(c),
    });
    return candidateDto(c);
  });
}

export async function updateCandidateField(
  actor: Actor,
  input: CandidatePatchInput,
): Promise<{ version: number; value: string }> {
  const parsed = parseCandidateField(input.field, input.value);
  if (!parsed.ok) throw invalidField(input.field, parsed.error);
  return writeTransaction(async (tx) => {
    const row = await editableCandidate(tx, actor, input.candidateId);
    const version = await patchVersionedField({
      tx,
      delegate: tx.candidate,
      row,
      entity: ENTITY,
      version: input.version,
      field: input.field,
      base: input.base,
      value: parsed.value,
      toDto: candidateDto,
      reload: () => tx.candidate.findUnique({ where: { id: row.id } }),
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "candidate.updated",
      entityType: ENTITY,
      entityId: row.id,
      before: { [input.field]: row[input.field] },
      after: { [input.field]: parsed.value },
    });
    return { version, value: parsed.value };
  });
}

export async function reorderCandidates(actor: Actor, input: ReorderInput): Promise<void> {
  await writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    await reorderParts(tx, "candidate", input.decisionId, input.ids, input.expected);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "candidate.reordered",
      entityType: "Decision",
      entityId: input.decisionId,
      before: { order: input.expected },
      after: { order: input.ids },
    });
  });
}

interface CandidateSnapshot {
  row: {
    id: string;
    decisionId: string;
    name: string;
    description: string;
    link: string;
    position: number;
    version: number;
  };
  scores: { criterionId: string; evaluatorId: string; value: number; rationale: string; evidenceUrl: string }[];
  requirements: { skillId: string; weight: number; minLevel: number | null }[];
}

export async function removeCandidate(actor: Actor, candidateId: string): Promise<{ undoToken: string }> {
  return writeTransaction(async (tx) => {
    const row = await editableCandidate(tx, actor, candidateId);
    const scores = await tx.score.findMany({
      where: { candidateId },
      select: { criterionId: true, evaluatorId: true, value: true, rationale: true, evidenceUrl: true },
    });
    const requirements = await tx.skillRequirement.findMany({
      where: { candidateId },
      select: { skillId: true, weight: true, minLevel: true },
    });
    // A decided decision is locked, so the chosen candidate cannot be removed here; clear a stale pointer anyway.
    await tx.decision.updateMany({
      where: { id: row.decisionId, chosenCandidateId: candidateId },
      data: { chosenCandidateId: null },
    });
    await tx.candidate.delete({ where: { id: candidateId } });
    const snapshot: CandidateSnapshot = { row, scores, requirements };
    const event = await tx.auditEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "candidate.removed",
        entityType: ENTITY,
        entityId: candidateId,
        before: JSON.parse(JSON.stringify(snapshot)),
      },
    });
    return { undoToken: event.id };
  });
}

export async function restoreCandidate(
  actor: Actor,
  input: { decisionId: string; undoToken: string },
): Promise<CandidateDto> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const { snapshot } = await loadRemovalSnapshot<CandidateSnapshot>(tx, actor, input.undoToken, "candidate.removed");
    const r = snapshot.row;
    if (r.decisionId !== input.decisionId) throw notFound("undo");
    const existing = await tx.candidate.findUnique({ where: { id: r.id } });
    if (existing) return candidateDto(existing);
    await tx.candidate.updateMany({
      where: { decisionId: r.decisionId, position: { gte: r.position } },
      data: { position: { increment: 1 } },
    });
    const c = await tx.candidate.create({
      data: {
        id: r.id,
        decisionId: r.decisionId,
        name: r.name,
        description: r.description,
        link: r.link,
        position: r.position,
        version: r.version + 1,
      },
    });
    const criteria = new Set(
      (await tx.criterion.findMany({ where: { decisionId: r.decisionId }, select: { id: true } })).map((x) => x.id),
    );
    const evaluators = new Set(
      (
        await tx.user.findMany({
          where: { id: { in: snapshot.scores.map((s) => s.evaluatorId) } },
          select: { id: true },
        })
      ).map((x) => x.id),
    );
    for (const s of snapshot.scores)
      if (criteria.has(s.criterionId) && evaluators.has(s.evaluatorId))
        await tx.score.create({ data: { ...s, candidateId: c.id } });
    const skills = new Set(
      (
        await tx.skill.findMany({
          where: { workspaceId: actor.workspaceId, id: { in: snapshot.requirements.map((q) => q.skillId) } },
          select: { id: true },
        })
      ).map((x) => x.id),
    );
    for (const q of snapshot.requirements)
      if (skills.has(q.skillId)) await tx.skillRequirement.create({ data: { ...q, candidateId: c.id } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "candidate.restored",
      entityType: ENTITY,
      entityId: c.id,
      after: { name: c.name, scores: snapshot.scores.length },
    });
    return candidateDto(c);
  });
}
