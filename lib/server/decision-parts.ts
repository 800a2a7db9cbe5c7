import "server-only";
import type { z } from "zod";
import { DomainError, fieldErrors, invalidField, notFound, stale } from "@/lib/errors/domain-error";
// The machinery criteria and candidates share: versioned one-field edits, reorder with a seen order, and
// remove/undo through a server-side snapshot in the audit trail. ./criteria.ts and ./candidates.ts only add what
// differs (defaults of a new row, cross-field checks, which child rows a removal takes along).
import { Prisma } from "@/generated/prisma/client";
import type { TransactionClient } from "@/lib/db/write-queue";
import { candidateDto, criterionDto, type CandidateDto, type CriterionDto } from "@/lib/decisions/dto";
import type { ReorderInput } from "@/lib/validation/criterion";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { updateIfVersion } from "./concurrency";
import { writeTransaction } from "./db";
import { SINGLE_ROW_EDIT } from "@/lib/db/write-queue";
import { loadEditableDecision } from "./decision-access";

/** What a conflict answer carries: the field, the value now stored, who changed it last (from the audit trail). */
export interface FieldConflict<Row> {
  field: string;
  theirs: unknown;
  changedBy: string | null;
  row: Row | null;
}

/**
 * Name of whoever last wrote `field` of the entity (or the entity at all when no field is given), for "changed by
 * NAME", from the audit trail. Null when unknown (e.g. seeded rows). Looks at recent events only: JSON filters are
 * not portable across Prisma's SQLite and PostgreSQL, and the conflicting write is by definition a recent one.
 */
export async function lastEditorName(
  client: TransactionClient,
  entityType: string,
  entityId: string,
  field?: string,
): Promise<string | null> {
  const events = await client.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { after: true, actor: { select: { name: true } } },
  });
  const hit = field
    ? events.find((e) => e.after !== null && typeof e.after === "object" && field in (e.after as object))
    : events[0];
  return hit?.actor?.name ?? null;
}

/**
 * One field of one row, with optimistic concurrency that merges instead of conflicting when it safely can: the
 * client names the version it read and the field's value it read (`base`). When the row moved on but this field
 * still holds `base`, somebody edited another field of the same row: the edit applies. When the field itself
 * changed, nothing is written and the stale error carries their value. Runs inside the caller's write transaction,
 * which is serialised, so the check and the write cannot interleave with another writer.
 */
export async function patchVersionedField<Row extends { id: string; version: number }>(opts: {
  tx: TransactionClient;
  delegate: Parameters<typeof updateIfVersion>[0];
  row: Row & Record<string, unknown>;
  entity: string;
  version: number;
  field: string;
  base: unknown;
  value: unknown;
  toDto: (row: Row) => unknown;
  reload: () => Promise<Row | null>;
}): Promise<number> {
  const { row } = opts;
  if (row.version !== opts.version && !sameValue(row[opts.field], opts.base)) {
    const conflict: FieldConflict<unknown> = {
      field: opts.field,
      theirs: row[opts.field],
      changedBy: await lastEditorName(opts.tx, opts.entity, row.id, opts.field),
      row: opts.toDto(row),
    };
    throw stale(opts.entity, conflict);
  }
  await updateIfVersion(
    opts.delegate,
    { id: row.id, version: row.version },
    { [opts.field]: opts.value },
    opts.entity,
    async () => {
      const now = await opts.reload();
      return {
        field: opts.field,
        theirs: now?.[opts.field as keyof Row] ?? null,
        changedBy: null,
        row: now ? opts.toDto(now) : null,
      };
    },
  );
  return row.version + 1;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of a decision (criteria, candidates)
// ---------------------------------------------------------------------------------------------------------------

export type PartKind = "criterion" | "candidate";
type PartRow = { criterion: Prisma.CriterionModel; candidate: Prisma.CandidateModel };
type PartDto = { criterion: CriterionDto; candidate: CandidateDto };

/** The few delegate methods the shared code calls; both models' delegates have them with these argument shapes. */
interface PartDelegate {
  findFirst(args: object): Promise<unknown>;
  findUnique(args: { where: { id: string } }): Promise<unknown>;
  findMany(args: object): Promise<unknown[]>;
  create(args: { data: Record<string, unknown> }): Promise<unknown>;
  update(args: object): Promise<unknown>;
  updateMany(args: { where: object; data: Record<string, unknown> }): Promise<{ count: number }>;
  delete(args: { where: { id: string } }): Promise<unknown>;
}

const PARTS = {
  criterion: { entity: "Criterion", columns: Prisma.CriterionScalarFieldEnum, toDto: criterionDto },
  candidate: { entity: "Candidate", columns: Prisma.CandidateScalarFieldEnum, toDto: candidateDto },
} as const;

const delegateOf = (tx: TransactionClient, kind: PartKind) =>
  (kind === "criterion" ? tx.criterion : tx.candidate) as unknown as PartDelegate;
const toDto = <K extends PartKind>(kind: K, row: PartRow[K]) =>
  (PARTS[kind].toDto as unknown as (r: PartRow[K]) => PartDto[K])(row);

/** The audit event of a write to one part, e.g. "criterion.updated" on entity Criterion. */
function auditPart(
  tx: TransactionClient,
  actor: Actor,
  kind: PartKind,
  verb: string,
  row: { id: string; decisionId: string },
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action: `${kind}.${verb}`,
    entityType: PARTS[kind].entity,
    entityId: row.id,
    decisionId: row.decisionId,
    ...change,
  });
}

