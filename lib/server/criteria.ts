import "server-only";
// Criteria of a decision: add, edit one field at a time, reorder, remove and undo. Every write goes through
// loadEditableDecision (permission, workspace, lock) inside one serialised write transaction with its audit event.
import type { TransactionClient } from "@/lib/db/write-queue";
import type { CriterionDto } from "@/lib/decisions/dto";
import {
  checkCriterionRow,
  parseCriterionField,
  type CriterionPatchInput,
  type CriterionValues,
  type FieldValue,
  type ReorderInput,
} from "@/lib/validation/criterion";
import { notFound, invalidField } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { criterionDto, loadRemovalSnapshot, patchVersionedField, reorderParts } from "./decisions";

const ENTITY = "Criterion";

/** A criterion row of the actor's workspace whose decision may be edited; foreign or missing ids are NotFound. */
async function editableCriterion(tx: TransactionClient, actor: Actor, criterionId: string) {
  // Authorisation first, so a viewer learns "forbidden", never whether an id exists.
  authorize(actor, "decision.write");
  const c = await tx.criterion.findFirst({ where: { id: criterionId, decision: { workspaceId: actor.workspaceId } } });
  if (!c) throw notFound("criterion");
  await loadEditableDecision(actor, c.decisionId, "decision.write", tx);
  return c;
}

export async function addCriterion(
  actor: Actor,
  input: { decisionId: string; name: string; weight?: number; kind?: CriterionDto["kind"] },
): Promise<CriterionDto> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const last = await tx.criterion.findFirst({
      where: { decisionId: input.decisionId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const kind = input.kind ?? "RATING";
    const c = await tx.criterion.create({
      data: {
        decisionId: input.decisionId,
        name: input.name,
        weight: input.weight ?? 10,
        kind,
        scaleMin: kind === "METRIC" ? null : 0,
        scaleMax: kind === "METRIC" ? null : 10,
        position: (last?.position ?? -1) + 1,
      },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criterion.created",
      entityType: ENTITY,
      entityId: c.id,
      after: criterionDto(c),
    });
    return criterionDto(c);
  });
}

/**
 * One field. The text is parsed by the shared schema, merged into the stored row and the whole row re-checked
 * (e.g. scale min < max), so a bad value changes nothing. Concurrency: patchVersionedField.
 */
export async function updateCriterionField(
  actor: Actor,
  input: CriterionPatchInput,
): Promise<{ version: number; value: FieldValue }> {
  const parsed = parseCriterionField(input.field, input.value);
  if (!parsed.ok) throw invalidField(input.field, parsed.error);
  return writeTransaction(async (tx) => {
    const row = await editableCriterion(tx, actor, input.criterionId);
    const merged = { ...(row as unknown as CriterionValues), [input.field]: parsed.value } as CriterionValues;
    const rowError = checkCriterionRow(merged, input.field);
    if (rowError) throw invalidField(input.field, rowError);
    const version = await patchVersionedField({
      tx,
      delegate: tx.criterion,
      row,
      entity: ENTITY,
      version: input.version,
      field: input.field,
      base: input.base,
      value: parsed.value,
      toDto: criterionDto,
      reload: () => tx.criterion.findUnique({ where: { id: row.id } }),
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criterion.updated",
      entityType: ENTITY,
      entityId: row.id,
      before: { [input.field]: row[input.field] },
      after: { [input.field]: parsed.value },
    });
    return { version, value: parsed.value };
  });
}

export async function reorderCriteria(actor: Actor, input: ReorderInput): Promise<void> {
  await writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    await reorderParts(tx, "criterion", input.decisionId, input.ids, input.expected);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criterion.reordered",
      entityType: "Decision",
      entityId: input.decisionId,
      before: { order: input.expected },
      after: { order: input.ids },
    });
  });
}

interface CriterionSnapshot {
  row: Record<string, unknown> & { id: string; decisionId: string; position: number; version: number };
  scores: { candidateId: string; evaluatorId: string; value: number; rationale: string; evidenceUrl: string }[];
  judgments: { evaluatorId: string; criterionAId: string; criterionBId: string; value: number }[];
}

