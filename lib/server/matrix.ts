import "server-only";
import { fixAutoReferences } from "./auto-references";
// The matrix view's block paste: creates the criteria and candidates the block names that the decision lacks, sets
// weights, the actor's own ratings and the measured facts — in one write transaction, all or nothing. Every value is
// checked against the stored criterion first (scale, kind, unit): problems come back together, placed at their cell,
// and nothing is written. Every row it would overwrite must still be the version the person saw, or the whole paste
// is a conflict listing those cells.
import { rejected, stale } from "@/lib/errors/domain-error";
import { nameKey, newCriterionKind } from "@/lib/matrix/paste-block";
import { todayIso } from "@/lib/validation/fact";
import type { PasteMatrixInput, PasteProblem } from "@/lib/validation/matrix";
import { ratingBounds } from "@/lib/validation/score";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { isPairwise } from "@/lib/scoring";

export interface PasteOutcome {
  createdCriteria: number;
  createdCandidates: number;
  weights: number;
  scores: number;
  facts: number;
  /** What the matrix's undo needs to take the paste back as one step (and redo to put it back). */
  undo: PasteUndo;
}

/** A value the paste changed in a row that existed before it: the weight of a criterion, or a cell. */
export type PasteChange =
  | { what: "weight"; criterionId: string; before: number; after: number; version: number }
  | {
      what: "score" | "fact";
      criterionId: string;
      candidateId: string;
      before: number | null;
      after: number;
      version: number;
    };

export interface PasteUndo {
  /** Rows the paste created, with their version; their own cells go and come back with them. */
  created: { kind: "criterion" | "candidate"; id: string; version: number }[];
  /** Values changed in rows that existed, with the version each row has after the paste. */
  changes: PasteChange[];
}

/** A cell or weight someone changed after the person loaded the matrix. */
export interface PasteStaleCell {
  criterion: string;
  candidate: string | null;
  what: "weight" | "score" | "fact";
}

const cellKey = (criterionId: string, candidateId: string) => `${criterionId}:${candidateId}`;

