import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { now } from "@/lib/auth/clock";
import { hashPassword } from "@/lib/auth/password";
import { DAY_MS } from "@/lib/auth/policy";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { InviteSignUpInput } from "@/lib/validation/auth";
import { createPasswordUser, type SignedIn } from "./accounts";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { db, writeTransaction } from "./db";
import { notFound, conflict } from "@/lib/errors/domain-error";
import { createSession } from "./sessions";

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export interface InvitationView {
  id: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  createdByName: string | null;
}

function statusOf(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  at: Date,
): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  return inv.expiresAt.getTime() <= at.getTime() ? "expired" : "pending";
}

/** Creates a single-use link. The token is returned once (to show the admin) and only its hash is stored. */
export async function createInvitation(
  actor: Actor,
  input: { role: Role; expiresInDays: number },
  meta: { ip: string | null },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  authorize(actor, "invitation.manage");
  const token = generateToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + input.expiresInDays * DAY_MS);
  const id = await writeTransaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        workspaceId: actor.workspaceId,
        role: input.role,
        tokenHash: hashToken(token),
        createdById: actor.userId,
        expiresAt,
        createdAt: at,
      },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.created",
      entityType: "Invitation",
      entityId: inv.id,
      after: { role: input.role, expiresAt: expiresAt.toISOString() },
      ip: meta.ip,
    });
    return inv.id;
  });
  return { id, token, expiresAt };
}

export async function listInvitations(actor: Actor): Promise<InvitationView[]> {
  authorize(actor, "invitation.manage");
  const rows = await db.invitation.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const creators = new Map(
    (await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const at = now();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    status: statusOf(r, at),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdById ? (creators.get(r.createdById) ?? null) : null,
  }));
}

export async function revokeInvitation(actor: Actor, invitationId: string, meta: { ip: string | null }): Promise<void> {
  authorize(actor, "invitation.manage");
  await writeTransaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId: actor.workspaceId } });
    if (!inv) throw notFound("Invitation");
    if (inv.acceptedAt || inv.revokedAt) throw conflict("invitationUsed");
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: now() } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.revoked",
      entityType: "Invitation",
      entityId: inv.id,
      before: { role: inv.role },
      ip: meta.ip,
    });
  });
}

export interface InvitationPreview {
  status: InvitationStatus;
  workspaceName: string;
  role: Role;
  expiresAt: string;
}

/** What the invitation page shows; null for a token that matches nothing. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  if (!isWellFormedToken(token)) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { workspace: { select: { name: true } } },
  });
  if (!inv) return null;
  return {
    status: statusOf(inv, now()),
    workspaceName: inv.workspace.name,
    role: inv.role,
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/** Loads a usable invitation inside a write transaction (so it cannot be used twice concurrently). */
async function usableInvitation(tx: TransactionClient, token: string) {
  const inv = isWellFormedToken(token)
    ? await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } })
    : null;
  if (!inv) throw notFound("Invitation");
  if (statusOf(inv, now()) !== "pending") throw conflict("invitationUsed");
  return inv;
}

async function join(
  tx: TransactionClient,
  inv: { id: string; workspaceId: string; role: Role },
  userId: string,
  ip: string | null,
) {
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId } },
  });
  if (existing) throw conflict("alreadyMember");
  const membership = await tx.membership.create({ data: { workspaceId: inv.workspaceId, userId, role: inv.role } });
  await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: now(), acceptedBy: userId } });
  await recordAudit(tx, {
    workspaceId: inv.workspaceId,
    actorId: userId,
    action: "invitation.accepted",
    entityType: "Invitation",
    entityId: inv.id,
    after: { membershipId: membership.id, role: inv.role },
    ip,
  });
}

/** A signed-in user joins; their session switches to the new workspace. */
export async function acceptInvitation(
  session: { id: string; userId: string },
  token: string,
  meta: { ip: string | null },
): Promise<{ workspaceId: string }> {
  return writeTransaction(async (tx) => {
    const inv = await usableInvitation(tx, token);
    await join(tx, inv, session.userId, meta.ip);
    await tx.session.update({ where: { id: session.id }, data: { activeWorkspaceId: inv.workspaceId } });
    return { workspaceId: inv.workspaceId };
  });
}

/** A new person signs up through the link: user + account + membership with the invited role + session. */
export async function acceptInvitationWithSignUp(
  token: string,
  input: InviteSignUpInput,
  meta: { ip: string; userAgent: string | null },
): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const inv = await usableInvitation(tx, token);
    const user = await createPasswordUser(tx, { name: input.name, email: input.email, passwordHash });
    await recordAudit(tx, {
      workspaceId: inv.workspaceId,
      actorId: user.id,
      action: "auth.sign_up",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name },
      ip: meta.ip,
    });
    await join(tx, inv, user.id, meta.ip);
    const session = await createSession(tx, { userId: user.id, activeWorkspaceId: inv.workspaceId, ...meta });
    return { ...session, userId: user.id, workspaceId: inv.workspaceId };
  });
}
