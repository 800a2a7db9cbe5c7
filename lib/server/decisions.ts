import "server-only";
// Reads of decisions: the list, the full detail the results and scores tabs compute from, the header every tab
// shows and what the setup tab edits. Writes live in ./decision-lifecycle.ts (header, status, archive),
// ./decision-create.ts (create, duplicate) and ./criteria.ts, ./candidates.ts (parts); they are re-exported here so
// callers keep one import for "decisions".
import { cache } from "react";
import {
  candidateOmit,
  criterionOmit,
  scoreOmit,
  DECISION_CORE_KEYS,
  decisionCoreSelect,
  pick,
  requirementSelect,
  toScoreDto,
  type DecisionCore,
  type DecisionDetail,
  type DecisionSummary,
} from "@/lib/decisions/dto";
import type { Prisma } from "@/generated/prisma/client";
import { titleSearchOf } from "@/lib/db/derived-columns";
import { scoringSettingsOf, STATUS_TRANSITIONS, type ListQuery } from "@/lib/validation/decision";
import type { Actor } from "./actor";
import { applyBlindScoring } from "./blind";
import { authorize, can } from "./authz";
import { countChildren } from "./child-counts";
import { db } from "./db";
import { PAGE_SIZE, paged, type Paged } from "./paging";
import { usersById } from "./people";
import { memoRead } from "./read-memo";

export { createDecision, duplicateDecision } from "./decision-create";
export {
  changeDecisionStatus,
  setDecisionArchived,
  updateDecisionField,
  updateScoringSettings,
} from "./decision-lifecycle";
import { loadDecisionFacts } from "./fact-rows";

// Reads are scoped by the actor's workspace in the query itself, so an id from another workspace behaves exactly like
// a missing id.

/** A list row: the summary other views use, plus what the list's filters and row actions need. */
export interface DecisionListItem extends DecisionSummary {
  teamId: string | null;
  archived: boolean;
  version: number;
}

/**
 * One page of the workspace's decisions, filtered and sorted as the list's URL asks. Without a query: unarchived
 * decisions, most recently updated first, page 1. Filter, search, sort and paging all happen in the query, on the
 * indexed derived columns (lib/db/derived-columns.ts): titleSearch makes the search case-insensitive in every script,
 * statusRank sorts by lifecycle rather than alphabetically.
 */
export async function listDecisions(
  actor: Actor,
  query: Partial<ListQuery> = {},
  pageSize = PAGE_SIZE,
): Promise<Paged<DecisionListItem>> {
  authorize(actor, "decision.read");
  const where = listWhere(actor, query);
  return paged(
    query.page ?? 1,
    pageSize,
    () => db.decision.count({ where }),
    (window) => readListRows(actor.workspaceId, where, query, window),
  );
}

/** The rows of the same list from an offset, for the API's cursor (which need not fall on a page boundary). */
export async function listDecisionsFrom(
  actor: Actor,
  query: Partial<ListQuery>,
  window: { skip: number; take: number },
): Promise<DecisionListItem[]> {
  authorize(actor, "decision.read");
  return readListRows(actor.workspaceId, listWhere(actor, query), query, window);
}

function listWhere(actor: Actor, query: Partial<ListQuery>): Prisma.DecisionWhereInput {
  const needle = titleSearchOf(query.q?.trim() ?? "");
  return {
    workspaceId: actor.workspaceId,
    ...(query.archived === "1" ? {} : { archivedAt: null }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.team === "none" ? { teamId: null } : query.team ? { teamId: query.team } : {}),
    ...(needle ? { titleSearch: { contains: needle } } : {}),
  };
}

async function readListRows(
  workspaceId: string,
  where: Prisma.DecisionWhereInput,
  query: Partial<ListQuery>,
  window: { skip: number; take: number },
): Promise<DecisionListItem[]> {
  // Every order ends on id, so pages never overlap or skip a row when sort keys tie.
  const orderBy: Prisma.DecisionOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ titleSearch: "asc" }, { id: "asc" }]
      : query.sort === "status"
        ? [{ statusRank: "asc" }, { updatedAt: "desc" }, { id: "asc" }]
        : [{ updatedAt: "desc" }, { id: "asc" }];
  const rows = await db.decision.findMany({
    where,
    orderBy,
    ...window,
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      archivedAt: true,
      version: true,
      teamId: true,
      team: { select: { name: true } },
    },
  });
  const counts = await countChildren(
    workspaceId,
    rows.map((r) => r.id),
    ["decisionCandidates", "decisionCriteria"],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    teamName: r.team?.name ?? null,
    teamId: r.teamId,
    candidateCount: counts.decisionCandidates(r.id),
    criterionCount: counts.decisionCriteria(r.id),
    updatedAt: r.updatedAt.toISOString(),
    archived: r.archivedAt !== null,
    version: r.version,
  }));
}

