import "server-only";
// Throttles and per-user rate limits from RateLimit counters. The check and the count are one UPSERT … RETURNING:
// a request either takes a slot or gets no row back, so 40 parallel wrong passwords cannot all pass a "still under
// the limit?" read before any of them is recorded, and the rule holds when several instances share the database.
// An attempt counts when it starts (before the password is hashed); a success gives its slot back.
import { Prisma } from "@/generated/prisma/client";
import type { TransactionClient } from "@/lib/db/write-queue";
import { now } from "@/lib/auth/clock";
import {
  EXPORT_RULE,
  IMPORT_RULE,
  PASSWORD_CHECK_RULE,
  SIGN_IN_ACCOUNT_RULE,
  SIGN_IN_CLIENT_RULE,
  type ThrottleRule,
} from "@/lib/auth/policy";
import { writeTransaction } from "./db";
import { isDomainError, throttled } from "@/lib/errors/domain-error";

/** Rows untouched for this long are deleted (longer than every rule's window). */
const FORGET_MS = 24 * 60 * 60_000;
/** Doubling stops here anyway (2^16 × any sensible base exceeds every cap). */
const MAX_DOUBLINGS = 16;

export const signInAccountKey = (email: string, client: string) => `sign-in:${email.trim().toLowerCase()}|${client}`;
export const signInClientKey = (client: string) => `sign-in-client:${client}`;
export const passwordCheckKey = (userId: string) => `password-check:${userId}`;
export const exportKey = (userId: string) => `export:${userId}`;
export const importKey = (userId: string) => `import:${userId}`;

/** Wait required after the previous attempt once `count` attempts were made in the window. */
export function delayAfter(count: number, rule: ThrottleRule): number {
  if (count < rule.free) return 0;
  return Math.min(rule.baseDelayMs * 2 ** Math.min(count - rule.free, MAX_DOUBLINGS), rule.maxDelayMs);
}

/** The same function as SQL over the stored count, unrolled into constants (valid SQLite and PostgreSQL). */
function delaySql(rule: ThrottleRule): Prisma.Sql {
  const arms: string[] = [`WHEN "RateLimit"."count" < ${rule.free} THEN 0`];
  for (let k = 0; k <= MAX_DOUBLINGS; k++) {
    const d = delayAfter(rule.free + k, rule);
    if (d >= rule.maxDelayMs) break;
    arms.push(`WHEN "RateLimit"."count" = ${rule.free + k} THEN ${d}`);
  }
  return Prisma.raw(`CASE ${arms.join(" ")} ELSE ${rule.maxDelayMs} END`);
}

export interface Slot {
  key: string;
  rule: ThrottleRule;
}

/** When the key frees up, from its stored row (for the message only; the decision was the UPSERT's). */
async function retryAtOf(tx: TransactionClient, { key, rule }: Slot, at: number): Promise<Date> {
  const row = await tx.rateLimit.findUnique({ where: { key } });
  if (!row) return new Date(at);
  const windowEnd = Number(row.windowStart) + rule.windowMs;
  const delayed = Number(row.lastAt) + delayAfter(row.count, rule);
  return new Date(Math.max(at, Math.min(windowEnd, delayed)));
}

/** Takes one slot of `key`, or returns when it frees up. Atomic on its own: a single statement. */
export async function take(tx: TransactionClient, slot: Slot): Promise<Date | null> {
  const at = now().getTime();
  const windowOpen = at - slot.rule.windowMs;
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "lastAt") VALUES (${slot.key}, 1, ${at}, ${at})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowOpen} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowOpen} THEN ${at} ELSE "RateLimit"."windowStart" END,
      "lastAt" = ${at}
    WHERE "RateLimit"."windowStart" <= ${windowOpen}
       OR ${at} - "RateLimit"."lastAt" >= ${delaySql(slot.rule)}
    RETURNING "count"`;
  return rows.length ? null : retryAtOf(tx, slot, at);
}

/** Gives a slot back (a sign-in that succeeded was not a guess). */
export async function giveBack(tx: TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}

export async function clear(tx: TransactionClient, key: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: { key } });
}

/**
 * Takes one slot of every key or none: when one is exhausted, the others are not charged. Throws the "throttled" DomainError
 * with the time the blocking key frees up.
 */
export async function takeAll(slots: Slot[]): Promise<void> {
  class Refused {
    constructor(readonly retryAt: Date) {}
  }
  try {
    await writeTransaction(async (tx) => {
      await tx.rateLimit.deleteMany({ where: { lastAt: { lt: now().getTime() - FORGET_MS } } });
      for (const slot of slots) {
        const retryAt = await take(tx, slot);
        // Throwing rolls the transaction back, so slots already taken in it are returned.
        if (retryAt) throw new Refused(retryAt);
      }
    });
  } catch (e) {
    if (e instanceof Refused) throw throttled(e.retryAt);
    throw e;
  }
}

/** Sign-in slots: per account and client, and per client when its address is known. */
export function signInSlots(email: string, client: string | null): Slot[] {
  const id = client ?? "unknown";
  return [
    ...(client ? [{ key: signInClientKey(client), rule: SIGN_IN_CLIENT_RULE }] : []),
    { key: signInAccountKey(email, id), rule: SIGN_IN_ACCOUNT_RULE },
  ];
}

export const passwordCheckSlot = (userId: string): Slot => ({
  key: passwordCheckKey(userId),
  rule: PASSWORD_CHECK_RULE,
});

/** Per-user budget for downloads (every format; PDF is the expensive one). Throws the "throttled" DomainError when spent. */
export const limitExports = (userId: string) => takeAll([{ key: exportKey(userId), rule: EXPORT_RULE }]);

/** Per-user budget for import previews and confirmations (each parses an upload). */
export const limitImports = (userId: string) => takeAll([{ key: importKey(userId), rule: IMPORT_RULE }]);

/** For route handlers: null when a slot was taken, else a 429 with Retry-After (seconds) and the ISO time. */
export async function tooManyRequests(take: () => Promise<void>): Promise<Response | null> {
  try {
    await take();
    return null;
  } catch (e) {
    if (!isDomainError(e) || e.code !== "throttled" || !e.retryAt) throw e;
    const seconds = Math.max(1, Math.ceil((e.retryAt.getTime() - now().getTime()) / 1000));
    return Response.json(
      { error: e.code, retryAt: e.retryAt.toISOString() },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
}
