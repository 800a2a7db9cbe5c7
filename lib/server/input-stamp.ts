import "server-only";
// One small read that tells whether anything a decision's reads are computed from has changed: the decision's own row,
// its team's row, and the three revision counters the database triggers keep (lib/db/input-revisions.ts). Two equal
// stamps mean the same criteria, candidates, scores, facts, judgments, requirements, team ratings, skills and people's
// names — whichever instance, action, import or script wrote them — so a read computed under one stamp may be served
// under it (lib/server/read-memo.ts).
import type { Actor } from "./actor";
import { can } from "./authz";
import { blindScoringOn } from "./blind";
import { db } from "./db";

export interface InputStamp {
  /** Everything the stamp read, as one string: the cache key's content part. */
  key: string;
  decision: { id: string; title: string; status: string; settings: unknown };
}

/** The stamp of a decision of the actor's workspace, or null when there is none (another workspace's is none). */
export async function readInputStamp(actor: Actor, decisionId: string): Promise<InputStamp | null> {
  // One statement (Prisma would send three): it is read before every memoised read, hit or miss.
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d.*, w."inputsRevision" AS "workspaceRevision", t."name" AS "teamName", t."description" AS "teamDescription",
      t."aggregation" AS "teamAggregation", t."version" AS "teamVersion", t."inputsRevision" AS "teamRevision",
      t."updatedAt" AS "teamUpdatedAt"
    FROM "Decision" d
    JOIN "Workspace" w ON w."id" = d."workspaceId"
    LEFT JOIN "Team" t ON t."id" = d."teamId"
    WHERE d."id" = ${decisionId} AND d."workspaceId" = ${actor.workspaceId}`;
  const d = rows[0];
  if (!d) return null;
  // SQLite hands JSON columns back as text, PostgreSQL as a value.
  const settings = typeof d.settings === "string" ? (JSON.parse(d.settings) as unknown) : d.settings;
  return {
    key: JSON.stringify(d, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    decision: { id: String(d.id), title: String(d.title), status: String(d.status), settings },
  };
}

/**
 * Whose eyes a read is for. Everyone sees the same scores except a scorer of an open decision under blind scoring
 * (lib/server/blind.ts), who may see only their own: such a read is theirs alone. The role is part of it, since what
 * a role may see (the evaluators' e-mail addresses, for one) differs.
 */
export function viewOf(actor: Actor, stamp: InputStamp): string {
  const { status, settings } = stamp.decision;
  const open = status === "DRAFT" || status === "IN_REVIEW";
  const personal = blindScoringOn(settings) && open && can(actor.role, "score.write");
  return personal ? `${actor.role}:${actor.userId}` : actor.role;
}
