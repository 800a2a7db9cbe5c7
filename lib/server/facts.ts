import "server-only";
import { fixAutoReferences } from "./auto-references";
import { invalidField, notFound, stale } from "@/lib/errors/domain-error";
// Measured facts: the one shared value of a METRIC cell (value, unit, source, measured-on day, who entered it). Any
// architect enters or corrects it once for everybody; it is versioned like every edited row, so a correction made
// from a stale view is refused with the stored fact, exactly like a score or a criterion field.
import type { TransactionClient } from "@/lib/db/write-queue";
import { toFactDto, type FactDto } from "@/lib/decisions/fact-dto";
import { effectiveUnit, factProblem, type ClearFactInput, type SetFactInput } from "@/lib/validation/fact";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { updateIfVersion } from "./concurrency";
import { db, writeTransaction } from "./db";
import { SINGLE_ROW_EDIT } from "@/lib/db/write-queue";
import { loadEditableDecision } from "./decision-access";
import { loadDecisionFacts } from "./fact-rows";

/** The facts of one decision the actor may read (every member reads them: facts are never blind). */
export async function listFacts(actor: Actor, decisionId: string): Promise<FactDto[]> {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id: decisionId, workspaceId: actor.workspaceId },
    select: { id: true },
  });
  if (!d) throw notFound("decision");
  return loadDecisionFacts(db, d.id);
}

const withEnteredBy = { enteredBy: { select: { name: true } } } as const;

/** The cell's criterion and candidate, both of this decision (ids from the client are never trusted). */
async function loadCell(tx: TransactionClient, decisionId: string, criterionId: string, candidateId: string) {
  const criterion = await tx.criterion.findFirst({
    where: { id: criterionId, decisionId },
    select: { id: true, kind: true, unit: true },
  });
  if (!criterion) throw notFound("criterion");
  const candidate = await tx.candidate.findFirst({ where: { id: candidateId, decisionId }, select: { id: true } });
  if (!candidate) throw notFound("candidate");
  return { criterion, candidate };
}

const storedFact = (tx: TransactionClient, criterionId: string, candidateId: string) =>
  tx.fact.findUnique({ where: { criterionId_candidateId: { criterionId, candidateId } }, include: withEnteredBy });

const dayOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const auditView = (f: FactDto) => ({
  value: f.value,
  unit: f.unit,
  sourceUrl: f.sourceUrl,
  note: f.note,
  measuredOn: f.measuredOn,
});

/**
 * Enters (version null) or corrects (version = the one read) the fact of one METRIC cell. Creating where a fact
 * already exists — a colleague got there first — is a stale error carrying their fact, as is a correction based
 * on an out-of-date version. The person who saves becomes the one who entered it.
 */
export async function setFact(actor: Actor, input: SetFactInput): Promise<FactDto> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "fact.write", tx);
    const { criterion } = await loadCell(tx, decision.id, input.criterionId, input.candidateId);
    // Callers other than the action (import, tests) may hand over a blank unit: blank means "the criterion's".
    const unit = input.unit?.trim() || null;
    const problem = factProblem(criterion, { unit });
    if (problem) throw invalidField(problem.field, problem.code);

    // A range the earlier facts already make is fixed before this value joins it (lib/server/auto-references.ts).
    await fixAutoReferences(tx, actor, [criterion.id]);
    const existing = await storedFact(tx, criterion.id, input.candidateId);
    const data = {
      value: input.value,
      unit: effectiveUnit(criterion, unit),
      sourceUrl: input.sourceUrl,
      note: input.note,
      measuredOn: dayOf(input.measuredOn),
      enteredById: actor.userId,
    };
    let saved;
    if (input.version === null) {
      if (existing) throw stale("fact", toFactDto(existing));
      saved = await tx.fact.create({
        data: { criterionId: criterion.id, candidateId: input.candidateId, ...data },
        include: withEnteredBy,
      });
    } else {
      if (!existing) throw stale("fact", null);
      const load = async () => {
        const row = await storedFact(tx, criterion.id, input.candidateId);
        return row ? toFactDto(row) : null;
      };
      await updateIfVersion(tx.fact, { id: existing.id, version: input.version }, data, "fact", load);
      saved = await tx.fact.findUniqueOrThrow({ where: { id: existing.id }, include: withEnteredBy });
    }
    const dto = toFactDto(saved);
    await fixAutoReferences(tx, actor, [criterion.id]);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: existing ? "fact.updated" : "fact.created",
      entityType: "Fact",
      entityId: saved.id,
      before: existing ? auditView(toFactDto(existing)) : undefined,
      after: {
        decisionId: decision.id,
        criterionId: saved.criterionId,
        candidateId: saved.candidateId,
        ...auditView(dto),
      },
    });
    return dto;
  }, SINGLE_ROW_EDIT);
}

/**
 * Removes the fact of one cell (the cell becomes missing, never zero), if it is still the version the actor saw. A
 * fact already gone is the state they wanted, so that is not a conflict; a newer one is.
 */
export async function clearFact(actor: Actor, input: ClearFactInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "fact.write", tx);
    await loadCell(tx, decision.id, input.criterionId, input.candidateId);
    const existing = await storedFact(tx, input.criterionId, input.candidateId);
    if (!existing) return;
    const { count } = await tx.fact.deleteMany({ where: { id: existing.id, version: input.version } });
    if (count === 0) throw stale("fact", toFactDto(existing));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "fact.cleared",
      entityType: "Fact",
      entityId: existing.id,
      before: {
        decisionId: decision.id,
        criterionId: existing.criterionId,
        candidateId: existing.candidateId,
        ...auditView(toFactDto(existing)),
      },
    });
  }, SINGLE_ROW_EDIT);
}
