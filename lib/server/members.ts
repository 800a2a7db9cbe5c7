import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { PAGE_SIZE, paged, type Paged } from "./paging";
import { db, writeTransaction } from "./db";
import { notFound, conflict } from "@/lib/errors/domain-error";

export interface MemberView {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  version: number;
  joinedAt: string;
}

/** One page of the workspace's members, in the order they joined. */
export async function listMembers(actor: Actor, page = 1): Promise<Paged<MemberView>> {
  authorize(actor, "member.manage");
  const where = { workspaceId: actor.workspaceId };
  const result = await paged(
    page,
    PAGE_SIZE,
    () => db.membership.count({ where }),
    (window) =>
      db.membership.findMany({
        where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...window,
        include: { user: { select: { name: true, email: true } } },
      }),
  );
  return {
    ...result,
    items: result.items.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      version: m.version,
      joinedAt: m.createdAt.toISOString(),
    })),
  };
}

/** Loads a membership of the actor's workspace; one from another workspace is "not found", like a missing id. */
async function membershipInWorkspace(tx: TransactionClient, actor: Actor, membershipId: string) {
  const m = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: actor.workspaceId } });
  if (!m) throw notFound("Membership");
  return m;
}

/** A workspace must always keep one admin, or nobody could manage it again. Checked inside the write transaction. */
async function assertNotLastAdmin(tx: TransactionClient, workspaceId: string, membership: { role: Role }) {
  if (membership.role !== "ADMIN") return;
  const admins = await tx.membership.count({ where: { workspaceId, role: "ADMIN" } });
  if (admins <= 1) throw conflict("lastAdmin");
}

export async function changeRole(
  actor: Actor,
  input: { membershipId: string; role: Role },
  meta: { ip: string | null },
): Promise<void> {
  authorize(actor, "member.manage");
  await writeTransaction(async (tx) => {
    const m = await membershipInWorkspace(tx, actor, input.membershipId);
    if (m.role === input.role) return;
    if (input.role !== "ADMIN") await assertNotLastAdmin(tx, actor.workspaceId, m);
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role, version: { increment: 1 } } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "Membership",
      entityId: m.id,
      before: { userId: m.userId, role: m.role },
      after: { userId: m.userId, role: input.role },
      ip: meta.ip,
    });
  });
}

/**
 * Removes a member (an admin may remove themselves unless they are the last admin). Their sessions that were
 * working in this workspace lose it at once; currentActor() also re-reads membership on every request.
 */
export async function removeMember(
  actor: Actor,
  input: { membershipId: string },
  meta: { ip: string | null },
): Promise<void> {
  authorize(actor, "member.manage");
  await writeTransaction(async (tx) => {
    const m = await membershipInWorkspace(tx, actor, input.membershipId);
    await assertNotLastAdmin(tx, actor.workspaceId, m);
    await tx.membership.delete({ where: { id: m.id } });
    await tx.session.updateMany({
      where: { userId: m.userId, activeWorkspaceId: actor.workspaceId },
      data: { activeWorkspaceId: null },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "member.removed",
      entityType: "Membership",
      entityId: m.id,
      before: { userId: m.userId, role: m.role },
      ip: meta.ip,
    });
  });
}

/** Any member may leave a workspace they belong to, except its last admin (who must hand over first). */
export async function leaveWorkspace(userId: string, workspaceId: string, meta: { ip: string | null }): Promise<void> {
  await writeTransaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!m) throw notFound("Membership");
    await assertNotLastAdmin(tx, workspaceId, m);
    await tx.membership.delete({ where: { id: m.id } });
    await tx.session.updateMany({
      where: { userId, activeWorkspaceId: workspaceId },
      data: { activeWorkspaceId: null },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "member.left",
      entityType: "Membership",
      entityId: m.id,
      before: { userId, role: m.role },
      ip: meta.ip,
    });
  });
}
