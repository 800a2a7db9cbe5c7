import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TransactionClient } from "@/lib/db/write-queue";
import { now } from "@/lib/auth/clock";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { db } from "./db";
import { paged } from "./paging";

export interface AuditInput {
  workspaceId: string | null;
  actorId: string | null;
  /** dotted verb, e.g. "auth.sign_in", "member.role_changed" */
  action: string;
  entityType: string;
  entityId?: string | null;
  /**
   * The decision the event belongs to, for the decision's change summary. Derived when omitted: the entity itself
   * for a Decision event, else a `decisionId` in after/before (or in a removal snapshot's `row`).
   */
  decisionId?: string | null;
  /** Plain data only, never secrets (no password or token hashes). */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends one event inside the caller's transaction, so the trail and the change commit or fail together. */
export async function recordAudit(tx: TransactionClient, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      decisionId: event.decisionId ?? auditDecisionId(event),
      before: toJson(event.before),
      after: toJson(event.after),
      ipAddress: event.ip ?? null,
      createdAt: now(),
    },
  });
}

/** The decision an event names: the one rule recordAudit applies and the migration's backfill mirrors. */
export function auditDecisionId(e: Pick<AuditInput, "entityType" | "entityId" | "before" | "after">): string | null {
  const rec = (v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return (
    str(rec(e.after).decisionId) ??
    str(rec(e.before).decisionId) ??
    str(rec(rec(e.before).row).decisionId) ??
    (e.entityType === "Decision" ? (e.entityId ?? null) : null)
  );
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventView {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
  ipAddress: string | null;
  /** ISO 8601, UTC */
  createdAt: string;
}

export async function listAuditEvents(
  actor: Actor,
  page: number,
): Promise<{ events: AuditEventView[]; page: number; pageCount: number; total: number }> {
  authorize(actor, "audit.read");
  const where = { workspaceId: actor.workspaceId };
  const { items, ...window } = await paged(
    page,
    AUDIT_PAGE_SIZE,
    () => db.auditEvent.count({ where }),
    (w) =>
      db.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...w,
        include: { actor: { select: { name: true, email: true } } },
      }),
  );
  return {
    ...window,
    events: items.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: r.actor?.name ?? null,
      actorEmail: r.actor?.email ?? null,
      before: r.before,
      after: r.after,
      ipAddress: r.ipAddress,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
