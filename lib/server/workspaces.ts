import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { db, writeTransaction } from "./db";
import { notFound } from "@/lib/errors/domain-error";

export interface WorkspaceChoice {
  id: string;
  name: string;
  role: Role;
}

/** The workspaces a user belongs to, oldest membership first (the default when a session has none active). */
export async function listMyWorkspaces(userId: string): Promise<WorkspaceChoice[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, workspace: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ id: r.workspace.id, name: r.workspace.name, role: r.role }));
}

/** Points the session at another workspace the user belongs to; any other id is "not found". */
export async function switchWorkspace(
  session: { id: string; userId: string; activeWorkspaceId: string | null },
  workspaceId: string,
  meta: { ip: string | null },
): Promise<void> {
  await writeTransaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId: session.userId } },
    });
    if (!membership) throw notFound("Workspace");
    await tx.session.update({ where: { id: session.id }, data: { activeWorkspaceId: workspaceId } });
    await recordAudit(tx, {
      workspaceId,
      actorId: session.userId,
      action: "workspace.switched",
      entityType: "Session",
      entityId: session.id,
      before: { workspaceId: session.activeWorkspaceId },
      after: { workspaceId },
      ip: meta.ip,
    });
  });
}

export async function getWorkspaceName(actor: Actor): Promise<string> {
  const ws = await db.workspace.findUnique({ where: { id: actor.workspaceId }, select: { name: true } });
  if (!ws) throw notFound("Workspace");
  return ws.name;
}

export async function renameWorkspace(actor: Actor, name: string, meta: { ip: string | null }): Promise<void> {
  authorize(actor, "settings.write");
  await writeTransaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: actor.workspaceId }, select: { name: true } });
    if (!before) throw notFound("Workspace");
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { name, version: { increment: 1 } } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "workspace.renamed",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      before,
      after: { name },
      ip: meta.ip,
    });
  });
}

export interface WorkspaceSettings {
  name: string;
  viewerShareLinks: boolean;
}

export async function getWorkspaceSettings(actor: Actor): Promise<WorkspaceSettings> {
  authorize(actor, "settings.write");
  const ws = await db.workspace.findUnique({
    where: { id: actor.workspaceId },
    select: { name: true, viewerShareLinks: true },
  });
  if (!ws) throw notFound("Workspace");
  return ws;
}

/** Switches whether viewers may create share links (existing links stay valid until revoked or expired). */
export async function setViewerShareLinks(actor: Actor, enabled: boolean, meta: { ip: string | null }): Promise<void> {
  authorize(actor, "settings.write");
  await writeTransaction(async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: actor.workspaceId },
      select: { viewerShareLinks: true },
    });
    if (!before) throw notFound("Workspace");
    if (before.viewerShareLinks === enabled) return;
    await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { viewerShareLinks: enabled, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "workspace.settings_changed",
      entityType: "Workspace",
      entityId: actor.workspaceId,
      before,
      after: { viewerShareLinks: enabled },
      ip: meta.ip,
    });
  });
}

/** The sign-in page mentions the demo accounts only when the demo workspace was seeded (never with STACKWISE_DEMO=off). */
export async function hasDemoWorkspace(): Promise<boolean> {
  return (await db.workspace.count({ where: { isDemo: true } })) > 0;
}
