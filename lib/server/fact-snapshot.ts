import "server-only";
// Imports a metric snapshot (lib/validation/fact-snapshot.ts) into one decision: every row is resolved and checked
// first, and only when all rows are good are the facts written, in one transaction — all or nothing. A row sets the
// cell's fact whether or not one exists (a snapshot is the newest measurement); every change is audited.
import { rejected, type DomainError } from "@/lib/errors/domain-error";
import { toFactDto, type FactDto } from "@/lib/decisions/fact-dto";
import { effectiveUnit, factProblem } from "@/lib/validation/fact";
import type { Snapshot, SnapshotIssue } from "@/lib/validation/fact-snapshot";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";

export interface SnapshotResult {
  created: number;
  updated: number;
  facts: FactDto[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

/** Finds a part by exact id, else by name (case-insensitive, in JS so it is the same on every database). */
function resolver<T extends { id: string; name: string }>(rows: T[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, T[]>();
  for (const r of rows) byName.set(norm(r.name), [...(byName.get(norm(r.name)) ?? []), r]);
  return (ref: string): T | "ambiguous" | null => {
    const hit = byId.get(ref);
    if (hit) return hit;
    const named = byName.get(norm(ref)) ?? [];
    return named.length === 1 ? named[0]! : named.length > 1 ? "ambiguous" : null;
  };
}

/** The refusal of a snapshot: every issue, and the same as field messages ("rows.3.candidate"). */
export function snapshotRejected(issues: SnapshotIssue[]): DomainError {
  const e = rejected("importRejected", issues);
  Object.assign(e, {
    fieldErrors: Object.fromEntries(
      issues.map((i) => [i.row >= 0 ? `rows.${i.row}.${i.field}` : i.field, i.code] as const),
    ),
  });
  return e;
}

export async function importFactSnapshot(
  actor: Actor,
  decisionId: string,
  snapshot: Snapshot,
): Promise<SnapshotResult> {
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, decisionId, "fact.write", tx);
    const [criteria, candidates] = await Promise.all([
      tx.criterion.findMany({
        where: { decisionId: decision.id },
        select: { id: true, name: true, kind: true, unit: true },
      }),
      tx.candidate.findMany({ where: { decisionId: decision.id }, select: { id: true, name: true } }),
    ]);
    const criterionOf = resolver(criteria);
    const candidateOf = resolver(candidates);
    const issues: SnapshotIssue[] = [];
    const seen = new Map<string, number>();
    const plan: { criterionId: string; candidateId: string; row: Snapshot["rows"][number]; unit: string | null }[] = [];
    snapshot.rows.forEach((row, i) => {
      const criterion = criterionOf(row.criterion);
      const candidate = candidateOf(row.candidate);
      if (candidate === null) issues.push({ row: i, field: "candidate", code: "candidateUnknown" });
      if (candidate === "ambiguous") issues.push({ row: i, field: "candidate", code: "nameAmbiguous" });
      if (criterion === null) issues.push({ row: i, field: "criterion", code: "criterionUnknown" });
      if (criterion === "ambiguous") issues.push({ row: i, field: "criterion", code: "nameAmbiguous" });
      if (!criterion || criterion === "ambiguous" || !candidate || candidate === "ambiguous") return;
      const problem = factProblem(criterion, { unit: row.unit });
      if (problem) {
        issues.push({ row: i, field: problem.field === "unit" ? "unit" : "criterion", code: problem.code });
        return;
      }
      const cell = `${criterion.id}|${candidate.id}`;
      if (seen.has(cell)) {
        issues.push({ row: i, field: "candidate", code: "duplicateCell" });
        return;
      }
      seen.set(cell, i);
      plan.push({
        criterionId: criterion.id,
        candidateId: candidate.id,
        row,
        unit: effectiveUnit(criterion, row.unit),
      });
    });
    if (issues.length > 0) throw snapshotRejected(issues);

    let created = 0;
    let updated = 0;
    const facts: FactDto[] = [];
    for (const p of plan) {
      const where = { criterionId_candidateId: { criterionId: p.criterionId, candidateId: p.candidateId } };
      const existing = await tx.fact.findUnique({ where });
      const data = {
        value: p.row.value,
        unit: p.unit,
        sourceUrl: p.row.source,
        note: p.row.note,
        measuredOn: new Date(`${p.row.measuredAt}T00:00:00.000Z`),
        enteredById: actor.userId,
      };
      const saved = existing
        ? await tx.fact.update({
            where: { id: existing.id },
            data: { ...data, version: { increment: 1 } },
            include: { enteredBy: { select: { name: true } } },
          })
        : await tx.fact.create({
            data: { criterionId: p.criterionId, candidateId: p.candidateId, ...data },
            include: { enteredBy: { select: { name: true } } },
          });
      if (existing) updated += 1;
      else created += 1;
      const dto = toFactDto(saved);
      facts.push(dto);
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: existing ? "fact.updated" : "fact.created",
        entityType: "Fact",
        entityId: saved.id,
        before: existing
          ? { value: existing.value, unit: existing.unit, measuredOn: toFactDto(existing).measuredOn }
          : undefined,
        after: {
          decisionId: decision.id,
          criterionId: dto.criterionId,
          candidateId: dto.candidateId,
          value: dto.value,
          unit: dto.unit,
          sourceUrl: dto.sourceUrl,
          note: dto.note,
          measuredOn: dto.measuredOn,
          via: "snapshot",
        },
      });
    }
    return { created, updated, facts };
  });
}
