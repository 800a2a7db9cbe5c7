import "server-only";
import { invalidField } from "@/lib/errors/domain-error";
// Criteria of a decision: add, edit one field at a time, reorder, remove and undo. The shared rules (guard, version,
// audit, undo from the audit trail's snapshot) are in ./decision-parts.ts; this file holds what only criteria have.
import { Prisma } from "@/generated/prisma/client";
import type { CriterionDto } from "@/lib/decisions/dto";
import type { TransactionClient } from "@/lib/db/write-queue";
import { checkTree } from "@/lib/scoring/tree";
import {
  checkCriterionRow,
  criterionJsonFields,
  TREE_PROBLEMS,
  type CriterionParentInput,
  parseCriterionField,
  type CriterionField,
  type CriterionValues,
  type CriterionPatchInput,
  type FieldValue,
  type ReorderInput,
} from "@/lib/validation/criterion";
import type { Actor } from "./actor";
import * as parts from "./decision-parts";

export async function addCriterion(
  actor: Actor,
  input: { decisionId: string; name: string; weight?: number; kind?: CriterionDto["kind"] },
): Promise<CriterionDto> {
  const kind = input.kind ?? "RATING";
  return parts.addPart(actor, "criterion", input.decisionId, {
    name: input.name,
    weight: input.weight ?? 10,
    kind,
    scaleMin: kind === "METRIC" ? null : 0,
    scaleMax: kind === "METRIC" ? null : 10,
    // New criteria (rating today, metric perhaps tomorrow) fix a metric's references at its first measured range.
    autoReferences: true,
  });
}

/**
 * One field. The text is parsed by the shared schema, merged into the stored row and the whole row re-checked
 * (e.g. scale min < max), so a bad value changes nothing.
 */
export async function updateCriterionField(
  actor: Actor,
  input: CriterionPatchInput,
): Promise<{ version: number; value: FieldValue }> {
  const parsed = parseCriterionField(input.field, input.value);
  if (!parsed.ok) throw invalidField(input.field, parsed.error);
  return parts.updatePartField(actor, "criterion", { ...input, id: input.criterionId }, parsed.value, (merged) =>
    checkCriterionRow(merged, input.field),
  );
}

/**
 * Several fields at once (the API's PATCH), all or none. Values arrive typed (numbers as numbers) and go through the
 * exchange format's parsers — the editors' rules — then the cross-field rules run once on the merged row, for every
 * field named. Any refusal lists every bad field and writes nothing.
 */
export async function updateCriterionFields(
  actor: Actor,
  input: { criterionId: string; version: number; values: Partial<Record<CriterionField, unknown>> },
  /** Where the criterion sits, when it moves in the same write (undefined: it stays). */
  parentId?: string | null,
): Promise<CriterionDto> {
  const values = parts.parsePartFields(criterionJsonFields, input.values) as Partial<CriterionValues>;
  return parts.updatePartFields(
    actor,
    "criterion",
    { id: input.criterionId, version: input.version },
    parentId === undefined ? values : { ...values, parentId },
    (merged) => {
      const problems: Record<string, string> = {};
      for (const field of Object.keys(values) as CriterionField[]) {
        const problem = checkCriterionRow(merged, field);
        if (problem) problems[field] = problem;
      }
      return problems;
    },
    parentId === undefined ? undefined : (tx, row) => checkMove(tx, row, parentId),
  );
}

/**
 * Moves a criterion under a group, or to the top level with null (the setup tab's group select). The criterion keeps
 * its weight, which becomes local to its new siblings; a criterion that gains its first sub-criterion becomes a group
 * and its scores are kept, unused.
 */
export async function setCriterionParent(actor: Actor, input: CriterionParentInput): Promise<CriterionDto> {
  return updateCriterionFields(
    actor,
    { criterionId: input.criterionId, version: input.version, values: {} },
    input.parentId,
  );
}

/**
 * The tree as it would be with `id` under `parentId`, checked whole inside the write (so two moves racing cannot build
 * a loop): a parent of this decision, never the criterion itself or one of its own sub-criteria, at most five levels.
 */
async function checkMove(
  tx: TransactionClient,
  row: { id: string; decisionId: string },
  parentId: string | null,
): Promise<Record<string, string>> {
  const rows = await tx.criterion.findMany({
    where: { decisionId: row.decisionId },
    select: { id: true, parentId: true },
  });
  const moved = rows.map((r) => (r.id === row.id ? { ...r, parentId } : r));
  const problems = checkTree(moved);
  const at = moved.findIndex((r) => r.id === row.id);
  const problem = problems.find((e) => e.path[1] === at) ?? problems[0];
  return problem ? { parentId: TREE_PROBLEMS[problem.code] ?? "parentUnknown" } : {};
}

