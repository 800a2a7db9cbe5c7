import "server-only";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { db } from "./db";
import type { DecisionDetail, DecisionSummary } from "@/lib/decisions/dto";
import { DECISION_STATUSES, type ListQuery } from "@/lib/validation/decision";

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
    scores: scores.map((s) => ({
      id: s.id,
      criterionId: s.criterionId,
      candidateId: s.candidateId,
      evaluatorId: s.evaluatorId,
      value: s.value,
      rationale: s.rationale,
      evidenceUrl: s.evidenceUrl,
      version: s.version,
    })),
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
          ratings: d.team.members.flatMap((m) => m.ratings.map((r) => ({ memberId: m.id, skillId: r.skillId, level: r.level }))),
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
  return d ? { id: d.id, title: d.title, context: d.context, status: d.status, teamName: d.team?.name ?? null, version: d.version } : null;
}
