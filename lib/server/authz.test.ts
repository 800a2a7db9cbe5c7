// The authorisation matrix, generated from PERMISSIONS: every permission × every role × own/foreign workspace.
// Allowed role + own workspace passes and changes data; every other combination throws AuthorizationError or
// NotFoundError and leaves the whole database exactly as it was.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_USERS, seedDemoWorkspace } from "@/prisma/seed/demo";
import { hashToken, generateToken } from "@/lib/auth/tokens";
import type { Actor } from "./actor";
import { listAuditEvents } from "./audit";
import { authorize, can, inWorkspace, PERMISSIONS, type Permission } from "./authz";
import { db } from "./db";

import { revokeInvitation } from "./invitations";
import { changeRole, listMembers } from "./members";
import { createShareLink } from "./share-links";
import { renameWorkspace } from "./workspaces";

const ROLES: Role[] = ["ADMIN", "ARCHITECT", "TEAM_LEAD", "VIEWER"];
type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let own: Seeded;
let foreign: Seeded;

beforeAll(async () => {
  own = await seedDemoWorkspace(db);
  foreign = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
}, 60_000);

function actorFor(role: Role): Actor {
  const key = DEMO_USERS.find((u) => u.role === role)!.key;
  return { userId: own.users.get(key)!, workspaceId: own.workspace.id, role };
}

const anyDecision = (ws: Seeded) => [...ws.decisions.values()][0];

/**
 * One probe per permission: the operation a real data-access function performs, using ids from the target
 * workspace. Typed as Record<Permission, …> so a new permission without a probe does not compile.
 */
type Probe = (actor: Actor, target: Seeded) => Promise<unknown>;

const probes: Record<Permission, Probe> = {
  "decision.read": async (actor, t) => {
    authorize(actor, "decision.read");
    return inWorkspace(actor, await db.decision.findUnique({ where: { id: anyDecision(t) } }), "Decision");
  },
  "decision.write": async (actor, t) => {
    authorize(actor, "decision.write");
    const d = inWorkspace(actor, await db.decision.findUnique({ where: { id: anyDecision(t) } }), "Decision");
    await db.decision.update({ where: { id: d.id }, data: { title: `${d.title}!`, version: { increment: 1 } } });
  },
  "score.write": async (actor, t) => {
    authorize(actor, "score.write");
    const s = await db.score.findFirstOrThrow({
      where: { criterion: { decisionId: anyDecision(t) } },
      include: { criterion: { select: { decision: { select: { workspaceId: true } } } } },
    });
    inWorkspace(actor, { workspaceId: s.criterion.decision.workspaceId }, "Score");
    await db.score.update({ where: { id: s.id }, data: { value: s.value === 5 ? 6 : 5 } });
  },
  "fact.write": async (actor, t) => {
    authorize(actor, "fact.write");
    const f = await db.fact.findFirstOrThrow({
      where: { criterion: { decision: { workspaceId: t.workspace.id } } },
      include: { criterion: { select: { decision: { select: { workspaceId: true } } } } },
    });
    inWorkspace(actor, { workspaceId: f.criterion.decision.workspaceId }, "Fact");
    await db.fact.update({ where: { id: f.id }, data: { value: f.value + 1, version: { increment: 1 } } });
  },
  "ahp.write": async (actor, t) => {
    authorize(actor, "ahp.write");
    const d = inWorkspace(
      actor,
      await db.decision.findUnique({
        where: { id: anyDecision(t) },
        include: { criteria: { orderBy: { position: "asc" }, take: 2 } },
      }),
      "Decision",
    );
    const [a, b] = d.criteria;
    await db.pairwiseJudgment.upsert({
      where: {
        decisionId_evaluatorId_criterionAId_criterionBId: {
          decisionId: d.id,
          evaluatorId: actor.userId,
          criterionAId: a.id,
          criterionBId: b.id,
        },
      },
      create: { decisionId: d.id, evaluatorId: actor.userId, criterionAId: a.id, criterionBId: b.id, value: 3 },
      update: { value: { multiply: 1.5 } },
    });
  },
  "team.write": async (actor, t) => {
    authorize(actor, "team.write");
    const team = inWorkspace(actor, await db.team.findUnique({ where: { id: [...t.teamIds.values()][0] } }), "Team");
    await db.team.update({ where: { id: team.id }, data: { description: `${team.description}.` } });
  },
  "skill.write": async (actor, t) => {
    authorize(actor, "skill.write");
    const skill = inWorkspace(
      actor,
      await db.skill.findUnique({ where: { id: [...t.skillIds.values()][0] } }),
      "Skill",
    );
    await db.skill.update({ where: { id: skill.id }, data: { description: `${skill.description}.` } });
  },
  "rating.write": async (actor, t) => {
    authorize(actor, "rating.write");
    const r = await db.skillRating.findFirstOrThrow({
      where: { member: { team: { workspaceId: t.workspace.id } } },
      include: { member: { select: { team: { select: { workspaceId: true } } } } },
    });
    inWorkspace(actor, { workspaceId: r.member.team.workspaceId }, "SkillRating");
    await db.skillRating.update({ where: { id: r.id }, data: { level: r.level === 5 ? 6 : 5 } });
  },
  "requirement.write": async (actor, t) => {
    authorize(actor, "requirement.write");
    const c = await db.candidate.findFirstOrThrow({
      where: { decision: { workspaceId: t.workspace.id } },
      include: { decision: { select: { workspaceId: true } } },
    });
    inWorkspace(actor, { workspaceId: c.decision.workspaceId }, "Candidate");
    const skillId = [...t.skillIds.values()][0];
    await db.skillRequirement.upsert({
      where: { candidateId_skillId: { candidateId: c.id, skillId } },
      create: { candidateId: c.id, skillId, weight: 1 },
      update: { weight: { increment: 1 } },
    });
  },
  "member.manage": async (actor, t) => {
    const target = await db.membership.findFirstOrThrow({
      where: { workspaceId: t.workspace.id, userId: t.users.get("viewer") },
    });
    await changeRole(
      actor,
      { membershipId: target.id, role: target.role === "ARCHITECT" ? "TEAM_LEAD" : "ARCHITECT" },
      { ip: null },
    );
  },
  "invitation.manage": async (actor, t) => {
    // The invitation exists before the snapshot (see setup below); revoking it is the change.
    const inv = await db.invitation.findFirstOrThrow({ where: { workspaceId: t.workspace.id, revokedAt: null } });
    await revokeInvitation(actor, inv.id, { ip: null });
  },
  "audit.read": async (actor, t) => {
    if (t === own) return listAuditEvents(actor);
    // No id-taking audit API: reading another workspace's events means naming that workspace.
    authorize(actor, "audit.read");
    return inWorkspace(actor, { workspaceId: t.workspace.id }, "Workspace");
  },
  "export.read": async (actor, t) => {
    authorize(actor, "export.read");
    return inWorkspace(actor, await db.decision.findUnique({ where: { id: anyDecision(t) } }), "Decision");
  },
  "share.create": async (actor, t) => {
    if (t === own) return createShareLink(actor, { decisionId: anyDecision(t), days: 7, ip: null });
    authorize(actor, "share.create");
    inWorkspace(actor, await db.decision.findUnique({ where: { id: anyDecision(t) } }), "Decision");
  },
  "settings.write": async (actor, t) => {
    if (t === own) return renameWorkspace(actor, `Renamed ${Date.now()}`, { ip: null });
    authorize(actor, "settings.write");
    inWorkspace(actor, { workspaceId: t.workspace.id }, "Workspace");
    await db.workspace.update({ where: { id: t.workspace.id }, data: { name: "hijacked" } });
  },
};

