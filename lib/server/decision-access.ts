import "server-only";
import type { Actor } from "./actor";
import { authorize, type Permission } from "./authz";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { DecisionStatus } from "@/lib/validation/enums";
import { notFound, locked } from "@/lib/errors/domain-error";
import { db } from "./db";

export interface DecisionRef {
  id: string;
  workspaceId: string;
  teamId: string | null;
  status: DecisionStatus;
  archivedAt: Date | null;
  version: number;
}

/**
 * The guard every write to a decision or its parts goes through: the permission, the workspace (a foreign id is a
 * missing id) and the lock. Pass the transaction client when called inside writeTransaction.
 */
export async function loadEditableDecision(
  actor: Actor,
  decisionId: string,
  permission: Permission,
  client: TransactionClient = db,
): Promise<DecisionRef> {
  authorize(actor, permission);
  const d = await client.decision.findFirst({
    where: { id: decisionId, workspaceId: actor.workspaceId },
    select: { id: true, workspaceId: true, teamId: true, status: true, archivedAt: true, version: true },
  });
  if (!d) throw notFound("decision");
  if (d.status === "DECIDED" || d.status === "SUPERSEDED") throw locked(d.status);
  return d;
}

/** The team id when the team is in the actor's workspace (null stays null); a foreign or missing team is NotFound. */
export async function teamInWorkspace(
  tx: TransactionClient,
  actor: Actor,
  teamId: string | null,
): Promise<string | null> {
  if (teamId === null) return null;
  const team = await tx.team.findFirst({ where: { id: teamId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!team) throw notFound("team");
  return team.id;
}
