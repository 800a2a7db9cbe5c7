import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { TeamAggregation } from "@/lib/scoring/types";
import type {
  AddMemberInput,
  CreateTeamInput,
  MoveMemberInput,
  RemoveMemberInput,
  UpdateMemberInput,
  UpdateTeamInput,
} from "@/lib/validation/team";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { countChildren } from "./child-counts";
import { updateIfVersion } from "./concurrency";
import { PAGE_SIZE, paged, type Paged } from "./paging";
import { db, writeTransaction } from "./db";
import { notFound, stale, duplicateName } from "@/lib/errors/domain-error";

// Teams and their members. Reads need only workspace membership (decision.read); writes need team.write. Every id
// from the client is resolved inside the actor's workspace, so a foreign id behaves exactly like a missing one.

type Meta = { ip: string | null };
const NO_META: Meta = { ip: null };

export interface TeamSummary {
  id: string;
  name: string;
  description: string;
  aggregation: TeamAggregation;
  memberCount: number;
  decisionCount: number;
  version: number;
}

export interface TeamMemberView {
  id: string;
  name: string;
  userId: string | null;
  userName: string | null;
  position: number;
  version: number;
}

export interface RatingView {
  memberId: string;
  skillId: string;
  level: number;
  version: number;
}

export interface OverrideView {
  skillId: string;
  level: number;
  reason: string;
  version: number;
}

export interface TeamDetail extends Omit<TeamSummary, "memberCount" | "decisionCount"> {
  members: TeamMemberView[];
  skills: { id: string; name: string; category: string; description: string }[];
  ratings: RatingView[];
  overrides: OverrideView[];
  /** Workspace users a member can be linked to. */
  users: { id: string; name: string; email: string }[];
}

export const asAggregation = (a: string): TeamAggregation => (a === "max" || a === "mean" ? a : "top2");

/** The workspace's teams by name: all of them, or the window the API's cursor asks for. */
export async function listTeams(actor: Actor, window: { skip?: number; take?: number } = {}): Promise<TeamSummary[]> {
  authorize(actor, "decision.read");
  return readTeams(actor, window);
}

/** One page of the teams page's list, by name. */
export async function listTeamsPage(actor: Actor, page = 1): Promise<Paged<TeamSummary>> {
  authorize(actor, "decision.read");
  return paged(
    page,
    PAGE_SIZE,
    () => db.team.count({ where: { workspaceId: actor.workspaceId } }),
    (window) => readTeams(actor, window),
  );
}

async function readTeams(actor: Actor, window: { skip?: number; take?: number }): Promise<TeamSummary[]> {
  const teams = await db.team.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...window,
  });
  const counts = await countChildren(
    actor.workspaceId,
    teams.map((t) => t.id),
    ["teamMembers", "teamDecisions"],
  );
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    aggregation: asAggregation(t.aggregation),
    memberCount: counts.teamMembers(t.id),
    decisionCount: counts.teamDecisions(t.id),
    version: t.version,
  }));
}

export async function getTeam(actor: Actor, teamId: string): Promise<TeamDetail | null> {
  authorize(actor, "decision.read");
  const t = await db.team.findFirst({
    where: { id: teamId, workspaceId: actor.workspaceId },
    include: {
      members: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { ratings: true, user: { select: { name: true } } },
      },
      overrides: true,
    },
  });
  if (!t) return null;
  const [skills, memberships] = await Promise.all([
    db.skill.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: [{ category: "asc" }, { name: "asc" }],
      select: { id: true, name: true, category: true, description: true },
    }),
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    aggregation: asAggregation(t.aggregation),
    version: t.version,
    members: t.members.map((m) => ({
      id: m.id,
      name: m.name,
      userId: m.userId,
      userName: m.user?.name ?? null,
      position: m.position,
      version: m.version,
    })),
    skills,
    ratings: t.members.flatMap((m) =>
      m.ratings.map((r) => ({ memberId: m.id, skillId: r.skillId, level: r.level, version: r.version })),
    ),
    overrides: t.overrides.map((o) => ({ skillId: o.skillId, level: o.level, reason: o.reason, version: o.version })),
    users: memberships.map((m) => m.user),
  };
}

/** Team of the actor's workspace, or NotFoundError. */
export async function teamInWorkspace(tx: TransactionClient, actor: Actor, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, workspaceId: actor.workspaceId } });
  if (!team) throw notFound("team");
  return team;
}

/** Member of a team of the actor's workspace, or NotFoundError. */
export async function memberInWorkspace(tx: TransactionClient, actor: Actor, memberId: string) {
  const m = await tx.teamMember.findFirst({ where: { id: memberId, team: { workspaceId: actor.workspaceId } } });
  if (!m) throw notFound("member");
  return m;
}

async function assertUniqueName(tx: TransactionClient, workspaceId: string, name: string, exceptId?: string) {
  const clash = await tx.team.findFirst({
    where: { workspaceId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw duplicateName("team");
}

/** Only users who belong to the workspace can be linked; anything else is "not found". */
async function assertWorkspaceUser(tx: TransactionClient, actor: Actor, userId: string | null) {
  if (!userId) return;
  const m = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } },
    select: { id: true },
  });
  if (!m) throw notFound("user");
}