/** Everything a probe could touch, serialised; equal snapshots mean nothing changed. */
async function snapshot(): Promise<string> {
  const tables = await Promise.all([
    db.workspace.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.decision.findMany({ orderBy: { id: "asc" } }),
    db.score.findMany({ orderBy: { id: "asc" } }),
    db.fact.findMany({ orderBy: { id: "asc" } }),
    db.pairwiseJudgment.findMany({ orderBy: { id: "asc" } }),
    db.shareLink.findMany({ orderBy: { id: "asc" } }),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.skill.findMany({ orderBy: { id: "asc" } }),
    db.skillRating.findMany({ orderBy: { id: "asc" } }),
    db.skillRequirement.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(tables);
}

async function ensurePendingInvitation(ws: Seeded) {
  if (await db.invitation.count({ where: { workspaceId: ws.workspace.id, revokedAt: null } })) return;
  await db.invitation.create({
    data: {
      workspaceId: ws.workspace.id,
      role: "VIEWER",
      tokenHash: hashToken(generateToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

const WRITES = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !p.endsWith(".read"));

test("every permission has a probe and every listed role is a real role", () => {
  expect(Object.keys(probes).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  // ADMIN can do everything; VIEWER reads, exports and (unless the workspace switches it off) shares read-only links.
  for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can("ADMIN", p)).toBe(true);
  expect((Object.keys(PERMISSIONS) as Permission[]).filter((p) => can("VIEWER", p)).sort()).toEqual([
    "decision.read",
    "export.read",
    "share.create",
  ]);
});

const cases = (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) =>
  ROLES.flatMap((role) => (["own", "foreign"] as const).map((scope) => ({ permission, role, scope }))),
);

describe("authorisation matrix", () => {
  test.each(cases)("$permission × $role × $scope workspace", async ({ permission, role, scope }) => {
    const target = scope === "own" ? own : foreign;
    await ensurePendingInvitation(target);
    const actor = actorFor(role);
    const allowed = can(role, permission);
    const before = await snapshot();
    const outcome = await probes[permission](actor, target).then(
      () => "passed",
      (e: unknown) => e,
    );

    if (allowed && scope === "own") {
      expect(outcome).toBe("passed");
      if (WRITES.includes(permission)) expect(await snapshot()).not.toBe(before);
      return;
    }
    // Role check comes first, so a forbidden role learns nothing about ids; an allowed role gets "not found" for a
    // foreign id, exactly as for a missing one.
    expect(outcome).toMatchObject({ code: allowed ? "notFound" : "forbidden" });
    expect(await snapshot()).toBe(before);
  });
});

describe("foreign ids behave like missing ids", () => {
  test("changeRole with a foreign membership id and with a made-up id give the same error", async () => {
    const admin = actorFor("ADMIN");
    const foreignMembership = await db.membership.findFirstOrThrow({ where: { workspaceId: foreign.workspace.id } });
    const a = await changeRole(admin, { membershipId: foreignMembership.id, role: "VIEWER" }, { ip: null }).catch(
      (e) => e,
    );
    const b = await changeRole(admin, { membershipId: "does-not-exist", role: "VIEWER" }, { ip: null }).catch((e) => e);
    expect(a).toMatchObject({ code: "notFound" });
    expect(b).toMatchObject({ code: "notFound" });
    expect(a.message).toBe(b.message);
  });

  test("lists only ever show the actor's workspace", async () => {
    const members = (await listMembers(actorFor("ADMIN"))).items;
    const ownUserIds = new Set(own.users.values());
    expect(members.length).toBe(DEMO_USERS.length);
    for (const m of members) expect(ownUserIds.has(m.userId)).toBe(true);
  });
});
