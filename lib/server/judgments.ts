import "server-only";
import type { CriterionDto } from "@/lib/decisions/dto";
import { ahpWeights, groupMatrix } from "@/lib/scoring";
import { ahpWeightToRaw, type ApplyAhpWeightsInput, type SaveJudgmentInput } from "@/lib/validation/judgment";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize, can } from "./authz";
import { updateIfVersion } from "./concurrency";
import { usersById } from "./people";
import { db, writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { fieldErrors, notFound, stale } from "@/lib/errors/domain-error";

/** One evaluator's stored answer for an unordered pair: `value` = how many times more important A is than B. */
export interface JudgmentDto {
  id: string;
  evaluatorId: string;
  criterionAId: string;
  criterionBId: string;
  value: number;
  version: number;
}

export interface AhpView {
  decisionId: string;
  criteria: Pick<CriterionDto, "id" | "name" | "description" | "weight" | "version" | "position" | "parentId">[];
  /** Every evaluator's judgments: the group result needs them all (individual answers are not shown by name). */
  judgments: JudgmentDto[];
  evaluators: { id: string; name: string; answered: number }[];
  /** The viewer's own name: named beside their distance to the group even before their first answer is loaded. */
  me: { id: string; name: string };
  canAnswer: boolean;
  canApply: boolean;
  locked: boolean;
}

const toDto = (j: {
  id: string;
  evaluatorId: string;
  criterionAId: string;
  criterionBId: string;
  value: number;
  version: number;
}): JudgmentDto => ({
  id: j.id,
  evaluatorId: j.evaluatorId,
  criterionAId: j.criterionAId,
  criterionBId: j.criterionBId,
  value: j.value,
  version: j.version,
});

export async function getAhpView(actor: Actor, decisionId: string): Promise<AhpView | null> {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id: decisionId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      status: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          description: true,
          weight: true,
          version: true,
          position: true,
          parentId: true,
        },
      },
      judgments: {
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!d) return null;
  const locked = d.status === "DECIDED" || d.status === "SUPERSEDED";
  const ids = new Set(d.criteria.map((c) => c.id));
  const judgments = d.judgments.filter((j) => ids.has(j.criterionAId) && ids.has(j.criterionBId));
  const people = await usersById(db, [...judgments.map((j) => j.evaluatorId), actor.userId], { id: true, name: true });
  const evaluators = new Map<string, { id: string; name: string; answered: number }>();
  for (const j of judgments) {
    const name = people.get(j.evaluatorId)?.name ?? "";
    const e = evaluators.get(j.evaluatorId) ?? { id: j.evaluatorId, name, answered: 0 };
    e.answered += 1;
    evaluators.set(j.evaluatorId, e);
  }
  const writer = can(actor.role, "ahp.write") && !locked;
  return {
    decisionId: d.id,
    criteria: d.criteria,
    judgments: judgments.map(toDto),
    evaluators: [...evaluators.values()],
    me: { id: actor.userId, name: people.get(actor.userId)?.name ?? "" },
    canAnswer: writer,
    canApply: writer,
    locked,
  };
}

/**
 * Stores the actor's answer for one pair. There is one row per evaluator and unordered pair: when the row exists in
 * the other orientation, the reciprocal is stored on it. `version: null` creates; if a row already exists (another
 * tab answered first) that is a StaleWriteError carrying it, expressed in the orientation that was asked.
 */