/** A part of the actor's workspace whose decision may be edited; foreign or missing ids are NotFound. */
export async function editablePart<K extends PartKind>(
  tx: TransactionClient,
  actor: Actor,
  kind: K,
  id: string,
): Promise<PartRow[K]> {
  // Authorisation first, so a viewer learns "forbidden", never whether an id exists.
  authorize(actor, "decision.write");
  const row = (await delegateOf(tx, kind).findFirst({
    where: { id, decision: { workspaceId: actor.workspaceId } },
  })) as PartRow[K] | null;
  if (!row) throw notFound(kind);
  await loadEditableDecision(actor, row.decisionId, "decision.write", tx);
  return row;
}

/** Appends a part at the end of its decision's list. */
export async function addPart<K extends PartKind>(
  actor: Actor,
  kind: K,
  decisionId: string,
  data: Record<string, unknown>,
): Promise<PartDto[K]> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, decisionId, "decision.write", tx);
    const delegate = delegateOf(tx, kind);
    const last = (await delegate.findFirst({
      where: { decisionId },
      orderBy: { position: "desc" },
      select: { position: true },
    })) as { position: number } | null;
    const row = (await delegate.create({
      data: { ...data, decisionId, position: (last?.position ?? -1) + 1 },
    })) as PartRow[K];
    const dto = toDto(kind, row);
    await auditPart(tx, actor, kind, "created", row, { after: dto });
    return dto;
  });
}

/**
 * One already-parsed field of a part; `check` sees the row as it would be after the edit and may refuse it with an
 * error key (rules that span fields). Concurrency: patchVersionedField.
 */
export async function updatePartField<K extends PartKind, V>(
  actor: Actor,
  kind: K,
  input: { id: string; version: number; field: string; base: unknown },
  value: V,
  check?: (merged: PartRow[K]) => string | null,
): Promise<{ version: number; value: V }> {
  return writeTransaction(async (tx) => {
    const row = await editablePart(tx, actor, kind, input.id);
    const problem = check?.({ ...row, [input.field]: value });
    if (problem) throw invalidField(input.field, problem);
    const delegate = delegateOf(tx, kind);
    const version = await patchVersionedField<PartRow[K]>({
      tx,
      delegate,
      row: row as PartRow[K] & Record<string, unknown>,
      entity: PARTS[kind].entity,
      version: input.version,
      field: input.field,
      base: input.base,
      value,
      toDto: (r) => toDto(kind, r),
      reload: async () => (await delegate.findUnique({ where: { id: row.id } })) as PartRow[K] | null,
    });
    await auditPart(tx, actor, kind, "updated", row, {
      before: { [input.field]: (row as Record<string, unknown>)[input.field] },
      after: { [input.field]: value },
    });
    return { version, value };
  }, SINGLE_ROW_EDIT);
}

