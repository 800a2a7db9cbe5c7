import "server-only";
import { invalidField } from "@/lib/errors/domain-error";
// Candidates of a decision: add, edit one field at a time, reorder, remove and undo — the same rules as criteria,
// from ./decision-parts.ts; this file holds what only candidates have (skill requirements, the chosen pointer).
import { Prisma } from "@/generated/prisma/client";
import type { CandidateDto } from "@/lib/decisions/dto";
import {
  candidateJsonFields,
  parseCandidateField,
  type CandidateField,
  type CandidatePatchInput,
} from "@/lib/validation/candidate";
import type { ReorderInput } from "@/lib/validation/criterion";
import type { Actor } from "./actor";
import * as parts from "./decision-parts";

export async function addCandidate(actor: Actor, input: { decisionId: string; name: string }): Promise<CandidateDto> {
  return parts.addPart(actor, "candidate", input.decisionId, { name: input.name });
}

export async function updateCandidateField(
  actor: Actor,
  input: CandidatePatchInput,
): Promise<{ version: number; value: string }> {
  const parsed = parseCandidateField(input.field, input.value);
  if (!parsed.ok) throw invalidField(input.field, parsed.error);
  return parts.updatePartField(actor, "candidate", { ...input, id: input.candidateId }, parsed.value);
}

/** Several fields at once (the API's PATCH), all or none: see updateCriterionFields. */
export async function updateCandidateFields(
  actor: Actor,
  input: { candidateId: string; version: number; values: Partial<Record<CandidateField, unknown>> },
): Promise<CandidateDto> {
  const values = parts.parsePartFields(candidateJsonFields, input.values);
  return parts.updatePartFields(actor, "candidate", { id: input.candidateId, version: input.version }, values);
}

export async function reorderCandidates(actor: Actor, input: ReorderInput): Promise<void> {
  await parts.reorderDecisionParts(actor, "candidate", input);
}

type CandidateSnapshot = parts.PartSnapshot & {
  scores: parts.RowSnapshot[];
  requirements: parts.RowSnapshot[];
  /** Absent in snapshots taken before facts were kept. */
  facts?: parts.RowSnapshot[];
  /** Absent in snapshots taken before candidates were compared in pairs. */
  candidateJudgments?: parts.RowSnapshot[];
};

/**
 * Removes a candidate with its scores, measured facts and skill requirements (the database cascades); undo:
 * restoreCandidate. With `expected`: see removeCriterion.
 */
export async function removeCandidate(
  actor: Actor,
  candidateId: string,
  expected?: parts.RemovalExpectation,
): Promise<{ undoToken: string }> {
  return parts.removePart(
    actor,
    "candidate",
    candidateId,
    async (tx) => ({
      scores: await tx.score.findMany({ where: { candidateId } }),
      facts: await tx.fact.findMany({ where: { candidateId } }),
      requirements: await tx.skillRequirement.findMany({ where: { candidateId } }),
      candidateJudgments: await tx.candidateJudgment.findMany({
        where: { OR: [{ candidateAId: candidateId }, { candidateBId: candidateId }] },
      }),
    }),
    // A decided decision is locked, so the chosen candidate cannot be removed here; clear a stale pointer anyway.
    (tx, row) =>
      tx.decision.updateMany({
        where: { id: row.decisionId, chosenCandidateId: candidateId },
        data: { chosenCandidateId: null },
      }),
    expected,
  );
}

/** Undo of removeCandidate: same id, same place, scores and requirements whose other ends still exist. Idempotent. */
export async function restoreCandidate(
  actor: Actor,
  input: { decisionId: string; undoToken: string },
): Promise<CandidateDto> {
  return parts.restorePart<"candidate", CandidateSnapshot>(actor, "candidate", input, async (tx, snapshot) => {
    const { id, decisionId } = snapshot.row;
    await parts.restoreScores(tx, snapshot.scores, decisionId, { candidateId: id });
    await parts.restoreFacts(tx, snapshot.facts, decisionId, { candidateId: id });
    await parts.restoreCandidateJudgments(tx, snapshot.candidateJudgments, decisionId);
    const skills = await parts.existingIds(
      (ids) => tx.skill.findMany({ where: { workspaceId: actor.workspaceId, id: { in: ids } }, select: { id: true } }),
      snapshot.requirements.map((q) => String(q.skillId)),
    );
    for (const q of snapshot.requirements) {
      if (!skills.has(String(q.skillId))) continue;
      const data = { ...parts.restoredColumns(q, Prisma.SkillRequirementScalarFieldEnum), candidateId: id };
      await tx.skillRequirement.create({ data: data as Prisma.SkillRequirementUncheckedCreateInput });
    }
  });
}