export async function saveJudgment(actor: Actor, input: SaveJudgmentInput): Promise<JudgmentDto> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "ahp.write", tx);
    const found = await tx.criterion.findMany({
      where: { decisionId: decision.id, id: { in: [input.criterionAId, input.criterionBId] } },
      select: { id: true, parentId: true },
    });
    if (found.length !== 2) throw notFound("criterion");
    // In a criteria tree each group is its own pairwise set: only siblings are compared.
    if (found[0].parentId !== found[1].parentId) throw fieldErrors({ criterionBId: "notSiblings" });

    const findOwn = () =>
      tx.pairwiseJudgment.findFirst({
        where: {
          decisionId: decision.id,
          evaluatorId: actor.userId,
          OR: [
            { criterionAId: input.criterionAId, criterionBId: input.criterionBId },
            { criterionAId: input.criterionBId, criterionBId: input.criterionAId },
          ],
        },
      });
    // Answers are reported in the orientation the caller asked about, whichever way the row is stored.
    const asAsked = (row: NonNullable<Awaited<ReturnType<typeof findOwn>>>): JudgmentDto =>
      row.criterionAId === input.criterionAId
        ? toDto(row)
        : { ...toDto(row), criterionAId: row.criterionBId, criterionBId: row.criterionAId, value: 1 / row.value };

    const existing = await findOwn();
    let saved;
    if (input.version === null) {
      if (existing) throw stale("judgment", asAsked(existing));
      saved = await tx.pairwiseJudgment.create({
        data: {
          decisionId: decision.id,
          evaluatorId: actor.userId,
          criterionAId: input.criterionAId,
          criterionBId: input.criterionBId,
          value: input.value,
        },
      });
    } else {
      if (!existing) throw stale("judgment", null);
      const stored = existing.criterionAId === input.criterionAId ? input.value : 1 / input.value;
      await updateIfVersion(
        tx.pairwiseJudgment,
        { id: existing.id, version: input.version },
        { value: stored },
        "judgment",
        async () => {
          const row = await findOwn();
          return row ? asAsked(row) : null;
        },
      );
      saved = await tx.pairwiseJudgment.findUniqueOrThrow({ where: { id: existing.id } });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: existing ? "judgment.updated" : "judgment.created",
      entityType: "PairwiseJudgment",
      entityId: saved.id,
      before: existing ? { value: existing.value } : undefined,
      after: {
        decisionId: decision.id,
        criterionAId: saved.criterionAId,
        criterionBId: saved.criterionBId,
        value: saved.value,
      },
    });
    return asAsked(saved);
  });
}

/**
 * Writes the group's AHP weights (geometric mean of every evaluator's judgments, principal eigenvector) into the
 * criteria as raw weights out of 100. Computed here from the stored judgments, never taken from the browser. Every
 * criterion must still be at the version the person saw, so a concurrent weight edit is a conflict, not overwritten.
 */
export async function applyAhpWeights(
  actor: Actor,
  input: ApplyAhpWeightsInput,
): Promise<{ criterionId: string; weight: number }[]> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "ahp.write", tx);
    const all = await tx.criterion.findMany({ where: { decisionId: decision.id }, orderBy: { position: "asc" } });
    const seen = new Map(input.criteria.map((c) => [c.id, c.version]));
    // The weights of one sibling set (the top level, or one group's sub-criteria: each is its own pairwise set).
    const parentId = all.find((c) => seen.has(c.id))?.parentId ?? null;
    const criteria = all.filter((c) => c.parentId === parentId);
    const currentRows = () => criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, version: c.version }));
    // A criterion added, removed or moved since the page was loaded changes the question itself.
    if (seen.size !== criteria.length || criteria.some((c) => !seen.has(c.id))) throw stale("criteria", currentRows());

    const ids = criteria.map((c) => c.id);
    const judgments = await tx.pairwiseJudgment.findMany({
      where: { decisionId: decision.id, criterionAId: { in: ids }, criterionBId: { in: ids } },
    });
    const group = groupMatrix(
      ids,
      judgments.map((j) => ({
        evaluatorId: j.evaluatorId,
        criterionA: j.criterionAId,
        criterionB: j.criterionBId,
        value: j.value,
      })),
    );
    if (ids.length < 2 || group.missingPairs.length > 0) throw stale("judgments", null);
    const w = ahpWeights(group.matrix);
    const applied = ids.map((criterionId, i) => ({ criterionId, weight: ahpWeightToRaw(w.weights[i]) }));

    for (const [i, c] of criteria.entries()) {
      await updateIfVersion(
        tx.criterion,
        { id: c.id, version: seen.get(c.id)! },
        { weight: applied[i].weight },
        "criteria",
        async () => {
          const rows = await tx.criterion.findMany({
            where: { decisionId: decision.id },
            orderBy: { position: "asc" },
          });
          return rows.map((r) => ({ id: r.id, name: r.name, weight: r.weight, version: r.version }));
        },
      );
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criteria.ahp_weights_applied",
      entityType: "Decision",
      entityId: decision.id,
      before: criteria.map((c) => ({ criterionId: c.id, weight: c.weight })),
      after: { weights: applied, cr: w.cr, lambdaMax: w.lambdaMax, evaluators: group.evaluatorCount },
    });
    return applied;
  });
}
