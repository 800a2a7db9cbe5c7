import "server-only";
// Sessions are implemented here from primitives rather than with better-auth, which was considered but stores the
// raw session token in its session table (a database leak would hand out live sessions). We store only
// SHA-256(token); the token itself lives only in the user's HttpOnly cookie.
import type { TransactionClient } from "@/lib/db/write-queue";
import { now } from "@/lib/auth/clock";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from "@/lib/auth/policy";
import { generateToken, hashToken, isWellFormedToken, safeEqualHex } from "@/lib/auth/tokens";
import { db, writeTransaction } from "./db";
import { SINGLE_ROW_EDIT } from "@/lib/db/write-queue";

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export interface ValidSession {
  id: string;
  userId: string;
  activeWorkspaceId: string | null;
  expiresAt: Date;
  user: { id: string; name: string; email: string };
}

/** A fresh random token for every sign-in (no session fixation: an old cookie value is never promoted). */
export async function createSession(
  tx: TransactionClient,
  input: { userId: string; activeWorkspaceId: string | null; ip?: string | null; userAgent?: string | null },
): Promise<NewSession> {
  const token = generateToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + SESSION_ABSOLUTE_MS);
  const row = await tx.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      activeWorkspaceId: input.activeWorkspaceId,
      ipAddress: input.ip ?? null,
      userAgent: input.userAgent ?? null,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
    },
  });
  return { token, sessionId: row.id, expiresAt };
}

/**
 * Returns the session for a cookie value, or null when it is unknown, idle for longer than SESSION_IDLE_MS or past
 * its absolute expiry (expired rows are deleted). Bumps lastSeenAt at most once per SESSION_TOUCH_INTERVAL_MS.
 */
export async function validateSessionToken(token: string | undefined | null): Promise<ValidSession | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const row = await db.session.findUnique({
    where: { tokenHash },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  // The lookup is by an index; the constant-time check guards the final equality anyway.
  if (!row || !safeEqualHex(row.tokenHash, tokenHash)) return null;
  const at = now().getTime();
  const idleExpired = at - row.lastSeenAt.getTime() >= SESSION_IDLE_MS;
  if (idleExpired || at >= row.expiresAt.getTime()) {
    await writeTransaction((tx) => tx.session.deleteMany({ where: { id: row.id } }), SINGLE_ROW_EDIT);
    return null;
  }
  if (at - row.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    // One row, one statement: read committed. Under SERIALIZABLE, many sessions touched in the same minute (every
    // editor's first request after the interval) falsely conflicted on shared index pages and queued for retries.
    await writeTransaction(
      (tx) => tx.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(at) } }),
      SINGLE_ROW_EDIT,
    );
  }
  return {
    id: row.id,
    userId: row.userId,
    activeWorkspaceId: row.activeWorkspaceId,
    expiresAt: row.expiresAt,
    user: row.user,
  };
}

export async function findSessionByToken(tx: TransactionClient, token: string) {
  if (!isWellFormedToken(token)) return null;
  return tx.session.findUnique({ where: { tokenHash: hashToken(token) } });
}