/**
 * The API's typed values of several fields through each field's own parser (the exchange format's, i.e. the
 * editors' rules). Every bad or unknown field is named at once, and nothing is returned to write.
 */
export function parsePartFields<F extends string>(
  parsers: Partial<Record<F, z.ZodType>>,
  raw: Partial<Record<F, unknown>>,
): Partial<Record<F, unknown>> {
  const errors: Record<string, string> = {};
  const values: Partial<Record<F, unknown>> = {};
  for (const [field, value] of Object.entries(raw) as [F, unknown][]) {
    if (value === undefined) continue;
    const parser = parsers[field];
    const r = parser?.safeParse(value);
    if (r?.success) values[field] = r.data;
    else errors[field] = r?.error.issues[0]?.message ?? "invalid";
  }
  if (Object.keys(errors).length > 0) throw new DomainError("invalidInput", { fieldErrors: errors });
  return values;
}

/**
 * Several already-parsed fields of one part at once, all or none: the row must still be `version` (no per-field
 * merge: a client sending a whole patch states the row it read), `check` sees the row as it would be after the edit
 * and returns field messages for whatever it refuses, and only then is the row written — one version bump, one
 * audit event. Returns the row as stored.
 */
export async function updatePartFields<K extends PartKind>(
  actor: Actor,
  kind: K,
  input: { id: string; version: number },
  values: Record<string, unknown>,
  check?: (merged: PartRow[K]) => Record<string, string> | null,
  /** Rules that read other rows (a criterion's place in the tree), run in the same transaction. */
  checkInTx?: (tx: TransactionClient, row: PartRow[K]) => Promise<Record<string, string>>,
): Promise<PartDto[K]> {
  return writeTransaction(async (tx) => {
    const row = await editablePart(tx, actor, kind, input.id);
    if (row.version !== input.version) throw stale(PARTS[kind].entity, toDto(kind, row));
    const problems = { ...check?.({ ...row, ...values }), ...(checkInTx ? await checkInTx(tx, row) : {}) };
    if (problems && Object.keys(problems).length > 0) throw new DomainError("invalidInput", { fieldErrors: problems });
    const delegate = delegateOf(tx, kind);
    const reload = async () => (await delegate.findUnique({ where: { id: row.id } })) as PartRow[K] | null;
    if (Object.keys(values).length > 0) {
      await updateIfVersion(delegate, { id: row.id, version: row.version }, values, PARTS[kind].entity, async () => {
        const now = await reload();
        return now ? toDto(kind, now) : null;
      });
      const before = Object.fromEntries(Object.keys(values).map((f) => [f, (row as Record<string, unknown>)[f]]));
      await auditPart(tx, actor, kind, "updated", row, { before, after: values });
    }
    const after = await reload();
    if (!after) throw notFound(kind);
    return toDto(kind, after);
  }, SINGLE_ROW_EDIT);
}

/**
 * Reorders a decision's criteria or candidates. `expected` is the order the client saw: if rows were added, removed
 * or moved by someone else in the meantime, nothing is written and the caller gets the current order, so two
 * reorders never silently undo each other. Positions are not part of a row's version: moving a row does not make a
 * colleague's rename of that row conflict.
 */
export async function reorderParts(
  tx: TransactionClient,
  kind: PartKind,
  decisionId: string,
  ids: string[],
  expected: string[],
): Promise<void> {
  const delegate = delegateOf(tx, kind);
  const rows = (await delegate.findMany({
    where: { decisionId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  })) as { id: string }[];
  const current = rows.map((r) => r.id);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(current, expected))
    throw stale(PARTS[kind].entity, { field: "order", theirs: current, changedBy: null, row: null });
  if (!same([...ids].sort(), [...current].sort())) throw fieldErrors({ order: "orderInvalid" });
  for (const [position, id] of ids.entries()) await delegate.update({ where: { id }, data: { position } });
}