/** Open decisions (draft, in review) as choices for the import page's "into" select, most recently updated first. */
export async function listOpenDecisionOptions(actor: Actor): Promise<{ id: string; title: string }[]> {
  authorize(actor, "decision.read");
  return db.decision.findMany({
    where: { workspaceId: actor.workspaceId, archivedAt: null, status: { in: ["DRAFT", "IN_REVIEW"] } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}

export async function getDecision(actor: Actor, id: string): Promise<DecisionDetail | null> {
  authorize(actor, "decision.read");
  // Once per version of its inputs for everyone (lib/server/read-memo.ts): a large decision's read is ~15 queries
  // and thousands of rows, and every tab of it, each export and the API read it again. The blind scoring rule
  // (lib/server/blind.ts) is applied to what is served, for each actor, so every page and export built on this read
  // inherits it.
  const read = await memoRead(actor, id, {
    kind: "detail",
    shared: true,
    compute: () => readDecisionDetail(actor, id),
    size: (r) => (r ? detailBytes(r.detail) : 0),
  });
  return read ? applyBlindScoring(actor, read.detail, read.settings) : null;
}

/** A rough size of a detail in memory (~250 bytes a row), for the read memo's budget. */
function detailBytes(d: DecisionDetail): number {
  const rows =
    d.scores.length +
    d.facts.length +
    d.criteria.length +
    d.candidates.length +
    d.judgments.length +
    d.candidateJudgments.length +
    d.requirements.length +
    d.skills.length +
    (d.team?.ratings.length ?? 0);
  return 2048 + 250 * rows;
}

/** The decision as it is stored, before the blind scoring rule, with the settings that rule reads. */
async function readDecisionDetail(
  actor: Actor,
  id: string,
): Promise<{ detail: DecisionDetail; settings: unknown } | null> {
  const d = await db.decision.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: {
      ...decisionCoreSelect,
      settings: true,
      createdAt: true,
      updatedAt: true,
      criteria: { orderBy: { position: "asc" }, omit: criterionOmit },
      candidates: {
        orderBy: { position: "asc" },
        omit: candidateOmit,
        include: { requirements: { select: requirementSelect } },
      },
      judgments: { select: { evaluatorId: true, criterionAId: true, criterionBId: true, value: true } },
      candidateJudgments: {
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        select: { evaluatorId: true, criterionId: true, candidateAId: true, candidateBId: true, value: true },
      },
      team: {
        include: {
          members: { orderBy: { position: "asc" }, include: { ratings: true } },
          overrides: true,
        },
      },
    },
  });
  if (!d) return null;
  // Only the DTO's columns: the timestamps are not sent anywhere, and turning 2 × 1,920 of them into Dates was a
  // measurable share of a large decision's read.
  const scores = await db.score.findMany({
    where: { criterion: { decisionId: d.id } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    omit: scoreOmit,
  });
  const people = await usersById(
    db,
    [...scores.map((s) => s.evaluatorId), ...d.candidateJudgments.map((j) => j.evaluatorId)],
    { id: true, name: true },
  );
  const facts = await loadDecisionFacts(db, d.id);
  const skills = await db.skill.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, category: true },
  });
  const evaluators = new Map<string, string>();
  // First score first, as the evaluators are listed.
  for (const s of scores) evaluators.set(s.evaluatorId, people.get(s.evaluatorId)?.name ?? "");
  // Then those who only compared candidates in pairs: their answers are opinions like scores.
  for (const j of d.candidateJudgments) evaluators.set(j.evaluatorId, people.get(j.evaluatorId)?.name ?? "");

  const detail: DecisionDetail = {
    ...pick(d, DECISION_CORE_KEYS),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    criteria: d.criteria,
    candidates: d.candidates.map(({ requirements: _r, ...c }) => c),
    scores: scores.map(toScoreDto),
    facts,
    evaluators: [...evaluators].map(([id, name]) => ({ id, name })),
    skills,
    requirements: d.candidates.flatMap((c) => c.requirements),
    judgments: d.judgments.map((j) => ({
      evaluatorId: j.evaluatorId,
      criterionA: j.criterionAId,
      criterionB: j.criterionBId,
      value: j.value,
    })),
    candidateJudgments: d.candidateJudgments.map((j) => ({
      evaluatorId: j.evaluatorId,
      criterionId: j.criterionId,
      candidateA: j.candidateAId,
      candidateB: j.candidateBId,
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
    scoring: scoringSettingsOf(d.settings),
  };
  return { detail, settings: d.settings };
}

export type DecisionHeader = Pick<DecisionCore, "id" | "title" | "context" | "status" | "version"> & {
  teamName: string | null;
  archived: boolean;
};

/** What every tab of a decision shows above its content. */
/**
 * The header every tab shows. Cached for the request (React cache: the layout and the page's metadata both ask, with
 * the same request-cached actor), so a tab reads its decision's header once, not once per caller.
 */
export const getDecisionHeader = cache(async (actor: Actor, id: string): Promise<DecisionHeader | null> => {
  authorize(actor, "decision.read");
  const d = await db.decision.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: {
      id: true,
      title: true,
      context: true,
      status: true,
      version: true,
      archivedAt: true,
      team: { select: { name: true } },
    },
  });
  if (!d) return null;
  const { team, archivedAt, ...header } = d;
  return { ...header, teamName: team?.name ?? null, archived: archivedAt !== null };
});

