import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setClock } from "@/lib/auth/clock";
import { DAY_MS } from "@/lib/auth/policy";
import { signIn, signUp } from "./accounts";
import type { Actor } from "./actor";
import { db } from "./db";

import {
  acceptInvitation,
  acceptInvitationWithSignUp,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./invitations";
import { changeRole, removeMember } from "./members";
import { validateSessionToken } from "./sessions";
import { listMyWorkspaces, switchWorkspace } from "./workspaces";

let time = new Date("2026-02-01T12:00:00Z").getTime();
let restore: () => void;
beforeAll(() => (restore = setClock(() => new Date(time))));
afterAll(() => restore());

const PASSWORD = "correct horse battery";
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let n = 0;

async function workspaceWithAdmin() {
  const email = `admin${++n}@example.com`;
  const s = await signUp({ name: `Admin ${n}`, email, password: PASSWORD, workspaceName: `Workspace ${n}` }, meta);
  const admin: Actor = { userId: s.userId, workspaceId: s.workspaceId!, role: "ADMIN" };
  return { admin, session: s, email };
}

describe("invitations", () => {
  test("a new person signs up through the link and gets exactly the invited role; the link is single-use", async () => {
    const { admin } = await workspaceWithAdmin();
    const inv = await createInvitation(admin, { role: "TEAM_LEAD", expiresInDays: 7 }, meta);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(stored.tokenHash).not.toBe(inv.token);
    expect(stored.expiresAt.getTime()).toBe(time + 7 * DAY_MS);
    expect(await previewInvitation(inv.token)).toMatchObject({
      status: "pending",
      role: "TEAM_LEAD",
      workspaceName: expect.any(String),
    });

    const joined = await acceptInvitationWithSignUp(
      inv.token,
      { name: "Nina New", email: `nina${n}@example.com`, password: PASSWORD },
      meta,
    );
    expect(joined.workspaceId).toBe(admin.workspaceId);
    const membership = await db.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: admin.workspaceId, userId: joined.userId } },
    });
    expect(membership.role).toBe("TEAM_LEAD");
    expect((await validateSessionToken(joined.token))?.activeWorkspaceId).toBe(admin.workspaceId);
    expect(await previewInvitation(inv.token)).toMatchObject({ status: "accepted" });

    await expect(
      acceptInvitationWithSignUp(inv.token, { name: "Late", email: `late${n}@example.com`, password: PASSWORD }, meta),
    ).rejects.toMatchObject({ code: "invitationUsed" });
    expect(await db.user.count({ where: { email: `late${n}@example.com` } })).toBe(0);
  });

  test("an existing signed-in user is attached to the workspace and can switch between workspaces", async () => {
    const { admin } = await workspaceWithAdmin();
    const other = await workspaceWithAdmin();
    const inv = await createInvitation(admin, { role: "ARCHITECT", expiresInDays: 1 }, meta);
    await acceptInvitation({ id: other.session.sessionId, userId: other.admin.userId }, inv.token, meta);

    const mine = await listMyWorkspaces(other.admin.userId);
    expect(mine.map((w) => [w.id, w.role])).toEqual([
      [other.admin.workspaceId, "ADMIN"],
      [admin.workspaceId, "ARCHITECT"],
    ]);
    expect((await validateSessionToken(other.session.token))?.activeWorkspaceId).toBe(admin.workspaceId);

    const session = { id: other.session.sessionId, userId: other.admin.userId, activeWorkspaceId: admin.workspaceId };
    await switchWorkspace(session, other.admin.workspaceId, meta);
    expect((await validateSessionToken(other.session.token))?.activeWorkspaceId).toBe(other.admin.workspaceId);
    expect(await db.auditEvent.count({ where: { action: "workspace.switched", actorId: other.admin.userId } })).toBe(1);

    // A workspace the user does not belong to is "not found".
    const stranger = await workspaceWithAdmin();
    await expect(switchWorkspace(session, stranger.admin.workspaceId, meta)).rejects.toMatchObject({
      code: "notFound",
    });
  });

  test("expired and revoked invitations cannot be used", async () => {
    const { admin } = await workspaceWithAdmin();
    const expiring = await createInvitation(admin, { role: "VIEWER", expiresInDays: 1 }, meta);
    const revoked = await createInvitation(admin, { role: "VIEWER", expiresInDays: 7 }, meta);
    await revokeInvitation(admin, revoked.id, meta);
    time += DAY_MS;
    expect(await previewInvitation(expiring.token)).toMatchObject({ status: "expired" });
    expect(await previewInvitation(revoked.token)).toMatchObject({ status: "revoked" });
    const statuses = Object.fromEntries((await listInvitations(admin)).map((i) => [i.id, i.status]));
    expect(statuses).toEqual({ [expiring.id]: "expired", [revoked.id]: "revoked" });
    for (const token of [expiring.token, revoked.token]) {
      await expect(
        acceptInvitationWithSignUp(token, { name: "X", email: `x${++n}@example.com`, password: PASSWORD }, meta),
      ).rejects.toMatchObject({ code: "invitationUsed" });
    }
    expect(await previewInvitation("A".repeat(43))).toBeNull();
    await expect(
      acceptInvitationWithSignUp("nonsense", { name: "X", email: `y${n}@example.com`, password: PASSWORD }, meta),
    ).rejects.toMatchObject({ code: "notFound" });
  });

  test("an existing member cannot join twice", async () => {
    const { admin, session } = await workspaceWithAdmin();
    const inv = await createInvitation(admin, { role: "VIEWER", expiresInDays: 7 }, meta);
    await expect(
      acceptInvitation({ id: session.sessionId, userId: admin.userId }, inv.token, meta),
    ).rejects.toMatchObject({ code: "alreadyMember" });
    expect(await previewInvitation(inv.token)).toMatchObject({ status: "pending" });
  });
});