export async function pasteMatrix(actor: Actor, input: PasteMatrixInput): Promise<PasteOutcome> {
  authorize(actor, "decision.write");
  authorize(actor, "score.write");
  authorize(actor, "fact.write");
  return writeTransaction(async (tx) => {
    const decision = await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const criteria = await tx.criterion.findMany({
      where: { decisionId: decision.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const candidates = await tx.candidate.findMany({
      where: { decisionId: decision.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    const criterionIds = criteria.map((c) => c.id);
    const groupIds = new Set(criteria.flatMap((c) => (c.parentId ? [c.parentId] : [])));
    const myScores = await tx.score.findMany({
      where: { evaluatorId: actor.userId, criterionId: { in: criterionIds } },
    });
    const facts = await tx.fact.findMany({ where: { criterionId: { in: criterionIds } } });
    const scoreAt = new Map(myScores.map((s) => [cellKey(s.criterionId, s.candidateId), s]));
    const factAt = new Map(facts.map((f) => [cellKey(f.criterionId, f.candidateId), f]));
    const criterionByName = new Map<string, (typeof criteria)[number]>();
    for (const c of criteria) if (!criterionByName.has(nameKey(c.name))) criterionByName.set(nameKey(c.name), c);
    const candidateByName = new Map<string, (typeof candidates)[number]>();
    for (const c of candidates) if (!candidateByName.has(nameKey(c.name))) candidateByName.set(nameKey(c.name), c);

    const problems: PasteProblem[] = [];
    const seen = new Set<string>();
    input.candidates.forEach((n, j) => {
      if (seen.has(nameKey(n))) problems.push({ criterion: null, candidate: j, field: "name", key: "duplicateName" });
      seen.add(nameKey(n));
    });
    seen.clear();
    const plans = input.criteria.map((row, i) => {
      if (seen.has(nameKey(row.name)))
        problems.push({ criterion: i, candidate: null, field: "name", key: "duplicateName" });
      seen.add(nameKey(row.name));
      const stored = criterionByName.get(nameKey(row.name)) ?? null;
      let kind: "RATING" | "METRIC" | "SKILL_MATCH";
      let unit: string | null;
      let bounds = { min: 0, max: 10 };
      if (stored) {
        kind = stored.kind;
        unit = stored.unit?.trim() || null;
        bounds = ratingBounds(stored);
      } else {
        const inferred = newCriterionKind(row);
        if (inferred === "unitMixed") {
          problems.push({ criterion: i, candidate: null, field: "name", key: "unitMixed" });
          kind = "METRIC";
          unit = null;
        } else ({ kind, unit } = inferred);
      }
      row.values.forEach((v, j) => {
        if (!v) return;
        const at = { criterion: i, candidate: j, field: "value" as const };
        if (kind === "SKILL_MATCH") problems.push({ ...at, key: "notScorable" });
        // Its candidates are compared in pairs: a pasted score would be stored and never counted.
        else if (stored && isPairwise(stored)) problems.push({ ...at, key: "pairwiseNotScored" });
        // A group is scored and measured through its sub-criteria.
        else if (stored && groupIds.has(stored.id)) problems.push({ ...at, key: "groupNotScored" });
        else if (kind === "RATING") {
          if (v.unit !== null) problems.push({ ...at, key: "unitOnRating", params: { unit: v.unit } });
          else if (v.value < bounds.min || v.value > bounds.max)
            problems.push({ ...at, key: "valueOutOfScale", params: bounds });
        } else if (stored && unit !== null && v.unit !== null && v.unit !== unit)
          problems.push({ ...at, key: "unitMismatch", params: { unit } });
      });
      return { row, stored, kind, unit };
    });
    if (problems.length > 0) throw rejected("pasteInvalid", problems);

    // Versions: every stored row the paste would change must be the one the person saw.
    const staleCells: PasteStaleCell[] = [];
    const changed = (seenVersion: number | undefined, current: { version: number } | undefined) =>
      current ? seenVersion !== current.version : seenVersion !== undefined;
    for (const p of plans) {
      if (!p.stored) continue;
      const c = p.stored;
      if (p.row.weight !== null && p.row.weight !== c.weight && changed(input.basis.criteria[c.id], c))
        staleCells.push({ criterion: c.name, candidate: null, what: "weight" });
      p.row.values.forEach((v, j) => {
        const k = candidateByName.get(nameKey(input.candidates[j]));
        if (!v || !k) return;
        const key = cellKey(c.id, k.id);
        if (p.kind === "METRIC" && changed(input.basis.facts[key], factAt.get(key)))
          staleCells.push({ criterion: c.name, candidate: k.name, what: "fact" });
        if (p.kind === "RATING" && changed(input.basis.scores[key], scoreAt.get(key)))
          staleCells.push({ criterion: c.name, candidate: k.name, what: "score" });
      });
    }
    if (staleCells.length > 0) throw stale("matrix", { cells: staleCells });

    const outcome: PasteOutcome = {
      createdCriteria: 0,
      createdCandidates: 0,
      weights: 0,
      scores: 0,
      facts: 0,
      undo: { created: [], changes: [] },
    };
    const { created, changes } = outcome.undo;
    let position = (criteria.at(-1)?.position ?? -1) + 1;
    const rowIds: string[] = [];
    for (const p of plans) {
      if (p.stored) {
        if (p.row.weight !== null && p.row.weight !== p.stored.weight) {
          const updated = await tx.criterion.update({
            where: { id: p.stored.id },
            data: { weight: p.row.weight, version: { increment: 1 } },
          });
          outcome.weights++;
          changes.push({
            what: "weight",
            criterionId: p.stored.id,
            before: p.stored.weight,
            after: p.row.weight,
            version: updated.version,
          });
        }
        rowIds.push(p.stored.id);
        continue;
      }
      const row = await tx.criterion.create({
        data: {
          decisionId: decision.id,
          name: p.row.name,
          weight: p.row.weight ?? 10,
          kind: p.kind,
          unit: p.unit,
          scaleMin: p.kind === "METRIC" ? null : 0,
          scaleMax: p.kind === "METRIC" ? null : 10,
          autoReferences: p.kind === "METRIC",
          position: position++,
        },
      });
      outcome.createdCriteria++;
      created.push({ kind: "criterion", id: row.id, version: row.version });
      rowIds.push(row.id);
    }
    position = (candidates.at(-1)?.position ?? -1) + 1;
    const columnIds: string[] = [];
    for (const n of input.candidates) {
      const stored = candidateByName.get(nameKey(n));
      if (stored) columnIds.push(stored.id);
      else {
        const row = await tx.candidate.create({ data: { decisionId: decision.id, name: n, position: position++ } });
        columnIds.push(row.id);
        created.push({ kind: "candidate", id: row.id, version: row.version });
        outcome.createdCandidates++;
      }
    }
    const today = new Date(`${todayIso()}T00:00:00.000Z`);
    await fixAutoReferences(tx, actor, rowIds);
    for (const [i, p] of plans.entries()) {
      for (const [j, v] of p.row.values.entries()) {
        if (!v) continue;
        const criterionId = rowIds[i];
        const candidateId = columnIds[j];
        const key = cellKey(criterionId, candidateId);
        // A cell of a row the paste created goes and comes back with that row; only cells of existing rows are
        // listed for undo.
        const existed = p.stored !== null && candidateByName.has(nameKey(input.candidates[j]));
        const change = (what: "score" | "fact", before: number | null, version: number) => {
          if (existed) changes.push({ what, criterionId, candidateId, before, after: v.value, version });
        };
        if (p.kind === "METRIC") {
          const existing = factAt.get(key);
          if (existing && existing.value === v.value) continue;
          const saved = existing
            ? await tx.fact.update({
                where: { id: existing.id },
                data: { value: v.value, enteredById: actor.userId, measuredOn: today, version: { increment: 1 } },
              })
            : await tx.fact.create({
                data: {
                  criterionId,
                  candidateId,
                  value: v.value,
                  unit: p.unit ?? v.unit,
                  measuredOn: today,
                  enteredById: actor.userId,
                },
              });
          change("fact", existing?.value ?? null, saved.version);
          outcome.facts++;
          continue;
        }
        const existing = scoreAt.get(key);
        if (existing && existing.value === v.value) continue;
        const saved = existing
          ? await tx.score.update({ where: { id: existing.id }, data: { value: v.value, version: { increment: 1 } } })
          : await tx.score.create({
              data: {
                criterionId,
                candidateId,
                evaluatorId: actor.userId,
                value: v.value,
                rationale: "",
                evidenceUrl: "",
              },
            });
        change("score", existing?.value ?? null, saved.version);
        outcome.scores++;
      }
    }
    await fixAutoReferences(tx, actor, rowIds);
    await tx.decision.update({ where: { id: decision.id }, data: { version: { increment: 1 } } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.imported",
      entityType: "Decision",
      entityId: decision.id,
      after: {
        decisionId: decision.id,
        source: "paste",
        criteria: input.criteria.length,
        candidates: input.candidates.length,
        createdCriteria: outcome.createdCriteria,
        createdCandidates: outcome.createdCandidates,
        weights: outcome.weights,
        scores: outcome.scores,
        facts: outcome.facts,
      },
    });
    return outcome;
  });
}
