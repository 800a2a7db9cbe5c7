import "server-only";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { db } from "./db";
import { toScoreDto, type DecisionDetail, type DecisionSummary } from "@/lib/decisions/dto";
import { loadDecisionFacts } from "./fact-rows";
import type { TransactionClient } from "@/lib/db/write-queue";
import { DEMO_SKILLS, DEMO_TEMPLATES } from "@/lib/templates/demo";
import {
  DECISION_STATUSES,
  FieldValidationError,
  STATUS_TRANSITIONS,
  decisionHeaderFields,
  type CreateDecisionInput,
  type DecisionPatchInput,
  type ListQuery,
  type StatusChangeInput,
} from "@/lib/validation/decision";
import { recordAudit } from "./audit";
import { StaleWriteError, updateIfVersion } from "./concurrency";
import { writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { NotFoundError } from "./errors";

// Reads are scoped by the actor's workspace in the query itself, so an id from another workspace behaves exactly like
// a missing id.

/** A list row: the summary other views use, plus what the list's filters and row actions need. */
export interface DecisionListItem extends DecisionSummary {
  teamId: string | null;
  archived: boolean;
  version: number;
}

/**
 * The workspace's decisions, filtered and sorted as the list's URL asks. Without a query it behaves as before:
 * unarchived decisions, most recently updated first. Filtering happens here in one pass over a small set (a
 * workspace holds tens to hundreds of decisions), so title search is case-insensitive in every script.
 */
export async function listDecisions(actor: Actor, query: Partial<ListQuery> = {}): Promise<DecisionListItem[]> {
  authorize(actor, "decision.read");
  const rows = await db.decision.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(query.archived === "1" ? {} : { archivedAt: null }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.team === "none" ? { teamId: null } : query.team ? { teamId: query.team } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      archivedAt: true,
      version: true,
      teamId: true,
      team: { select: { name: true } },
      _count: { select: { candidates: true, criteria: true } },
    },
  });
  const needle = query.q?.trim().toLocaleLowerCase() ?? "";
  const items = rows
    .filter((r) => !needle || r.title.toLocaleLowerCase().includes(needle))
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      teamName: r.team?.name ?? null,
      teamId: r.teamId,
      candidateCount: r._count.candidates,
      criterionCount: r._count.criteria,
      updatedAt: r.updatedAt.toISOString(),
      archived: r.archivedAt !== null,
      version: r.version,
    }));
  if (query.sort === "title") items.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  if (query.sort === "status") {
    const rank = (s: string) => DECISION_STATUSES.indexOf(s as (typeof DECISION_STATUSES)[number]);
    items.sort((a, b) => rank(a.status) - rank(b.status) || b.updatedAt.localeCompare(a.updatedAt));
  }
  return items;
}

export async function getDecision(actor: Actor, id: string): Promise<DecisionDetail | null> {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    include: {
      criteria: { orderBy: { position: "asc" } },
      candidates: { orderBy: { position: "asc" }, include: { requirements: true } },
      judgments: true,
      team: {
        include: {
          members: { orderBy: { position: "asc" }, include: { ratings: true } },
          overrides: true,
        },
      },
    },
  });
  if (!d) return null;
  const scores = await db.score.findMany({
    where: { criterion: { decisionId: d.id } },
    include: { evaluator: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const facts = await loadDecisionFacts(db, d.id);
  const skills = await db.skill.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, category: true },
  });
  const evaluators = new Map<string, string>();
  for (const s of scores) evaluators.set(s.evaluator.id, s.evaluator.name);

  return {
    id: d.id,
    title: d.title,
    context: d.context,
    status: d.status,
    outcomeRationale: d.outcomeRationale,
    chosenCandidateId: d.chosenCandidateId,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    criteria: d.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      lowMeaning: c.lowMeaning,
      highMeaning: c.highMeaning,
      weight: c.weight,
      kind: c.kind,
      direction: c.direction,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      unit: c.unit,
      worst: c.worst,
      best: c.best,
      threshold: c.threshold,
      position: c.position,
      version: c.version,
    })),
    candidates: d.candidates.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      link: c.link,
      position: c.position,
      version: c.version,
    })),
    scores: scores.map(toScoreDto),
    facts,
    evaluators: [...evaluators].map(([id, name]) => ({ id, name })),
    skills,
    requirements: d.candidates.flatMap((c) =>
      c.requirements.map((r) => ({ candidateId: c.id, skillId: r.skillId, weight: r.weight, minLevel: r.minLevel })),
    ),
    judgments: d.judgments.map((j) => ({
      evaluatorId: j.evaluatorId,
      criterionA: j.criterionAId,
      criterionB: j.criterionBId,
      value: j.value,
    })),
    team: d.team
      ? {
          id: d.team.id,
          name: d.team.name,
          aggregation: d.team.aggregation,
          members: d.team.members.map((m) => ({ id: m.id, name: m.name })),
          ratings: d.team.members.flatMap((m) =>
            m.ratings.map((r) => ({ memberId: m.id, skillId: r.skillId, level: r.level })),
          ),
          overrides: d.team.overrides.map((o) => ({ skillId: o.skillId, level: o.level, reason: o.reason })),
        }
      : null,
  };
}

