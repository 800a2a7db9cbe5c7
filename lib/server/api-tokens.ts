import "server-only";
// Personal access tokens for /api/v1. A token is one user's access to one workspace, narrowed by scopes: the API
// resolves it to the same Actor a session gives (role read from the membership on every request, so a role change
// or removal takes effect at once) and every call still goes through the data layer's authorize(). The secret is
// `sw_pat_` + 32 random bytes (base64url), shown once; only its SHA-256 is stored. Managing tokens is self-service,
// like one's own name and password: every member, for themselves, in the active workspace (no PERMISSIONS key; a
// token cannot mint tokens, the API has no token operations).
import { now } from "@/lib/auth/clock";
import { DAY_MS } from "@/lib/auth/policy";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { fieldErrors, notFound } from "@/lib/errors/domain-error";
import { API_TOKEN_PREFIX, parseScopes, type ApiScope, type CreateApiTokenInput } from "@/lib/validation/api-token";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { db, writeTransaction } from "./db";

export interface ApiTokenView {
  id: string;
  name: string;
  /** `sw_pat_` and the first characters of the secret: enough to recognise it, useless to an attacker. */
  hint: string;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
}

/** A token the API accepted: who acts, and what the token allows on top of the role. */
export interface ApiPrincipal {
  actor: Actor;
  tokenId: string;
  scopes: ApiScope[];
}

const TOKEN_RE = /^sw_pat_[A-Za-z0-9_-]{43}$/;

function stateOf(r: { expiresAt: Date; revokedAt: Date | null }, at: Date): ApiTokenView["state"] {
  if (r.revokedAt) return "revoked";
  return r.expiresAt <= at ? "expired" : "active";
}

/** The actor's own tokens in the active workspace, newest first. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { workspaceId: actor.workspaceId, userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const at = now();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hint: r.hint,
    scopes: parseScopes(r.scopes),
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    state: stateOf(r, at),
  }));
}

/** Creates a token and returns its secret, the only time it exists outside the caller's hands. */
export async function createApiToken(
  actor: Actor,
  input: CreateApiTokenInput,
  meta: { ip: string | null } = { ip: null },
): Promise<{ id: string; token: string; expiresAt: string }> {
  // A scope can only narrow: "admin" (audit trail) is for admins, whose role reads it anyway.
  if (input.scopes.includes("admin") && actor.role !== "ADMIN") throw fieldErrors({ scopes: "scopeAdminOnly" });
  const token = API_TOKEN_PREFIX + generateToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + input.days * DAY_MS);
  const scopes = [...new Set(input.scopes)];
  const id = await writeTransaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        hint: token.slice(0, API_TOKEN_PREFIX.length + 4),
        scopes: scopes.join(" "),
        expiresAt,
        createdAt: at,
      },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: input.name, scopes, expiresAt: expiresAt.toISOString() },
      ip: meta.ip,
    });
    return row.id;
  });
  return { id, token, expiresAt: expiresAt.toISOString() };
}

/** Revokes one of the actor's own tokens; revoking it again changes nothing. Another user's token is a 404. */
export async function revokeApiToken(
  actor: Actor,
  tokenId: string,
  meta: { ip: string | null } = { ip: null },
): Promise<void> {
  await writeTransaction(async (tx) => {
    const row = await tx.apiToken.findFirst({
      where: { id: tokenId, workspaceId: actor.workspaceId, userId: actor.userId },
    });
    if (!row) throw notFound("ApiToken");
    if (row.revokedAt) return;
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: now() } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "api_token.revoked",
      entityType: "ApiToken",
      entityId: row.id,
      before: { name: row.name, scopes: parseScopes(row.scopes) },
      ip: meta.ip,
    });
  });
}

/**
 * The principal for an `Authorization: Bearer sw_pat_…` secret, or null when it is malformed, unknown, revoked,
 * expired, or its user is no longer a member of the token's workspace. Lookup is by hash (a unique index), so no
 * secret is ever compared in the clear.
 */
export async function resolveApiToken(secret: string): Promise<ApiPrincipal | null> {
  if (!TOKEN_RE.test(secret)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) } });
  if (!row || row.revokedAt || row.expiresAt <= now()) return null;
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.userId } },
    select: { role: true },
  });
  if (!membership) return null;
  return {
    actor: { userId: row.userId, workspaceId: row.workspaceId, role: membership.role },
    tokenId: row.id,
    scopes: parseScopes(row.scopes),
  };
}