// ---------------------------------------------------------------------------------------------------------------
// Framing: what the setup tab reads.
// ---------------------------------------------------------------------------------------------------------------

export type SetupDecision = DecisionCore & {
  teamId: string | null;
  supersededById: string | null;
  supersededByTitle: string | null;
  decidedAt: string | null;
  archived: boolean;
};

export interface SetupData {
  decision: SetupDecision;
  criteria: DecisionDetail["criteria"];
  candidates: DecisionDetail["candidates"];
  teams: TeamOption[];
  /** Other decisions of the workspace, for "superseded by"; empty unless the actor may mark this one superseded. */
  otherDecisions: { id: string; title: string }[];
  /** Measured values of METRIC cells (shared facts, not opinions), to show the candidates on a value curve. */
  facts: { criterionId: string; candidateId: string; value: number }[];
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
    select: {
      ...decisionCoreSelect,
      teamId: true,
      supersededById: true,
      decidedAt: true,
      archivedAt: true,
      criteria: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], omit: criterionOmit },
      candidates: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], omit: candidateOmit },
      supersededBy: { select: { title: true } },
    },
  });
  if (!d) return null;
  // The "superseded by" choices are every other decision of the workspace: read them only for the one form that
  // offers them (a writer looking at a decided decision), so editing a draft does not grow with the workspace.
  const offersSupersede = can(actor.role, "decision.write") && STATUS_TRANSITIONS[d.status].includes("SUPERSEDED");
  const [teams, others, facts] = await Promise.all([
    listTeamOptions(actor),
    offersSupersede
      ? db.decision.findMany({
          where: { workspaceId: actor.workspaceId, id: { not: d.id } },
          orderBy: [{ titleSearch: "asc" }, { id: "asc" }],
          select: { id: true, title: true },
        })
      : [],
    db.fact.findMany({
      where: { criterion: { decisionId: d.id, kind: "METRIC" } },
      select: { criterionId: true, candidateId: true, value: true },
    }),
  ]);
  return {
    decision: {
      ...pick(d, DECISION_CORE_KEYS),
      teamId: d.teamId,
      supersededById: d.supersededById,
      supersededByTitle: d.supersededBy?.title ?? null,
      decidedAt: d.decidedAt?.toISOString() ?? null,
      archived: d.archivedAt !== null,
    },
    criteria: d.criteria,
    candidates: d.candidates,
    teams,
    otherDecisions: others,
    facts,
  };
}