export interface DecisionHeader {
  id: string;
  title: string;
  context: string;
  status: DecisionDetail["status"];
  teamName: string | null;
  version: number;
}

/** What every tab of a decision shows above its content. */
export async function getDecisionHeader(actor: Actor, id: string): Promise<DecisionHeader | null> {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: { id: true, title: true, context: true, status: true, version: true, team: { select: { name: true } } },
  });
  return d
    ? {
        id: d.id,
        title: d.title,
        context: d.context,
        status: d.status,
        teamName: d.team?.name ?? null,
        version: d.version,
      }
    : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Framing: what the setup tab reads, and the writes on a decision's header, status and lifecycle.
// ---------------------------------------------------------------------------------------------------------------

export interface SetupDecision {
  id: string;
  title: string;
  context: string;
  teamId: string | null;
  status: DecisionDetail["status"];
  chosenCandidateId: string | null;
  outcomeRationale: string;
  supersededById: string | null;
  supersededByTitle: string | null;
  decidedAt: string | null;
  archived: boolean;
  version: number;
}

export interface SetupData {
  decision: SetupDecision;
  criteria: DecisionDetail["criteria"];
  candidates: DecisionDetail["candidates"];
  teams: TeamOption[];
  /** Other decisions of the workspace, for "superseded by". */
  otherDecisions: { id: string; title: string }[];
}

export interface TeamOption {
  id: string;
  name: string;
}