/**
 * Removes a criterion with its scores and AHP judgments (the database cascades). Undo: the full snapshot goes into
 * the removal's audit event, and the returned token is that event's id. Restoring from the server-side snapshot
 * (rather than from data the browser sends back) keeps the scores authentic — a client cannot slip in scores of other
 * evaluators — and works after a reload or from another tab; nothing is deleted "later", so a closed tab never
 * leaves a half-removed row.
 */
export async function removeCriterion(actor: Actor, criterionId: string): Promise<{ undoToken: string }> {
  return writeTransaction(async (tx) => {
    const row = await editableCriterion(tx, actor, criterionId);
    const scores = await tx.score.findMany({
      where: { criterionId },
      select: { candidateId: true, evaluatorId: true, value: true, rationale: true, evidenceUrl: true },
    });
    const judgments = await tx.pairwiseJudgment.findMany({
      where: { OR: [{ criterionAId: criterionId }, { criterionBId: criterionId }] },
      select: { evaluatorId: true, criterionAId: true, criterionBId: true, value: true },
    });
    await tx.criterion.delete({ where: { id: criterionId } });
    const snapshot: CriterionSnapshot = { row, scores, judgments };
    const event = await tx.auditEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "criterion.removed",
        entityType: ENTITY,
        entityId: criterionId,
        before: JSON.parse(JSON.stringify(snapshot)),
      },
    });
    return { undoToken: event.id };
  });
}

/** Undo of removeCriterion: same id, same place, scores and judgments whose other ends still exist. Idempotent. */
export async function restoreCriterion(
  actor: Actor,
  input: { decisionId: string; undoToken: string },
): Promise<CriterionDto> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const { snapshot } = await loadRemovalSnapshot<CriterionSnapshot>(tx, actor, input.undoToken, "criterion.removed");
    const r = snapshot.row;
    if (r.decisionId !== input.decisionId) throw notFound("undo");
    const existing = await tx.criterion.findUnique({ where: { id: r.id } });
    if (existing) return criterionDto(existing);
    await tx.criterion.updateMany({
      where: { decisionId: r.decisionId, position: { gte: r.position } },
      data: { position: { increment: 1 } },
    });
    const c = await tx.criterion.create({
      data: {
        id: r.id,
        decisionId: r.decisionId,
        name: r.name as string,
        description: r.description as string,
        lowMeaning: r.lowMeaning as string,
        highMeaning: r.highMeaning as string,
        weight: r.weight as number,
        kind: r.kind as CriterionDto["kind"],
        direction: r.direction as CriterionDto["direction"],
        scaleMin: r.scaleMin as number | null,
        scaleMax: r.scaleMax as number | null,
        unit: r.unit as string | null,
        worst: r.worst as number | null,
        best: r.best as number | null,
        threshold: r.threshold as number | null,
        position: r.position,
        version: r.version + 1,
      },
    });
    const candidates = new Set(
      (await tx.candidate.findMany({ where: { decisionId: r.decisionId }, select: { id: true } })).map((x) => x.id),
    );
    const people = [...snapshot.scores.map((s) => s.evaluatorId), ...snapshot.judgments.map((j) => j.evaluatorId)];
    const evaluators = new Set(
      (await tx.user.findMany({ where: { id: { in: people } }, select: { id: true } })).map((x) => x.id),
    );
    for (const s of snapshot.scores) {
      if (candidates.has(s.candidateId) && evaluators.has(s.evaluatorId))
        await tx.score.create({ data: { ...s, criterionId: c.id } });
    }
    const criteria = new Set(
      (await tx.criterion.findMany({ where: { decisionId: r.decisionId }, select: { id: true } })).map((x) => x.id),
    );
    for (const j of snapshot.judgments) {
      if (criteria.has(j.criterionAId) && criteria.has(j.criterionBId) && evaluators.has(j.evaluatorId)) {
        await tx.pairwiseJudgment.upsert({
          where: {
            decisionId_evaluatorId_criterionAId_criterionBId: {
              decisionId: r.decisionId,
              evaluatorId: j.evaluatorId,
              criterionAId: j.criterionAId,
              criterionBId: j.criterionBId,
            },
          },
          create: { ...j, decisionId: r.decisionId },
          update: {},
        });
      }
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criterion.restored",
      entityType: ENTITY,
      entityId: c.id,
      after: { name: c.name, scores: snapshot.scores.length },
    });
    return criterionDto(c);
  });
}