/** reorderParts as a whole write: the decision's guard, the move and its audit event. */
export async function reorderDecisionParts(actor: Actor, kind: PartKind, input: ReorderInput): Promise<void> {
  await writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    await reorderParts(tx, kind, input.decisionId, input.ids, input.expected);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: `${kind}.reordered`,
      entityType: "Decision",
      entityId: input.decisionId,
      before: { order: input.expected },
      after: { order: input.ids },
    });
  });
}

/** The audit event holding a removed row's snapshot, for undo; scoped to the actor's workspace and this decision. */
export async function loadRemovalSnapshot<T>(
  tx: TransactionClient,
  actor: Actor,
  undoToken: string,
  action: string,
): Promise<{ entityId: string; snapshot: T }> {
  const e = await tx.auditEvent.findFirst({ where: { id: undoToken, workspaceId: actor.workspaceId, action } });
  if (!e || !e.entityId || !e.before) throw notFound("undo");
  return { entityId: e.entityId, snapshot: e.before as T };
}

/** A stored row as the snapshot's JSON holds it (Dates as ISO strings). */
export type RowSnapshot = Record<string, unknown>;

/**
 * A removed row as it was, ready for create(): every column of the model (the generated column list, so a column
 * added later is restored too) that the snapshot holds, except `updatedAt`, which the write stamps. The version is
 * bumped so a client still holding the removed row's version sees a conflict instead of writing blind.
 */
export function restoredColumns(snapshot: RowSnapshot, columns: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const column of Object.values(columns)) {
    if (column === "updatedAt" || !(column in snapshot)) continue;
    data[column] = snapshot[column];
  }
  if (typeof snapshot.version === "number") data.version = snapshot.version + 1;
  return data;
}

/** What a removal keeps besides the row: the child rows the database cascades away, as stored. */
export type PartSnapshot = { row: RowSnapshot & { id: string; decisionId: string; position: number; version: number } };

/**
 * Removes a part; `collect` reads the child rows the cascade will delete, `beforeDelete` clears pointers to it. The
 * full snapshot goes into the removal's audit event, whose id is the undo token. Restoring from the server-side
 * snapshot (rather than from data the browser sends back) keeps the scores authentic — a client cannot slip in
 * scores of other evaluators — and works after a reload or from another tab; nothing is deleted "later", so a closed
 * tab never leaves a half-removed row.
 */
export async function removePart<K extends PartKind, S extends object>(
  actor: Actor,
  kind: K,
  id: string,
  collect: (tx: TransactionClient, row: PartRow[K]) => Promise<S>,
  beforeDelete?: (tx: TransactionClient, row: PartRow[K]) => Promise<unknown>,
  expected?: RemovalExpectation,
): Promise<{ undoToken: string }> {
  return writeTransaction(async (tx) => {
    const row = await editablePart(tx, actor, kind, id);
    const children = await collect(tx, row);
    if (expected) await checkRemovalExpectation(tx, actor, kind, row, children, expected);
    await beforeDelete?.(tx, row);
    await delegateOf(tx, kind).delete({ where: { id } });
    const event = await tx.auditEvent.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: `${kind}.removed`,
        entityType: PARTS[kind].entity,
        entityId: id,
        decisionId: row.decisionId,
        before: JSON.parse(JSON.stringify({ ...children, row })),
      },
    });
    return { undoToken: event.id };
  });
}

/**
 * What a removal may require besides the right to edit. The setup editor removes what it shows (undo makes that
 * safe) and passes nothing. The API names the version it read (If-Match): another version is a conflict. The
 * matrix's undo of the person's own addition (a paste, a row typed at the edge) also goes ahead only while the row
 * holds nobody else's ratings or facts; otherwise it is a conflict naming who changed it, and nothing is removed: an
 * undo never deletes a colleague's work.
 */
export interface RemovalExpectation {
  version: number;
  ownWorkOnly?: boolean;
}