export async function listTeamOptions(actor: Actor): Promise<TeamOption[]> {
  authorize(actor, "decision.read");
  return db.team.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Everything the setup tab edits, as plain data; null for a missing or foreign id. */
export async function getSetupData(actor: Actor, id: string): Promise<SetupData | null> {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    include: {
      criteria: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      candidates: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      supersededBy: { select: { title: true } },
    },
  });
  if (!d) return null;
  const [teams, others] = await Promise.all([
    listTeamOptions(actor),
    db.decision.findMany({
      where: { workspaceId: actor.workspaceId, id: { not: d.id } },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return {
    decision: {
      id: d.id,
      title: d.title,
      context: d.context,
      teamId: d.teamId,
      status: d.status,
      chosenCandidateId: d.chosenCandidateId,
      outcomeRationale: d.outcomeRationale,
      supersededById: d.supersededById,
      supersededByTitle: d.supersededBy?.title ?? null,
      decidedAt: d.decidedAt?.toISOString() ?? null,
      archived: d.archivedAt !== null,
      version: d.version,
    },
    criteria: d.criteria.map(criterionDto),
    candidates: d.candidates.map(candidateDto),
    teams,
    otherDecisions: others,
  };
}

export function criterionDto(c: {
  id: string;
  name: string;
  description: string;
  lowMeaning: string;
  highMeaning: string;
  weight: number;
  kind: "RATING" | "METRIC" | "SKILL_MATCH";
  direction: "BENEFIT" | "COST";
  scaleMin: number | null;
  scaleMax: number | null;
  unit: string | null;
  worst: number | null;
  best: number | null;
  threshold: number | null;
  position: number;
  version: number;
}): DecisionDetail["criteria"][number] {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    lowMeaning: c.lowMeaning,
    highMeaning: c.highMeaning,
    weight: c.weight,
    kind: c.kind,
    direction: c.direction,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    unit: c.unit,
    worst: c.worst,
    best: c.best,
    threshold: c.threshold,
    position: c.position,
    version: c.version,
  };
}

export function candidateDto(c: {
  id: string;
  name: string;
  description: string;
  link: string;
  position: number;
  version: number;
}): DecisionDetail["candidates"][number] {
  return { id: c.id, name: c.name, description: c.description, link: c.link, position: c.position, version: c.version };
}

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
 * changed, nothing is written and StaleWriteError carries their value. Runs inside the caller's write transaction,
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
    throw new StaleWriteError(opts.entity, conflict);
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

async function teamInWorkspace(tx: TransactionClient, actor: Actor, teamId: string | null): Promise<string | null> {
  if (teamId === null) return null;
  const team = await tx.team.findFirst({ where: { id: teamId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!team) throw new NotFoundError("team");
  return team.id;
}

function headerDto(d: { id: string; title: string; context: string; teamId: string | null; version: number }) {
  return { id: d.id, title: d.title, context: d.context, teamId: d.teamId, version: d.version };
}

/** Title, context or owning team: one field per call (autosave). Locked decisions refuse (loadEditableDecision). */
export async function updateDecisionField(
  actor: Actor,
  input: DecisionPatchInput,
): Promise<{ version: number; value: string | null }> {
  const parser = decisionHeaderFields[input.field];
  const parsed = parser.safeParse(input.value);
  if (!parsed.success) throw new FieldValidationError({ [input.field]: parsed.error.issues[0]?.message ?? "invalid" });
  return writeTransaction(async (tx) => {
    await loadEditableDecision(actor, input.decisionId, "decision.write", tx);
    const value = input.field === "teamId" ? await teamInWorkspace(tx, actor, parsed.data) : parsed.data;
    const row = await tx.decision.findUniqueOrThrow({ where: { id: input.decisionId } });
    const version = await patchVersionedField({
      tx,
      delegate: tx.decision,
      row,
      entity: "Decision",
      version: input.version,
      field: input.field,
      base: input.base,
      value,
      toDto: headerDto,
      reload: () => tx.decision.findUnique({ where: { id: row.id } }),
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.updated",
      entityType: "Decision",
      entityId: row.id,
      before: { [input.field]: row[input.field] },
      after: { [input.field]: value },
    });
    return { version, value };
  });
}

/**
 * The status flow (STATUS_TRANSITIONS). Deciding names a candidate of this decision and a rationale and stamps
 * decidedAt; superseding names another decision of the workspace; reopening (back to IN_REVIEW from DECIDED or
 * SUPERSEDED) clears nothing, so the old outcome stays visible in the audit trail's before/after.
 */
export async function changeDecisionStatus(actor: Actor, input: StatusChangeInput): Promise<{ version: number }> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const d = await tx.decision.findFirst({ where: { id: input.decisionId, workspaceId: actor.workspaceId } });
    if (!d) throw new NotFoundError("decision");
    // Header edits (title, context, team) bump the version too; they do not make a status change stale. Only a
    // status that moved since the client read it does.
    const expected = input.from || null;
    if (d.version !== input.version && (expected === null || d.status !== expected)) {
      throw new StaleWriteError("Decision", {
        field: "status",
        theirs: d.status,
        changedBy: await lastEditorName(tx, "Decision", d.id, "status"),
        row: headerDto(d),
      });
    }
    if (!STATUS_TRANSITIONS[d.status].includes(input.to)) throw new FieldValidationError({ to: "transitionInvalid" });
    const data: Record<string, unknown> = { status: input.to };
    if (input.to === "DECIDED") {
      const chosen = await tx.candidate.findFirst({
        where: { id: input.chosenCandidateId, decisionId: d.id },
        select: { id: true },
      });
      if (!chosen) throw new FieldValidationError({ chosenCandidateId: "chosenRequired" });
      Object.assign(data, {
        chosenCandidateId: chosen.id,
        outcomeRationale: input.outcomeRationale,
        decidedAt: new Date(),
      });
    }
    if (input.to === "SUPERSEDED") {
      const next = await tx.decision.findFirst({
        where: { id: input.supersededById, workspaceId: actor.workspaceId, NOT: { id: d.id } },
        select: { id: true },
      });
      if (!next) throw new FieldValidationError({ supersededById: "replacementRequired" });
      data.supersededById = next.id;
    }
    if (input.to === "IN_REVIEW" || input.to === "DRAFT") data.supersededById = null;
    await updateIfVersion(tx.decision, { id: d.id, version: d.version }, data, "Decision", async () => null);
    const reopened = (d.status === "DECIDED" || d.status === "SUPERSEDED") && input.to === "IN_REVIEW";
    const pick = (r: Record<string, unknown>) => ({
      status: r.status,
      chosenCandidateId: r.chosenCandidateId ?? null,
      outcomeRationale: r.outcomeRationale ?? "",
      supersededById: r.supersededById ?? null,
      decidedAt: r.decidedAt ?? null,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: reopened ? "decision.reopened" : "decision.status_changed",
      entityType: "Decision",
      entityId: d.id,
      before: pick(d),
      after: pick({ ...d, ...data }),
    });
    return { version: d.version + 1 };
  });
}

/** Archive or bring back; allowed in any status (an old decided decision is the usual thing to archive). */
export async function setDecisionArchived(
  actor: Actor,
  input: { decisionId: string; version: number },
  archived: boolean,
): Promise<void> {
  authorize(actor, "decision.write");
  await writeTransaction(async (tx) => {
    const d = await tx.decision.findFirst({ where: { id: input.decisionId, workspaceId: actor.workspaceId } });
    if (!d) throw new NotFoundError("decision");
    const load = async () => ({
      field: "archived",
      theirs: d.archivedAt !== null,
      changedBy: await lastEditorName(tx, "Decision", d.id),
      row: headerDto(d),
    });
    if (d.version !== input.version) throw new StaleWriteError("Decision", await load());
    await updateIfVersion(
      tx.decision,
      { id: d.id, version: d.version },
      { archivedAt: archived ? new Date() : null },
      "Decision",
      load,
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: archived ? "decision.archived" : "decision.unarchived",
      entityType: "Decision",
      entityId: d.id,
      before: { archived: d.archivedAt !== null },
      after: { archived },
    });
  });
}

