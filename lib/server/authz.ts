import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { ROLES } from "@/lib/validation/enums";
import type { Actor } from "./actor";
import { notFound, forbidden } from "@/lib/errors/domain-error";

/** Re-exported so components name a role without importing Prisma. */
export type { Role };

const ALL: readonly Role[] = ROLES;

/**
 * The one table of who may do what. Every data-access function calls authorize() with one of these keys before it
 * reads or writes; nothing else decides permissions. ADMIN can do everything ARCHITECT can (and manages the
 * workspace); TEAM_LEAD owns teams and skills; VIEWER reads and exports.
 */
export const PERMISSIONS = {
  "decision.read": ALL,
  "decision.write": ["ADMIN", "ARCHITECT"],
  "score.write": ["ADMIN", "ARCHITECT"],
  /** Measured values (facts) are entered by the people who frame and score the decision, once for everybody. */
  "fact.write": ["ADMIN", "ARCHITECT"],
  "ahp.write": ["ADMIN", "ARCHITECT"],
  "team.write": ["ADMIN", "TEAM_LEAD"],
  "skill.write": ["ADMIN", "TEAM_LEAD"],
  "rating.write": ["ADMIN", "TEAM_LEAD"],
  "requirement.write": ["ADMIN", "TEAM_LEAD"],
  "member.manage": ["ADMIN"],
  "invitation.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "export.read": ALL,
  /**
   * Read-only share links: forwarding a decision is a manager's (viewer's) job too. Viewers hold it only while their
   * workspace's `viewerShareLinks` switch is on; lib/server/share-links.ts checks that on top.
   */
  "share.create": ["ADMIN", "ARCHITECT", "VIEWER"],
  "settings.write": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws AuthorizationError (→ 403) unless the actor's role in their active workspace grants the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden(permission);
}

/**
 * Use on every row loaded by an id that came from the client: a row from another workspace is treated exactly like a
 * missing one (NotFoundError → 404), so ids never reveal what exists elsewhere. Prefer scoping the query itself
 * (`where: { id, workspaceId: actor.workspaceId }`) and passing its result here.
 */
export function inWorkspace<T extends { workspaceId: string }>(
  actor: Actor,
  row: T | null | undefined,
  entity: string,
): T {
  if (!row || row.workspaceId !== actor.workspaceId) throw notFound(entity);
  return row;
}
