import "server-only";
import { randomBytes } from "node:crypto";
import type { TransactionClient } from "@/lib/db/write-queue";
import { CREDENTIAL_PROVIDER } from "@/lib/auth/policy";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { ChangePasswordInput, SignInInput, SignUpInput } from "@/lib/validation/auth";
import { recordAudit } from "./audit";
import { db, writeTransaction } from "./db";
import { conflict, unauthenticated } from "@/lib/errors/domain-error";
import { knownClient, type RequestMeta } from "./request-meta";
import { createSession, findSessionByToken, type NewSession } from "./sessions";
import {
  clear,
  giveBack,
  passwordCheckSlot,
  signInAccountKey,
  signInClientKey,
  signInSlots,
  takeAll,
} from "./throttle";

type Meta = Pick<RequestMeta, "ip" | "userAgent">;

export interface SignedIn extends NewSession {
  userId: string;
  workspaceId: string | null;
}

/** URL-safe slug from a name plus random suffix, so two "Platform team" workspaces never collide. */
function workspaceSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "workspace"}-${randomBytes(4).toString("hex")}`;
}

async function createUserWithPassword(
  tx: TransactionClient,
  input: { name: string; email: string; passwordHash: string },
) {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw conflict("emailTaken");
  const user = await tx.user.create({ data: { email: input.email, name: input.name } });
  await tx.account.create({
    data: {
      userId: user.id,
      providerId: CREDENTIAL_PROVIDER,
      accountId: input.email,
      passwordHash: input.passwordHash,
    },
  });
  return user;
}

/** Creates the user, their password account, a new workspace where they are ADMIN, and a session. */
export async function signUp(input: SignUpInput, meta: Meta): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const user = await createUserWithPassword(tx, { name: input.name, email: input.email, passwordHash });
    const workspace = await tx.workspace.create({
      data: { name: input.workspaceName, slug: workspaceSlug(input.workspaceName) },
    });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "ADMIN" } });
    const session = await createSession(tx, { userId: user.id, activeWorkspaceId: workspace.id, ...meta });
    const audit = { workspaceId: workspace.id, actorId: user.id, ip: meta.ip };
    await recordAudit(tx, {
      ...audit,
      action: "auth.sign_up",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name },
    });
    await recordAudit(tx, {
      ...audit,
      action: "workspace.created",
      entityType: "Workspace",
      entityId: workspace.id,
      after: { name: workspace.name, role: "ADMIN" },
    });
    return { ...session, userId: user.id, workspaceId: workspace.id };
  });
}

/** Used by invitation sign-up: the user and account only, no workspace of their own. */
export async function createPasswordUser(
  tx: TransactionClient,
  input: { name: string; email: string; passwordHash: string },
) {
  return createUserWithPassword(tx, input);
}

/**
 * Email + password sign-in. Unknown email and wrong password give the same error and take the same time; both count
 * against the throttle. Throws ThrottledError (with the time to retry) before checking anything when over the limit:
 * the slot is taken atomically before the password is hashed, and a success gives it back.
 */
export async function signIn(input: Pick<SignInInput, "email" | "password">, meta: Meta): Promise<SignedIn> {
  const client = knownClient(meta.ip);
  await takeAll(signInSlots(input.email, client));

  const account = await db.account.findUnique({
    where: { providerId_accountId: { providerId: CREDENTIAL_PROVIDER, accountId: input.email } },
    select: {
      passwordHash: true,
      user: {
        select: { id: true, memberships: { orderBy: { createdAt: "asc" }, take: 1, select: { workspaceId: true } } },
      },
    },
  });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const user = account?.user;
  const workspaceId = user?.memberships[0]?.workspaceId ?? null;

  if (!valid || !account?.passwordHash || !user) {
    await writeTransaction(async (tx) => {
      await recordAudit(tx, {
        workspaceId,
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: user?.id ?? null,
        after: { email: input.email },
        ip: meta.ip,
      });
    });
    throw unauthenticated("invalidCredentials");
  }

  return writeTransaction(async (tx) => {
    // This client proved it knows the password: its account slot starts afresh, and the client's own count keeps
    // only its failures, so an office behind one address is not slowed down by its own successful sign-ins.
    await clear(tx, signInAccountKey(input.email, client ?? "unknown"));
    if (client) await giveBack(tx, signInClientKey(client));
    const session = await createSession(tx, { userId: user.id, activeWorkspaceId: workspaceId, ...meta });
    await recordAudit(tx, {
      workspaceId,
      actorId: user.id,
      action: "auth.sign_in",
      entityType: "Session",
      entityId: session.sessionId,
      ip: meta.ip,
    });
    return { ...session, userId: user.id, workspaceId };
  });
}

/** Deletes the session row, so the token is useless even if the cookie was copied before sign-out. */
export async function signOut(token: string, meta: { ip: string | null }): Promise<void> {
  await writeTransaction(async (tx) => {
    const session = await findSessionByToken(tx, token);
    if (!session) return;
    await tx.session.delete({ where: { id: session.id } });
    await recordAudit(tx, {
      workspaceId: session.activeWorkspaceId,
      actorId: session.userId,
      action: "auth.sign_out",
      entityType: "Session",
      entityId: session.id,
      ip: meta.ip,
    });
  });
}

export async function signOutEverywhere(
  userId: string,
  workspaceId: string | null,
  meta: { ip: string | null },
): Promise<number> {
  return writeTransaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "auth.sign_out_everywhere",
      entityType: "User",
      entityId: userId,
      after: { sessions: count },
      ip: meta.ip,
    });
    return count;
  });
}

export async function changeName(
  userId: string,
  workspaceId: string | null,
  name: string,
  meta: { ip: string | null },
): Promise<void> {
  await writeTransaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    await tx.user.update({ where: { id: userId }, data: { name, version: { increment: 1 } } });
    await recordAudit(tx, {
      workspaceId,
      actorId: userId,
      action: "user.renamed",
      entityType: "User",
      entityId: userId,
      before,
      after: { name },
      ip: meta.ip,
    });
  });
}

/**
 * Checks the current password, stores the new hash and ends every other session of the user (a stolen session must
 * not survive the owner changing their password); the session making the change stays signed in.
 */
export async function changePassword(
  user: { userId: string; sessionId: string; workspaceId: string | null },
  input: Pick<ChangePasswordInput, "currentPassword" | "newPassword">,
  meta: { ip: string | null },
): Promise<void> {
  const slot = passwordCheckSlot(user.userId);
  await takeAll([slot]);
  const account = await db.account.findFirst({
    where: { userId: user.userId, providerId: CREDENTIAL_PROVIDER },
    select: { id: true, passwordHash: true },
  });
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw unauthenticated("wrongPassword", { currentPassword: "wrongPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(async (tx) => {
    await clear(tx, slot.key);
    await tx.account.update({ where: { id: account.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.userId, id: { not: user.sessionId } } });
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      actorId: user.userId,
      action: "auth.password_changed",
      entityType: "User",
      entityId: user.userId,
      ip: meta.ip,
    });
  });
}