/**
 * A new decision, blank or copied from a demo template: criteria, candidates and skill requirements, the latter
 * mapped by skill NAME onto this workspace's catalog (missing skills are created from the template's catalog entry).
 * No scores are copied: a template frames the question, the answers are the new decision's own.
 */
export async function createDecision(actor: Actor, input: CreateDecisionInput): Promise<{ id: string }> {
  authorize(actor, "decision.write");
  const template = input.template ? DEMO_TEMPLATES.find((t) => t.key === input.template) : undefined;
  if (input.template && !template) throw new FieldValidationError({ template: "templateInvalid" });
  return writeTransaction(async (tx) => {
    const teamId = await teamInWorkspace(tx, actor, input.teamId ?? null);
    const d = await tx.decision.create({
      data: {
        workspaceId: actor.workspaceId,
        teamId,
        title: input.title,
        context: template?.context ?? "",
        templateKey: template?.key ?? null,
        createdById: actor.userId,
      },
    });
    if (template) {
      const skillIds = await skillIdsByName(
        tx,
        actor,
        template.candidates.flatMap((c) => (c.requirements ?? []).map((r) => r.skill)),
      );
      await copyParts(tx, d.id, {
        criteria: template.criteria.map((c) => ({
          name: c.name,
          description: c.description,
          lowMeaning: c.lowMeaning ?? "",
          highMeaning: c.highMeaning ?? "",
          weight: c.weight,
          kind: c.kind,
          direction: c.direction,
          scaleMin: c.scaleMin ?? null,
          scaleMax: c.scaleMax ?? null,
          unit: c.unit ?? null,
          worst: c.worst ?? null,
          best: c.best ?? null,
          threshold: c.threshold ?? null,
        })),
        candidates: template.candidates.map((c) => ({
          name: c.name,
          description: c.description,
          link: c.link,
          requirements: (c.requirements ?? []).map((r) => ({
            skillId: skillIds.get(r.skill)!,
            weight: r.weight,
            minLevel: r.minLevel ?? null,
          })),
        })),
      });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.created",
      entityType: "Decision",
      entityId: d.id,
      after: { title: d.title, teamId, template: template?.key ?? null },
    });
    return { id: d.id };
  });
}

/** Template skill keys → this workspace's skill ids, matched by name; creates (and audits) the missing ones. */
async function skillIdsByName(tx: TransactionClient, actor: Actor, keys: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const key of new Set(keys)) {
    const spec = DEMO_SKILLS.find((s) => s.key === key);
    if (!spec) continue;
    const existing = await tx.skill.findUnique({
      where: { workspaceId_name: { workspaceId: actor.workspaceId, name: spec.name } },
      select: { id: true },
    });
    if (existing) {
      ids.set(key, existing.id);
      continue;
    }
    const created = await tx.skill.create({
      data: { workspaceId: actor.workspaceId, name: spec.name, category: spec.category, description: spec.description },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "skill.created",
      entityType: "Skill",
      entityId: created.id,
      after: { name: spec.name, category: spec.category, reason: "template" },
    });
    ids.set(key, created.id);
  }
  return ids;
}