describe("members and the last admin", () => {
  async function withMember(role: "ADMIN" | "VIEWER") {
    const ws = await workspaceWithAdmin();
    const inv = await createInvitation(ws.admin, { role, expiresInDays: 7 }, meta);
    const member = await acceptInvitationWithSignUp(
      inv.token,
      { name: "Mo Member", email: `mo${++n}@example.com`, password: PASSWORD },
      meta,
    );
    const membership = await db.membership.findFirstOrThrow({ where: { userId: member.userId } });
    const adminMembership = await db.membership.findFirstOrThrow({ where: { userId: ws.admin.userId } });
    return { ...ws, member, membership, adminMembership };
  }

  test("the last admin can be neither demoted nor removed", async () => {
    const { admin, adminMembership } = await withMember("VIEWER");
    await expect(
      changeRole(admin, { membershipId: adminMembership.id, role: "ARCHITECT" }, meta),
    ).rejects.toMatchObject({ code: "lastAdmin" });
    await expect(removeMember(admin, { membershipId: adminMembership.id }, meta)).rejects.toMatchObject({
      code: "lastAdmin",
    });
    expect((await db.membership.findUniqueOrThrow({ where: { id: adminMembership.id } })).role).toBe("ADMIN");
  });

  test("with a second admin, the first may step down; the role change is audited with before/after", async () => {
    const { admin, adminMembership, membership } = await withMember("ADMIN");
    await changeRole(admin, { membershipId: adminMembership.id, role: "ARCHITECT" }, meta);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "member.role_changed", entityId: adminMembership.id },
    });
    expect(event.before).toMatchObject({ role: "ADMIN" });
    expect(event.after).toMatchObject({ role: "ARCHITECT" });
    // Now the invited admin is the last one.
    const second: Actor = { userId: membership.userId, workspaceId: admin.workspaceId, role: "ADMIN" };
    await expect(changeRole(second, { membershipId: membership.id, role: "VIEWER" }, meta)).rejects.toMatchObject({
      code: "lastAdmin",
    });
  });

  test("removing a member clears their sessions' active workspace and they lose access at once", async () => {
    const { admin, member, membership } = await withMember("VIEWER");
    await removeMember(admin, { membershipId: membership.id }, meta);
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(0);
    const session = await validateSessionToken(member.token);
    expect(session?.activeWorkspaceId).toBeNull();
    expect(await listMyWorkspaces(member.userId)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "member.removed", entityId: membership.id } })).toBe(1);
    // Signing in again still works; they just have no workspace.
    const { email } = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
    const again = await signIn({ email, password: PASSWORD }, meta);
    expect(again.workspaceId).toBeNull();
  });
});

describe("leaving a workspace", () => {
  test("a member may leave; the last admin may not", async () => {
    const { leaveWorkspace } = await import("./members");
    const ws = await workspaceWithAdmin();
    const inv = await createInvitation(ws.admin, { role: "ARCHITECT", expiresInDays: 7 }, meta);
    const member = await acceptInvitationWithSignUp(
      inv.token,
      { name: "Lee Leaver", email: `lee${++n}@example.com`, password: PASSWORD },
      meta,
    );
    await expect(leaveWorkspace(ws.admin.userId, ws.admin.workspaceId, meta)).rejects.toMatchObject({
      code: "lastAdmin",
    });
    await leaveWorkspace(member.userId, ws.admin.workspaceId, meta);
    expect(await listMyWorkspaces(member.userId)).toEqual([]);
    expect((await validateSessionToken(member.token))?.activeWorkspaceId).toBeNull();
    await expect(leaveWorkspace(member.userId, ws.admin.workspaceId, meta)).rejects.toMatchObject({ code: "notFound" });
  });
});