export async function reorderCriteria(actor: Actor, input: ReorderInput): Promise<void> {
  await parts.reorderDecisionParts(actor, "criterion", input);
}

type CriterionSnapshot = parts.PartSnapshot & {
  scores: parts.RowSnapshot[];
  judgments: parts.RowSnapshot[];
  /** Absent in snapshots taken before facts were kept. */
  facts?: parts.RowSnapshot[];
  /** Absent in snapshots taken before candidates were compared in pairs. */
  candidateJudgments?: parts.RowSnapshot[];
};

/**
 * Removes a criterion with its scores, measured facts and AHP judgments (the database cascades); undo:
 * restoreCriterion. With `expected`: the version the caller read, and for the matrix's undo nobody else's work on
 * it (parts.RemovalExpectation).
 */
export async function removeCriterion(
  actor: Actor,
  criterionId: string,
  expected?: parts.RemovalExpectation,
): Promise<{ undoToken: string }> {
  return parts.removePart(
    actor,
    "criterion",
    criterionId,
    async (tx) => ({
      scores: await tx.score.findMany({ where: { criterionId } }),
      facts: await tx.fact.findMany({ where: { criterionId } }),
      judgments: await tx.pairwiseJudgment.findMany({
        where: { OR: [{ criterionAId: criterionId }, { criterionBId: criterionId }] },
      }),
      candidateJudgments: await tx.candidateJudgment.findMany({ where: { criterionId } }),
    }),
    // A group goes only once it is empty: removing it would silently lift its sub-criteria and their weights.
    async (tx) => {
      if ((await tx.criterion.count({ where: { parentId: criterionId } })) > 0) {
        throw invalidField("id", "hasSubCriteria");
      }
    },
    expected,
  );
}

/** Undo of removeCriterion: same id, same place, scores and judgments whose other ends still exist. Idempotent. */
export async function restoreCriterion(
  actor: Actor,
  input: { decisionId: string; undoToken: string },
): Promise<CriterionDto> {
  return parts.restorePart<"criterion", CriterionSnapshot>(
    actor,
    "criterion",
    input,
    restoreChildren,
    async (tx, row) => {
      // Back in its group when the group is still there, else at the top level.
      const parentId = typeof row.parentId === "string" ? row.parentId : null;
      if (parentId === null) return row;
      const parent = await tx.criterion.findFirst({ where: { id: parentId, decisionId: row.decisionId } });
      return parent ? row : { ...row, parentId: null };
    },
  );
}

async function restoreChildren(tx: TransactionClient, snapshot: CriterionSnapshot): Promise<void> {
  {
    const { id, decisionId } = snapshot.row;
    await parts.restoreScores(tx, snapshot.scores, decisionId, { criterionId: id });
    await parts.restoreFacts(tx, snapshot.facts, decisionId, { criterionId: id });
    await parts.restoreCandidateJudgments(tx, snapshot.candidateJudgments, decisionId);
    const criteria = await parts.existingIds(
      (ids) => tx.criterion.findMany({ where: { decisionId, id: { in: ids } }, select: { id: true } }),
      snapshot.judgments.flatMap((j) => [String(j.criterionAId), String(j.criterionBId)]),
    );
    const evaluators = await parts.existingIds(
      (ids) => tx.user.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      snapshot.judgments.map((j) => String(j.evaluatorId)),
    );
    for (const j of snapshot.judgments) {
      const [a, b, evaluatorId] = [String(j.criterionAId), String(j.criterionBId), String(j.evaluatorId)];
      if (!criteria.has(a) || !criteria.has(b) || !evaluators.has(evaluatorId)) continue;
      const data = { ...parts.restoredColumns(j, Prisma.PairwiseJudgmentScalarFieldEnum), decisionId };
      await tx.pairwiseJudgment.upsert({
        where: {
          decisionId_evaluatorId_criterionAId_criterionBId: {
            decisionId,
            evaluatorId,
            criterionAId: a,
            criterionBId: b,
          },
        },
        create: data as Prisma.PairwiseJudgmentUncheckedCreateInput,
        update: {},
      });
    }
  }
}
