import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";
import { toScoreDto, type DecisionDetail, type ScoreDto } from "@/lib/decisions/dto";
import { blindState } from "./blind";
import { scoreValueProblem, type DeleteScoreInput, type SaveScoreInput } from "@/lib/validation/score";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize, can } from "./authz";
import { updateIfVersion } from "./concurrency";
import { db, writeTransaction } from "./db";
import { SINGLE_ROW_EDIT } from "@/lib/db/write-queue";
import { loadEditableDecision } from "./decision-access";
import { getDecision } from "./decisions";
import { notFound, stale, fieldErrors } from "@/lib/errors/domain-error";
import { isPairwise, scoredCriteria } from "@/lib/scoring";

export interface EvaluatorProgress {
  id: string;
  name: string;
  /** Opinion cells (RATING criterion × candidate) this person has scored; facts and skill match are not opinions. */
  scored: number;
}

export interface ScoreGrid {
  /** The decision, with `scores` limited to what the actor may see (their own only while scoring blind). */
  decision: DecisionDetail;
  me: { id: string };
  /** May enter scores (architect or admin, decision not locked). */
  canScore: boolean;
  /** May enter or correct the measured facts (lib/server/facts.ts), decision not locked. */
  canEnterFacts: boolean;
  /** Decided or superseded: read-only for everybody. */
  locked: boolean;
  /** Blind scoring is on for this decision (default). */
  blindScoring: boolean;
  /**
   * Others' scores and the aggregate are withheld from the actor until they have scored every scorable cell (only
   * while the decision is open: a locked decision shows every value).
   */
  hidden: boolean;
  scorableCells: number;
  /**
   * The rows of the opinion grid: RATING and (computed, read-only) SKILL_MATCH criteria. METRIC criteria are measured
   * facts, entered once in the facts editor; `decision.criteria` keeps them so totals stay complete.
   */
  opinionCriteria: DecisionDetail["criteria"];
  /** Everyone who may score here (architects and admins) plus anyone who already did. */
  progress: EvaluatorProgress[];
}

/**
 * The score grid as the actor may see it. Blind scoring is enforced here, on the server, so other people's values
 * never reach the browser of someone still scoring. People who do not score (viewers, team leads) see the aggregate
 * at once: they cannot be anchored by it.
 */
export async function getScoreGrid(actor: Actor, decisionId: string): Promise<ScoreGrid | null> {
  authorize(actor, "decision.read");
  // Already cut down by the blind scoring rule (lib/server/blind.ts): while it holds, only the actor's own scores.
  const decision = await getDecision(actor, decisionId);
  if (!decision) return null;
  const extra = await db.decision.findFirst({
    where: { id: decision.id, workspaceId: actor.workspaceId },
    select: { settings: true },
  });
  const blind = blindState(actor, { ...decision, settings: extra?.settings ?? null });
  const locked = decision.status === "DECIDED" || decision.status === "SUPERSEDED";
  const scorer = can(actor.role, "score.write");

  // Progress counts cells, never values, so everyone's count is shown even while the values are withheld. Only
  // opinions are scored: facts (METRIC) are entered once and skill match is computed, so neither counts.
  // On a pairwise criterion the opinions are the pairs of candidates (one row per evaluator and pair).
  // Groups are not scored: their sub-criteria are.
  const scored = scoredCriteria(decision.criteria);
  const rating = scored.filter((c) => c.kind === "RATING");
  const scorable = rating.filter((c) => !isPairwise(c)).map((c) => c.id);
  const pairwise = rating.filter(isPairwise).map((c) => c.id);
  const candidateIds = decision.candidates.map((c) => c.id);
  const counts = await db.score.groupBy({
    by: ["evaluatorId"],
    where: { criterionId: { in: scorable }, candidateId: { in: candidateIds } },
    _count: { _all: true },
  });
  const answers = pairwise.length
    ? await db.candidateJudgment.groupBy({
        by: ["evaluatorId"],
        where: {
          criterionId: { in: pairwise },
          candidateAId: { in: candidateIds },
          candidateBId: { in: candidateIds },
        },
        _count: { _all: true },
      })
    : [];
  const scoredBy = new Map(counts.map((c) => [c.evaluatorId, c._count._all]));
  for (const a of answers) scoredBy.set(a.evaluatorId, (scoredBy.get(a.evaluatorId) ?? 0) + a._count._all);

  const people = await db.user.findMany({
    where: {
      OR: [
        { memberships: { some: { workspaceId: actor.workspaceId, role: { in: ["ADMIN", "ARCHITECT"] } } } },
        { id: { in: [...scoredBy.keys()] } },
      ],
    },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });

  return {
    decision,
    me: { id: actor.userId },
    canScore: scorer && !locked,
    canEnterFacts: can(actor.role, "fact.write") && !locked,
    locked,
    blindScoring: blind.blindScoring,
    hidden: blind.hidden,
    scorableCells: blind.scorableCells,
    // Pairwise criteria are answered pair by pair on the AHP tab, not scored cell by cell.
    opinionCriteria: scored.filter((c) => c.kind !== "METRIC" && !isPairwise(c)),
    progress: people.map((p) => ({ id: p.id, name: p.name, scored: scoredBy.get(p.id) ?? 0 })),
  };
}

