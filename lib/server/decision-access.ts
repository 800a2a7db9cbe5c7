import "server-only";
import type { Actor } from "./actor";
import { authorize, type Permission } from "./authz";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { DecisionStatus } from "@/lib/validation/enums";
import { NotFoundError } from "./errors";
import { db } from "./db";

/** A decided or superseded decision is read-only until reopened (reopening is itself an audited status change). */
export class DecisionLockedError extends Error {
  readonly status = 409;
  constructor(readonly decisionStatus: string) {
    super(`Decision is ${decisionStatus}; reopen it to edit`);
    this.name = "DecisionLockedError";
  }
}

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
  if (!d) throw new NotFoundError("decision");
  if (d.status === "DECIDED" || d.status === "SUPERSEDED") throw new DecisionLockedError(d.status);
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
  if (!team) throw new NotFoundError("team");
  return team.id;
}
