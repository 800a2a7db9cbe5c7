import "server-only";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import { now } from "@/lib/auth/clock";
import type { ReportBundle } from "@/lib/export/bundle";
import type { Actor } from "./actor";
import { authorize, can } from "./authz";
import { recordAudit } from "./audit";
import { db, writeTransaction } from "./db";
import { forbidden, notFound } from "@/lib/errors/domain-error";
import { loadReportBundle } from "./exports";

// Read-only links to one decision's report. Only SHA-256(token) is stored; the token is shown once at creation. A
// link opens exactly one page (/share/[token]) that renders that decision's report; nothing else accepts it.

export const SHARE_EXPIRY_DAYS = [1, 7, 30, 90] as const;
const DAY = 86_400_000;

export interface ShareLinkView {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  createdByName: string | null;
  state: "active" | "expired" | "revoked";
}

/**
 * Whether the actor may create share links in their workspace: the role table says who, and for viewers the
 * workspace's switch must be on as well. Pages use it to show the form; createShareLink enforces it.
 */
export async function mayCreateShareLinks(actor: Actor): Promise<boolean> {
  if (!can(actor.role, "share.create")) return false;
  if (actor.role !== "VIEWER") return true;
  const ws = await db.workspace.findUnique({ where: { id: actor.workspaceId }, select: { viewerShareLinks: true } });
  return ws?.viewerShareLinks === true;
}

export async function createShareLink(
  actor: Actor,
  input: { decisionId: string; days: number; ip?: string | null },
): Promise<{ id: string; token: string; expiresAt: string }> {
  authorize(actor, "share.create");
  const token = generateToken();
  return writeTransaction(async (tx) => {
    if (actor.role === "VIEWER") {
      // Read inside the write transaction, so a switch turned off a moment ago is already in force.
      const ws = await tx.workspace.findUnique({
        where: { id: actor.workspaceId },
        select: { viewerShareLinks: true },
      });
      if (!ws?.viewerShareLinks) throw forbidden("share.create");
    }
    const d = await tx.decision.findFirst({
      where: { id: input.decisionId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!d) throw notFound("decision");
    const expiresAt = new Date(now().getTime() + input.days * DAY);
    const link = await tx.shareLink.create({
      data: { decisionId: d.id, tokenHash: hashToken(token), createdById: actor.userId, expiresAt, createdAt: now() },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "share_link.created",
      entityType: "ShareLink",
      entityId: link.id,
      after: { decisionId: d.id, expiresAt: expiresAt.toISOString(), role: actor.role },
      ip: input.ip,
    });
    return { id: link.id, token, expiresAt: expiresAt.toISOString() };
  });
}

export async function revokeShareLink(actor: Actor, input: { linkId: string; ip?: string | null }): Promise<void> {
  authorize(actor, "decision.write");
  await writeTransaction(async (tx) => {
    const link = await tx.shareLink.findFirst({
      where: { id: input.linkId, decision: { workspaceId: actor.workspaceId } },
    });
    if (!link) throw notFound("shareLink");
    if (link.revokedAt) return;
    const revokedAt = now();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "share_link.revoked",
      entityType: "ShareLink",
      entityId: link.id,
      before: { decisionId: link.decisionId },
      after: { decisionId: link.decisionId, revokedAt: revokedAt.toISOString() },
      ip: input.ip,
    });
  });
}

/** The links of a decision (dates and who made them, never a token): for everyone who may create one. */
export async function listShareLinks(actor: Actor, decisionId: string): Promise<ShareLinkView[]> {
  authorize(actor, "share.create");
  const rows = await db.shareLink.findMany({
    where: { decisionId, decision: { workspaceId: actor.workspaceId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const people = await db.user.findMany({
    where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const t = now().getTime();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdByName: r.createdById ? (names.get(r.createdById) ?? null) : null,
    state: r.revokedAt ? "revoked" : r.expiresAt.getTime() <= t ? "expired" : "active",
  }));
}

/**
 * The report behind a share token, or null when the token is malformed, unknown, revoked or expired (all the same to
 * the visitor). The report is read with a VIEWER actor confined to the link's workspace, and only for the link's
 * decision id, so the token reaches nothing else.
 */
export async function loadSharedReport(token: string): Promise<{ bundle: ReportBundle; expiresAt: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { decision: { select: { id: true, workspaceId: true } } },
  });
  if (!link || link.revokedAt || link.expiresAt.getTime() <= now().getTime()) return null;
  const reader: Actor = { userId: `share:${link.id}`, workspaceId: link.decision.workspaceId, role: "VIEWER" };
  const bundle = await loadReportBundle(reader, link.decision.id, "decision.read");
  return { bundle, expiresAt: link.expiresAt.toISOString() };
}
