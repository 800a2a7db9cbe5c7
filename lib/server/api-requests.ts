import "server-only";
// The per-request bookkeeping of /api/v1 that lives in the database, so it holds across app instances: the token's
// rate-limit slot (the RateLimit counter of lib/server/throttle.ts, one fixed window per token), its last-used time,
// and Idempotency-Key records of POSTs.
import { Prisma } from "@/generated/prisma/client";
import { now } from "@/lib/auth/clock";
import type { ThrottleRule } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { writeTransaction } from "./db";
import { take } from "./throttle";

export const apiTokenKey = (tokenId: string) => `api-token:${tokenId}`;

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (the draft's RateLimit-Reset). */
  resetSeconds: number;
  windowSeconds: number;
}

/**
 * The per-token budget in force: API_RULE's shape with the count and window of STACKWISE_API_RATE_LIMIT and
 * STACKWISE_API_RATE_WINDOW_SECONDS (validated once by lib/env.ts; unset = API_RULE). A fixed window: once the count
 * is spent, refused until the window ends.
 */
export function apiRule(): ThrottleRule {
  const { STACKWISE_API_RATE_LIMIT: free, STACKWISE_API_RATE_WINDOW_SECONDS: seconds } = env();
  const windowMs = seconds * 1000;
  return { free, baseDelayMs: windowMs, maxDelayMs: windowMs, windowMs };
}

/**
 * Takes one request slot of the token (and stamps lastUsedAt when it was granted). `rule` is a fixed window: its
 * delay equals its window, so a spent budget frees up exactly when the window ends.
 */
export async function takeApiSlot(tokenId: string, rule: ThrottleRule = apiRule()): Promise<RateLimitState> {
  const key = apiTokenKey(tokenId);
  return writeTransaction(async (tx) => {
    const at = now();
    const refusedUntil = await take(tx, { key, rule });
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const windowEnd = row ? Number(row.windowStart) + rule.windowMs : at.getTime() + rule.windowMs;
    const resetAt = refusedUntil ? refusedUntil.getTime() : windowEnd;
    if (!refusedUntil) await tx.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } });
    return {
      allowed: !refusedUntil,
      limit: rule.free,
      remaining: refusedUntil ? 0 : Math.max(0, rule.free - (row?.count ?? 1)),
      resetSeconds: Math.max(0, Math.ceil((resetAt - at.getTime()) / 1000)),
      windowSeconds: Math.round(rule.windowMs / 1000),
    };
  });
}

/** A first request with its key runs; a retry of a finished one replays; anything else is refused. */
export type IdempotencyStart =
  | { kind: "run"; recordId: string }
  | { kind: "replay"; status: number; body: string }
  | { kind: "mismatch" }
  | { kind: "inFlight" };

/** Keys are kept this long (a day covers every sensible retry policy of a CI job). */
const KEEP_MS = 24 * 60 * 60_000;
/** A record still "running" after this long belonged to a request that died; a retry may take it over. */
const ABANDONED_MS = 60_000;

export async function beginIdempotent(tokenId: string, key: string, requestHash: string): Promise<IdempotencyStart> {
  try {
    return await writeTransaction(async (tx) => {
      const at = now();
      await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - KEEP_MS) } } });
      const existing = await tx.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
      if (existing) {
        if (existing.requestHash !== requestHash) return { kind: "mismatch" } as const;
        if (existing.status !== 0) return { kind: "replay", status: existing.status, body: existing.body } as const;
        if (at.getTime() - existing.createdAt.getTime() < ABANDONED_MS) return { kind: "inFlight" } as const;
        await tx.idempotencyKey.update({ where: { id: existing.id }, data: { createdAt: at } });
        return { kind: "run", recordId: existing.id } as const;
      }
      const row = await tx.idempotencyKey.create({ data: { tokenId, key, requestHash, status: 0, createdAt: at } });
      return { kind: "run", recordId: row.id } as const;
    });
  } catch (e) {
    // Another instance inserted the same key between our read and our insert: it is running that request.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { kind: "inFlight" };
    throw e;
  }
}

/** Stores a successful answer for replay; any other outcome frees the key, so a corrected retry can run. */
export async function finishIdempotent(recordId: string, status: number, body: string): Promise<void> {
  await writeTransaction(async (tx) => {
    if (status >= 200 && status < 300)
      await tx.idempotencyKey.update({ where: { id: recordId }, data: { status, body } });
    else await tx.idempotencyKey.deleteMany({ where: { id: recordId } });
  });
}
