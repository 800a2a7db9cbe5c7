import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TransactionClient } from "@/lib/db/write-queue";
import { now } from "@/lib/auth/clock";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { db } from "./db";
import { AUDIT_COUNT_CAP, AUDIT_PAGE_SIZE } from "@/lib/validation/audit";
import { encodeKeyset, type Keyset } from "./paging";

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

export interface AuditPage {
  events: AuditEventView[];
  /** Cursor of the page of newer events, null on the newest page. */
  newer: string | null;
  /** Cursor of the page of older events, null on the oldest page. */
  older: string | null;
  /** Events in the workspace's trail, counted up to AUDIT_COUNT_CAP + 1 (capped: there are at least that many). */
  total: number;
  totalCapped: boolean;
}

/**
 * One page of the workspace's trail, newest first, by keyset: from the start, from a cursor (older or newer than the
 * row it names), or from the newest event on or before a UTC day. Four indexed statements whatever the trail's size
 * or the page's depth — the rows (one past the limit, to know whether more follow), the probe for the other
 * direction, the capped count and the actors. A newer page that reaches the top is the first page, so the newest
 * page is always full.
 */
export async function listAuditEvents(
  actor: Actor,
  query: { keyset?: Keyset | null; until?: string; limit?: number } = {},
): Promise<AuditPage> {
  authorize(actor, "audit.read");
  const limit = query.limit ?? AUDIT_PAGE_SIZE;
  const workspaceId = actor.workspaceId;
  let keyset = query.keyset ?? null;
  // "On or before day D" is "older than the first instant of D + 1"; the empty id sorts before every real one, so
  // events at that very instant fall outside.
  if (!keyset && query.until) {
    const next = new Date(`${query.until}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    keyset = { at: next, id: "", dir: "older" };
  }

  const [read, counted] = await Promise.all([
    readPast(workspaceId, keyset, limit + 1),
    // Ordered by the indexed column: without an orderBy Prisma orders the capped subquery by id, and SQLite then
    // walks the whole table in id order to find this workspace's first 10,001 (8 s on 2M events).
    db.auditEvent.count({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: AUDIT_COUNT_CAP + 1 }),
  ]);
  let rows = read;
  if (keyset?.dir === "newer" && rows.length <= limit) {
    // The top of the trail: show the first page itself rather than a short one.
    keyset = null;
    rows = await readPast(workspaceId, null, limit + 1);
  }
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (keyset?.dir === "newer") page.reverse();

  const first = page[0];
  const last = page[page.length - 1];
  // Whether anything lies beyond the page on the side the rows were not read from.
  const hasNewer = !keyset
    ? false
    : keyset.dir === "newer"
      ? more
      : first !== undefined && (await probe(workspaceId, { at: first.createdAt, id: first.id, dir: "newer" }));
  const hasOlder = !keyset
    ? more
    : keyset.dir === "older"
      ? more
      : last !== undefined && (await probe(workspaceId, { at: last.createdAt, id: last.id, dir: "older" }));
  const actors = await actorsOf(page.map((r) => r.actorId));

  return {
    events: page.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actorName: (r.actorId && actors.get(r.actorId)?.name) ?? null,
      actorEmail: (r.actorId && actors.get(r.actorId)?.email) ?? null,
      before: r.before,
      after: r.after,
      ipAddress: r.ipAddress,
      createdAt: r.createdAt.toISOString(),
    })),
    newer: hasNewer && first ? encodeKeyset({ at: first.createdAt, id: first.id, dir: "newer" }) : null,
    older: hasOlder && last ? encodeKeyset({ at: last.createdAt, id: last.id, dir: "older" }) : null,
    total: Math.min(counted, AUDIT_COUNT_CAP),
    totalCapped: counted > AUDIT_COUNT_CAP,
  };
}

/**
 * Rows strictly past a keyset in its direction, nearest first (older: newest-first order; newer: oldest-first). Written
 * as a range on createdAt with the tie on id excluded, which the (workspaceId, createdAt) index serves directly.
 */
function readPast(workspaceId: string, k: Keyset | null, take: number) {
  return db.auditEvent.findMany({
    where: { workspaceId, ...(k ? pastWhere(k) : {}) },
    orderBy: k?.dir === "newer" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

function pastWhere(k: Keyset): Prisma.AuditEventWhereInput {
  return k.dir === "older"
    ? { createdAt: { lte: k.at }, NOT: { createdAt: k.at, id: { gte: k.id } } }
    : { createdAt: { gte: k.at }, NOT: { createdAt: k.at, id: { lte: k.id } } };
}

async function probe(workspaceId: string, k: Keyset): Promise<boolean> {
  const row = await db.auditEvent.findFirst({ where: { workspaceId, ...pastWhere(k) }, select: { id: true } });
  return row !== null;
}

async function actorsOf(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { name: string; email: string }>();
  const users = await db.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u]));
}
