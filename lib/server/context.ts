import "server-only";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { safeRedirectPathOrUndefined } from "@/lib/http/safe-redirect";
import type { Actor } from "./actor";
import { db } from "./db";
import { unauthenticated } from "@/lib/errors/domain-error";
import { readSessionCookie } from "./session-cookie";
import { validateSessionToken, type ValidSession } from "./sessions";

/** The validated session of this request (cached per request), or null when signed out or expired. */
export const currentSession = cache(async (): Promise<ValidSession | null> =>
  validateSessionToken(await readSessionCookie()),
);

/**
 * The acting user for this request: the signed-in user in the session's active workspace, with their role read from
 * the membership on every request (a role change or removal takes effect at once). Falls back to the user's oldest
 * membership when the session has no active workspace or has lost it. Null when signed out or in no workspace.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  if (!session) return null;
  const select = { userId: true, workspaceId: true, role: true } as const;
  const active = session.activeWorkspaceId
    ? await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: session.activeWorkspaceId, userId: session.userId } },
        select,
      })
    : null;
  const membership =
    active ??
    (await db.membership.findFirst({
      where: { userId: session.userId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select,
    }));
  return membership ? { userId: membership.userId, workspaceId: membership.workspaceId, role: membership.role } : null;
});

/** The path the visitor asked for, set by proxy.ts, so sign-in can send them back. */
async function requestedPath(): Promise<string | null> {
  return safeRedirectPathOrUndefined((await headers()).get("x-stackwise-path")) ?? null;
}

async function signInRedirect(): Promise<never> {
  const next = await requestedPath();
  redirect(next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
}

/** For pages: the signed-in session, or a redirect to /sign-in. */
export async function requireSession(): Promise<ValidSession> {
  return (await currentSession()) ?? signInRedirect();
}

/**
 * For pages: the actor, or a redirect to /sign-in when signed out, or to /account (which explains how to get into a
 * workspace) when signed in without any membership.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if (!(await currentSession())) return signInRedirect();
  redirect("/account");
}

/** For server actions and route handlers, where a redirect is not wanted: throws AuthenticationError (→ 401). */
export async function actorOrThrow(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated("signedOut");
  return actor;
}

export async function sessionOrThrow(): Promise<ValidSession> {
  const session = await currentSession();
  if (!session) throw unauthenticated("signedOut");
  return session;
}