async function checkRemovalExpectation(
  tx: TransactionClient,
  actor: Actor,
  kind: PartKind,
  row: { id: string; version: number },
  children: object,
  expected: RemovalExpectation,
): Promise<void> {
  const rows = (key: string) => ((children as Record<string, unknown>)[key] as RowSnapshot[] | undefined) ?? [];
  const othersWork =
    expected.ownWorkOnly &&
    (rows("scores").some((s) => s.evaluatorId !== actor.userId) ||
      rows("candidateJudgments").some((j) => j.evaluatorId !== actor.userId) ||
      rows("facts").some((f) => f.enteredById !== actor.userId));
  if (row.version === expected.version && !othersWork) return;
  if (!expected.ownWorkOnly) throw stale(PARTS[kind].entity, toDto(kind, row as PartRow[typeof kind]));
  const conflict: FieldConflict<unknown> = {
    field: row.version !== expected.version ? "row" : "children",
    theirs: null,
    changedBy: await lastEditorName(tx, PARTS[kind].entity, row.id),
    row: toDto(kind, row as PartRow[typeof kind]),
  };
  throw stale(PARTS[kind].entity, conflict);
}

/**
 * Undo of removePart: same id, same place, then `restoreChildren` puts back the child rows whose other ends still
 * exist. Idempotent: a row that is already back is returned as it is. Returns the restored DTO and how many scores
 * the snapshot held (for the audit line).
 */
export async function restorePart<K extends PartKind, S extends PartSnapshot & { scores: unknown[] }>(
  actor: Actor,
  kind: K,
  input: { decisionId: string; undoToken: string },
  restoreChildren: (tx: TransactionClient, snapshot: S) => Promise<void>,
  /** Adjusts the row's columns before it is created again (e.g. a group that has gone since). */
  adjustRow?: (
    tx: TransactionClient,
    columns: Record<string, unknown> & { decisionId: string },
  ) => Promise<Record<string, unknown>>,
): Promise<PartDto[K]> {
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const { snapshot } = await loadRemovalSnapshot<S>(tx, actor, input.undoToken, `${kind}.removed`);
    const r = snapshot.row;
    if (r.decisionId !== input.decisionId) throw notFound("undo");
    const delegate = delegateOf(tx, kind);
    const existing = (await delegate.findUnique({ where: { id: r.id } })) as PartRow[K] | null;
    if (existing) return toDto(kind, existing);
    await delegate.updateMany({
      where: { decisionId: r.decisionId, position: { gte: r.position } },
      data: { position: { increment: 1 } },
    });
    const columns = { ...restoredColumns(r, PARTS[kind].columns), decisionId: r.decisionId };
    const data = adjustRow ? await adjustRow(tx, columns) : columns;
    const row = (await delegate.create({ data })) as PartRow[K];
    await restoreChildren(tx, snapshot);
    await auditPart(tx, actor, kind, "restored", row, { after: { name: row.name, scores: snapshot.scores.length } });
    return toDto(kind, row);
  });
}

/**
 * Puts back snapshot facts (a metric's measured values) whose other end still exists; who entered a fact is kept
 * when that account still exists, else left empty (as the database does when an account goes).
 */
export async function restoreFacts(
  tx: TransactionClient,
  facts: RowSnapshot[] | undefined,
  decisionId: string,
  parent: { criterionId: string } | { candidateId: string },
): Promise<void> {
  if (!facts || facts.length === 0) return;
  const { otherKey, others } = await otherEnds(tx, decisionId, parent, facts);
  const users = await existingUsers(
    tx,
    facts.flatMap((f) => (typeof f.enteredById === "string" ? [f.enteredById] : [])),
  );
  for (const f of facts) {
    if (!others.has(String(f[otherKey]))) continue;
    const data: Record<string, unknown> = { ...restoredColumns(f, Prisma.FactScalarFieldEnum), ...parent };
    if (typeof data.enteredById === "string" && !users.has(data.enteredById)) data.enteredById = null;
    await tx.fact.create({ data: data as Prisma.FactUncheckedCreateInput });
  }
}