type PartCopy = {
  criteria: Omit<DecisionDetail["criteria"][number], "id" | "position" | "version">[];
  candidates: {
    name: string;
    description: string;
    link: string;
    requirements: { skillId: string; weight: number; minLevel: number | null }[];
  }[];
};

async function copyParts(tx: TransactionClient, decisionId: string, parts: PartCopy): Promise<void> {
  for (const [position, c] of parts.criteria.entries())
    await tx.criterion.create({ data: { ...c, decisionId, position } });
  for (const [position, c] of parts.candidates.entries()) {
    await tx.candidate.create({
      data: {
        decisionId,
        name: c.name,
        description: c.description,
        link: c.link,
        position,
        requirements: {
          create: c.requirements
            .filter((r) => r.skillId)
            .map((r) => ({ skillId: r.skillId, weight: r.weight, minLevel: r.minLevel })),
        },
      },
    });
  }
}

/**
 * A fresh DRAFT with the same title (plus a suffix), context, team, criteria, candidates and skill requirements.
 * Scores, AHP judgments and the outcome are not copied. Allowed from any status: duplicating a decided decision is
 * how one revisits it without reopening the original.
 */
export async function duplicateDecision(
  actor: Actor,
  decisionId: string,
  titleSuffix: string,
): Promise<{ id: string }> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const src = await tx.decision.findFirst({
      where: { id: decisionId, workspaceId: actor.workspaceId },
      include: {
        criteria: { orderBy: { position: "asc" } },
        candidates: { orderBy: { position: "asc" }, include: { requirements: true } },
      },
    });
    if (!src) throw new NotFoundError("decision");
    const title = `${src.title} ${titleSuffix}`.trim().slice(0, 200);
    const d = await tx.decision.create({
      data: {
        workspaceId: actor.workspaceId,
        teamId: src.teamId,
        title,
        context: src.context,
        templateKey: src.templateKey,
        settings: src.settings ?? undefined,
        createdById: actor.userId,
      },
    });
    await copyParts(tx, d.id, {
      criteria: src.criteria.map((c) => {
        const { id: _id, decisionId: _d, position: _p, version: _v, createdAt: _c, updatedAt: _u, ...rest } = c;
        return rest;
      }),
      candidates: src.candidates.map((c) => ({
        name: c.name,
        description: c.description,
        link: c.link,
        requirements: c.requirements.map((r) => ({ skillId: r.skillId, weight: r.weight, minLevel: r.minLevel })),
      })),
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.duplicated",
      entityType: "Decision",
      entityId: d.id,
      after: { title, from: src.id },
    });
    return { id: d.id };
  });
}

/**
 * Reorders a decision's criteria or candidates. `expected` is the order the client saw: if rows were added, removed
 * or moved by someone else in the meantime, nothing is written and the caller gets the current order, so two
 * reorders never silently undo each other. Positions are not part of a row's version: moving a row does not make a
 * colleague's rename of that row conflict.
 */
export async function reorderParts(
  tx: TransactionClient,
  kind: "criterion" | "candidate",
  decisionId: string,
  ids: string[],
  expected: string[],
): Promise<void> {
  const delegate = (kind === "criterion" ? tx.criterion : tx.candidate) as unknown as {
    findMany(a: object): Promise<{ id: string }[]>;
    update(a: object): Promise<unknown>;
  };
  const current = (
    await delegate.findMany({
      where: { decisionId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    })
  ).map((r) => r.id);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(current, expected))
    throw new StaleWriteError(kind === "criterion" ? "Criterion" : "Candidate", {
      field: "order",
      theirs: current,
      changedBy: null,
      row: null,
    });
  if (!same([...ids].sort(), [...current].sort())) throw new FieldValidationError({ order: "orderInvalid" });
  for (const [position, id] of ids.entries()) await delegate.update({ where: { id }, data: { position } });
}

/** The audit event holding a removed row's snapshot, for undo; scoped to the actor's workspace and this decision. */
export async function loadRemovalSnapshot<T>(
  tx: TransactionClient,
  actor: Actor,
  undoToken: string,
  action: string,
): Promise<{ entityId: string; snapshot: T }> {
  const e = await tx.auditEvent.findFirst({ where: { id: undoToken, workspaceId: actor.workspaceId, action } });
  if (!e || !e.entityId || !e.before) throw new NotFoundError("undo");
  return { entityId: e.entityId, snapshot: e.before as T };
}
