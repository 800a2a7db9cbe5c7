import "server-only";
// Pairwise comparison of the candidates on a criterion (issue 17): the comparison page's read and one answer per
// pair. The answers are opinions about candidates, so they take the scorer's permission and pass the blind scoring
// rule with the scores (lib/server/blind.ts): getDecision has already cut the others' answers away while it holds.
import type { CandidateJudgmentCell, CriterionDto } from "@/lib/decisions/dto";
import type { SaveCandidateJudgmentInput } from "@/lib/validation/judgment";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize, can } from "./authz";
import { blindState } from "./blind";
import { updateIfVersion } from "./concurrency";
import { db, writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { getDecision } from "./decisions";
import { fieldErrors, notFound, stale } from "@/lib/errors/domain-error";
import { isPairwise, scoredCriteria } from "@/lib/scoring";

/** One evaluator's stored answer for an unordered pair on one criterion. */
export interface CandidateJudgmentDto {
  id: string;
  criterionId: string;
  evaluatorId: string;
  candidateAId: string;
  candidateBId: string;
  value: number;
  version: number;
}

export interface ComparisonView {
  decisionId: string;
  /** The decision's pairwise rating criteria, in criterion order. */
  criteria: Pick<CriterionDto, "id" | "name" | "description" | "lowMeaning" | "highMeaning">[];
  candidates: { id: string; name: string }[];
  /** The answers the viewer may see (their own only while blind scoring holds for them). */
  judgments: CandidateJudgmentCell[];
  /** The viewer's own rows, with versions, for saving. */
  mine: CandidateJudgmentDto[];
  evaluators: { id: string; name: string }[];
  me: { id: string; name: string };
  canAnswer: boolean;
  locked: boolean;
  /** Others' answers are withheld until the viewer has answered every pair and scored every cell. */
  blind: boolean;
}

type Row = CandidateJudgmentDto & { decisionId: string; updatedAt: Date };
const toDto = (j: Row): CandidateJudgmentDto => ({
  id: j.id,
  criterionId: j.criterionId,
  evaluatorId: j.evaluatorId,
  candidateAId: j.candidateAId,
  candidateBId: j.candidateBId,
  value: j.value,
  version: j.version,
});

export async function getComparisonView(actor: Actor, decisionId: string): Promise<ComparisonView | null> {
  authorize(actor, "decision.read");
  const d = await getDecision(actor, decisionId);
  if (!d) return null;
  // A group's candidates are compared on its sub-criteria.
  const criteria = scoredCriteria(d.criteria).filter(isPairwise);
  const ids = new Set(criteria.map((c) => c.id));
  const mine = await db.candidateJudgment.findMany({
    where: { decisionId: d.id, evaluatorId: actor.userId, criterionId: { in: [...ids] } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
  });
  const me = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
  const stored = await db.decision.findUnique({ where: { id: d.id }, select: { settings: true } });
  const locked = d.status === "DECIDED" || d.status === "SUPERSEDED";
  return {
    decisionId: d.id,
    criteria: criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      lowMeaning: c.lowMeaning,
      highMeaning: c.highMeaning,
    })),
    candidates: d.candidates.map((c) => ({ id: c.id, name: c.name })),
    judgments: d.candidateJudgments.filter((j) => ids.has(j.criterionId)),
    mine: mine.map(toDto),
    evaluators: d.evaluators,
    me: { id: actor.userId, name: me?.name ?? "" },
    canAnswer: can(actor.role, "score.write") && !locked,
    locked,
    // Its answer is the same before and after the rule has filtered the decision (it counts the actor's own only).
    blind: blindState(actor, { ...d, settings: stored?.settings ?? null }).hidden,
  };
}

/**
 * Stores the actor's answer for one pair on one pairwise criterion. One row per evaluator, criterion and unordered
 * pair: when the row exists the other way round, the reciprocal is stored on it. `version: null` creates; a row that
 * already exists (another tab answered first) is a StaleWriteError carrying it, in the orientation that was asked.
 */
export async function saveCandidateJudgment(
  actor: Actor,
  input: SaveCandidateJudgmentInput,
): Promise<CandidateJudgmentDto> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "score.write", tx);
    const criterion = await tx.criterion.findFirst({
      where: { id: input.criterionId, decisionId: decision.id },
      select: { id: true, kind: true, pairwise: true },
    });
    if (!criterion) throw notFound("criterion");
    if (!isPairwise(criterion)) throw fieldErrors({ criterionId: "notPairwise" });
    if (await tx.criterion.count({ where: { parentId: criterion.id } }))
      throw fieldErrors({ criterionId: "groupNotScored" });
    const found = await tx.candidate.count({
      where: { decisionId: decision.id, id: { in: [input.candidateAId, input.candidateBId] } },
    });
    if (found !== 2) throw notFound("candidate");

    const findOwn = () =>
      tx.candidateJudgment.findFirst({
        where: {
          criterionId: criterion.id,
          evaluatorId: actor.userId,
          OR: [
            { candidateAId: input.candidateAId, candidateBId: input.candidateBId },
            { candidateAId: input.candidateBId, candidateBId: input.candidateAId },
          ],
        },
      });
    const asAsked = (row: Row): CandidateJudgmentDto =>
      row.candidateAId === input.candidateAId
        ? toDto(row)
        : { ...toDto(row), candidateAId: row.candidateBId, candidateBId: row.candidateAId, value: 1 / row.value };

    const existing = await findOwn();
    let saved: Row;
    if (input.version === null) {
      if (existing) throw stale("judgment", asAsked(existing));
      saved = await tx.candidateJudgment.create({
        data: {
          decisionId: decision.id,
          criterionId: criterion.id,
          evaluatorId: actor.userId,
          candidateAId: input.candidateAId,
          candidateBId: input.candidateBId,
          value: input.value,
        },
      });
    } else {
      if (!existing) throw stale("judgment", null);
      const stored = existing.candidateAId === input.candidateAId ? input.value : 1 / input.value;
      await updateIfVersion(
        tx.candidateJudgment,
        { id: existing.id, version: input.version },
        { value: stored },
        "judgment",
        async () => {
          const row = await findOwn();
          return row ? asAsked(row) : null;
        },
      );
      saved = await tx.candidateJudgment.findUniqueOrThrow({ where: { id: existing.id } });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: existing ? "candidateJudgment.updated" : "candidateJudgment.created",
      entityType: "CandidateJudgment",
      entityId: saved.id,
      before: existing ? { value: existing.value } : undefined,
      after: {
        decisionId: decision.id,
        criterionId: criterion.id,
        candidateAId: saved.candidateAId,
        candidateBId: saved.candidateBId,
        value: saved.value,
      },
    });
    return asAsked(saved);
  });
}