/**
 * The pairwise answers removed with a criterion or a candidate, back where their criterion, both candidates and
 * evaluator still exist. Snapshots taken before candidates were compared in pairs have none.
 */
export async function restoreCandidateJudgments(
  tx: TransactionClient,
  rows: RowSnapshot[] | undefined,
  decisionId: string,
): Promise<void> {
  if (!rows || rows.length === 0) return;
  const criteria = new Set(
    (
      await tx.criterion.findMany({
        where: { decisionId, id: { in: rows.map((j) => String(j.criterionId)) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const candidates = new Set(
    (
      await tx.candidate.findMany({
        where: { decisionId, id: { in: rows.flatMap((j) => [String(j.candidateAId), String(j.candidateBId)]) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const users = await existingUsers(
    tx,
    rows.map((j) => String(j.evaluatorId)),
  );
  for (const j of rows) {
    const [criterionId, a, b, evaluatorId] = [j.criterionId, j.candidateAId, j.candidateBId, j.evaluatorId].map(String);
    if (!criteria.has(criterionId) || !candidates.has(a) || !candidates.has(b) || !users.has(evaluatorId)) continue;
    const data = { ...restoredColumns(j, Prisma.CandidateJudgmentScalarFieldEnum), decisionId };
    await tx.candidateJudgment.upsert({
      where: {
        criterionId_evaluatorId_candidateAId_candidateBId: {
          criterionId,
          evaluatorId,
          candidateAId: a,
          candidateBId: b,
        },
      },
      create: data as Prisma.CandidateJudgmentUncheckedCreateInput,
      update: {},
    });
  }
}

/**
 * For the cells (scores, facts) of a restored criterion or candidate: which of their other ends — the decision's
 * candidates for a criterion, its criteria for a candidate — still exist, from one query.
 */
async function otherEnds(
  tx: TransactionClient,
  decisionId: string,
  parent: { criterionId: string } | { candidateId: string },
  cells: RowSnapshot[],
): Promise<{ otherKey: "candidateId" | "criterionId"; others: Set<string> }> {
  const [otherKind, otherKey] =
    "criterionId" in parent ? (["candidate", "candidateId"] as const) : (["criterion", "criterionId"] as const);
  const others = await existingIds(
    async (ids) =>
      (await delegateOf(tx, otherKind).findMany({
        where: { decisionId, id: { in: ids } },
        select: { id: true },
      })) as { id: string }[],
    cells.map((c) => String(c[otherKey])),
  );
  return { otherKey, others };
}

const existingUsers = (tx: TransactionClient, ids: string[]) =>
  existingIds((some) => tx.user.findMany({ where: { id: { in: some } }, select: { id: true } }), ids);

/** Ids among `ids` that still exist, from one query. */
export async function existingIds(
  find: (ids: string[]) => Promise<{ id: string }[]>,
  ids: Iterable<string>,
): Promise<Set<string>> {
  return new Set((await find([...new Set(ids)])).map((x) => x.id));
}

/**
 * Puts back snapshot scores whose other end (a candidate of this decision for a restored criterion, and vice versa)
 * and evaluator still exist. `parent` names the restored row; snapshots written before scores were kept whole lack
 * the parent key and the score's own id, which then come from `parent` and the column default.
 */
export async function restoreScores(
  tx: TransactionClient,
  scores: RowSnapshot[],
  decisionId: string,
  parent: { criterionId: string } | { candidateId: string },
): Promise<void> {
  const { otherKey, others } = await otherEnds(tx, decisionId, parent, scores);
  const evaluators = await existingUsers(
    tx,
    scores.map((s) => String(s.evaluatorId)),
  );
  for (const s of scores) {
    if (!others.has(String(s[otherKey])) || !evaluators.has(String(s.evaluatorId))) continue;
    const data = { ...restoredColumns(s, Prisma.ScoreScalarFieldEnum), ...parent };
    await tx.score.create({ data: data as Prisma.ScoreUncheckedCreateInput });
  }
}