const toDto = toScoreDto;

/** The cell's criterion and candidate, both of this decision (ids from the client are never trusted). */
async function loadCell(tx: TransactionClient, decisionId: string, criterionId: string, candidateId: string) {
  const criterion = await tx.criterion.findFirst({ where: { id: criterionId, decisionId } });
  if (!criterion) throw notFound("criterion");
  const candidate = await tx.candidate.findFirst({
    where: { id: candidateId, decisionId },
    select: { id: true, name: true },
  });
  if (!candidate) throw notFound("candidate");
  return { criterion, candidate };
}

const ownScore = (tx: TransactionClient, actor: Actor, criterionId: string, candidateId: string) =>
  tx.score.findUnique({
    where: { criterionId_candidateId_evaluatorId: { criterionId, candidateId, evaluatorId: actor.userId } },
  });

/**
 * Creates or updates the actor's own score for one cell. The evaluator is always the signed-in user. `version: null`
 * means "create": if this evaluator already has a score there (another tab got first), that is a StaleWriteError
 * carrying the stored score, like an update whose version is out of date.
 */
export async function saveScore(actor: Actor, input: SaveScoreInput): Promise<ScoreDto> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "score.write", tx);
    const { criterion } = await loadCell(tx, decision.id, input.criterionId, input.candidateId);
    const problem = scoreValueProblem(criterion, input.value);
    if (problem) throw fieldErrors({ value: problem });
    // Its candidates are compared in pairs; a score there would be stored and never counted.
    if (isPairwise(criterion)) throw fieldErrors({ value: "pairwiseNotScored" });
    // A group is scored through its sub-criteria.
    if (await tx.criterion.count({ where: { parentId: criterion.id } })) throw fieldErrors({ value: "groupNotScored" });

    const existing = await ownScore(tx, actor, criterion.id, input.candidateId);
    const data = {
      value: input.value,
      ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
      ...(input.evidenceUrl !== undefined ? { evidenceUrl: input.evidenceUrl } : {}),
    };
    let saved;
    if (input.version === null) {
      if (existing) throw stale("score", toDto(existing));
      saved = await tx.score.create({
        data: {
          criterionId: criterion.id,
          candidateId: input.candidateId,
          evaluatorId: actor.userId,
          rationale: "",
          evidenceUrl: "",
          ...data,
        },
      });
    } else {
      if (!existing) throw stale("score", null);
      const load = async () => {
        const row = await ownScore(tx, actor, criterion.id, input.candidateId);
        return row ? toDto(row) : null;
      };
      // `existing` was found by (cell, evaluator = actor), so the id can only be the actor's own row.
      await updateIfVersion(tx.score, { id: existing.id, version: input.version }, data, "score", load);
      saved = await tx.score.findUniqueOrThrow({ where: { id: existing.id } });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: existing ? "score.updated" : "score.created",
      entityType: "Score",
      entityId: saved.id,
      before: existing
        ? { value: existing.value, rationale: existing.rationale, evidenceUrl: existing.evidenceUrl }
        : undefined,
      after: {
        decisionId: decision.id,
        criterionId: saved.criterionId,
        candidateId: saved.candidateId,
        value: saved.value,
        rationale: saved.rationale,
        evidenceUrl: saved.evidenceUrl,
      },
    });
    return toDto(saved);
  }, SINGLE_ROW_EDIT);
}

/**
 * Removes the actor's own score (Delete in the grid), if it is still the version they saw. A score already gone is
 * the state they wanted, so it is not a conflict.
 */
export async function deleteScore(actor: Actor, input: DeleteScoreInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "score.write", tx);
    await loadCell(tx, decision.id, input.criterionId, input.candidateId);
    const existing = await ownScore(tx, actor, input.criterionId, input.candidateId);
    if (!existing) return;
    const { count } = await tx.score.deleteMany({
      where: { id: existing.id, version: input.version, evaluatorId: actor.userId },
    });
    if (count === 0) throw stale("score", toDto(existing));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "score.deleted",
      entityType: "Score",
      entityId: existing.id,
      before: {
        decisionId: decision.id,
        criterionId: existing.criterionId,
        candidateId: existing.candidateId,
        value: existing.value,
      },
    });
  }, SINGLE_ROW_EDIT);
}