const teamFields = (t: { name: string; description: string; aggregation: string }) => ({
  name: t.name,
  description: t.description,
  aggregation: t.aggregation,
});

export async function createTeam(actor: Actor, input: CreateTeamInput, meta: Meta = NO_META): Promise<{ id: string }> {
  authorize(actor, "team.write");
  return writeTransaction(async (tx) => {
    await assertUniqueName(tx, actor.workspaceId, input.name);
    const team = await tx.team.create({ data: { workspaceId: actor.workspaceId, ...teamFields(input) } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.created",
      entityType: "Team",
      entityId: team.id,
      after: teamFields(team),
      ip: meta.ip,
    });
    return { id: team.id };
  });
}

export async function updateTeam(
  actor: Actor,
  input: UpdateTeamInput,
  meta: Meta = NO_META,
): Promise<{ version: number }> {
  authorize(actor, "team.write");
  return writeTransaction(async (tx) => {
    const before = await teamInWorkspace(tx, actor, input.teamId);
    await assertUniqueName(tx, actor.workspaceId, input.name, before.id);
    const data = teamFields(input);
    await updateIfVersion(tx.team, { id: before.id, version: input.version }, data, "team", () =>
      tx.team.findUnique({
        where: { id: before.id },
        select: { name: true, description: true, aggregation: true, version: true },
      }),
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.updated",
      entityType: "Team",
      entityId: before.id,
      before: teamFields(before),
      after: data,
      ip: meta.ip,
    });
    return { version: input.version + 1 };
  });
}

const memberView = (m: { id: string; name: string; userId: string | null; position: number; version: number }) => ({
  id: m.id,
  name: m.name,
  userId: m.userId,
  position: m.position,
  version: m.version,
});

export async function addMember(actor: Actor, input: AddMemberInput, meta: Meta = NO_META): Promise<{ id: string }> {
  authorize(actor, "team.write");
  return writeTransaction(async (tx) => {
    const team = await teamInWorkspace(tx, actor, input.teamId);
    await assertWorkspaceUser(tx, actor, input.userId);
    const last = await tx.teamMember.aggregate({ where: { teamId: team.id }, _max: { position: true } });
    const m = await tx.teamMember.create({
      data: { teamId: team.id, name: input.name, userId: input.userId, position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.member_added",
      entityType: "TeamMember",
      entityId: m.id,
      after: { teamId: team.id, ...memberView(m) },
      ip: meta.ip,
    });
    return { id: m.id };
  });
}

export async function updateMember(
  actor: Actor,
  input: UpdateMemberInput,
  meta: Meta = NO_META,
): Promise<{ version: number }> {
  authorize(actor, "team.write");
  return writeTransaction(async (tx) => {
    const before = await memberInWorkspace(tx, actor, input.memberId);
    await assertWorkspaceUser(tx, actor, input.userId);
    await updateIfVersion(
      tx.teamMember,
      { id: before.id, version: input.version },
      { name: input.name, userId: input.userId },
      "member",
      () => tx.teamMember.findUnique({ where: { id: before.id }, select: { name: true, userId: true, version: true } }),
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.member_updated",
      entityType: "TeamMember",
      entityId: before.id,
      before: memberView(before),
      after: { name: input.name, userId: input.userId },
      ip: meta.ip,
    });
    return { version: input.version + 1 };
  });
}

/**
 * Swaps a member with its neighbour. Positions are renumbered 0..n-1 first so gaps or duplicates left by older data
 * cannot make a move a no-op. The moved member's version guards against moving a row someone else just changed.
 */
export async function moveMember(actor: Actor, input: MoveMemberInput, meta: Meta = NO_META): Promise<void> {
  authorize(actor, "team.write");
  await writeTransaction(async (tx) => {
    const m = await memberInWorkspace(tx, actor, input.memberId);
    if (m.version !== input.version) throw stale("member", { name: m.name, userId: m.userId, version: m.version });
    const all = await tx.teamMember.findMany({
      where: { teamId: m.teamId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const from = all.findIndex((x) => x.id === m.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= all.length) return;
    const order = all.map((x) => x.id);
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, id] of order.entries()) {
      const row = all.find((x) => x.id === id)!;
      // Position is not part of the versioned content: a reorder must not make a colleague's rename of a neighbour stale.
      if (row.position !== position) await tx.teamMember.update({ where: { id }, data: { position } });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.member_moved",
      entityType: "TeamMember",
      entityId: m.id,
      before: { position: from },
      after: { position: to },
      ip: meta.ip,
    });
  });
}

export async function removeMember(actor: Actor, input: RemoveMemberInput, meta: Meta = NO_META): Promise<void> {
  authorize(actor, "team.write");
  await writeTransaction(async (tx) => {
    const m = await memberInWorkspace(tx, actor, input.memberId);
    const ratings = await tx.skillRating.findMany({
      where: { memberId: m.id },
      select: { skillId: true, level: true },
    });
    const { count } = await tx.teamMember.deleteMany({ where: { id: m.id, version: input.version } });
    if (count === 0) throw stale("member", { name: m.name, userId: m.userId, version: m.version });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.member_removed",
      entityType: "TeamMember",
      entityId: m.id,
      before: { ...memberView(m), ratings },
      ip: meta.ip,
    });
  });
}
