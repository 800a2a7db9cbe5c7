import "server-only";
// Sign-in throttling from LoginAttempt rows (failures only): per account, so one account cannot be guessed at, and
// per IP, so one client cannot spray many accounts. A sliding window: the limit frees up as old failures age out.
import type { TransactionClient } from "@/lib/db/write-queue";
import { now } from "@/lib/auth/clock";
import { THROTTLE_MAX_PER_ACCOUNT, THROTTLE_MAX_PER_IP, THROTTLE_WINDOW_MS } from "@/lib/auth/policy";
import { db } from "./db";

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

async function retryAtFor(key: string, limit: number, at: Date): Promise<Date | null> {
  const since = new Date(at.getTime() - THROTTLE_WINDOW_MS);
  const failures = await db.loginAttempt.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < limit) return null;
  // The attempt that must age out before the count drops below the limit.
  return new Date(failures[failures.length - limit].createdAt.getTime() + THROTTLE_WINDOW_MS);
}

/** When sign-in for this email / from this IP is next allowed, or null if it is allowed now. */
export async function throttledUntil(email: string, ip: string): Promise<Date | null> {
  const at = now();
  const [byAccount, byIp] = await Promise.all([
    retryAtFor(accountKey(email), THROTTLE_MAX_PER_ACCOUNT, at),
    retryAtFor(ipKey(ip), THROTTLE_MAX_PER_IP, at),
  ]);
  if (!byAccount) return byIp;
  if (!byIp) return byAccount;
  return byAccount > byIp ? byAccount : byIp;
}

export async function recordFailure(tx: TransactionClient, email: string, ip: string): Promise<void> {
  const at = now();
  await tx.loginAttempt.createMany({
    data: [
      { key: accountKey(email), createdAt: at },
      { key: ipKey(ip), createdAt: at },
    ],
  });
  // Housekeeping: rows older than the window no longer matter.
  await tx.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - THROTTLE_WINDOW_MS) } } });
}

/** A successful sign-in clears the account's failures (not the IP's, so spraying still counts). */
export async function clearAccountFailures(tx: TransactionClient, email: string): Promise<void> {
  await tx.loginAttempt.deleteMany({ where: { key: accountKey(email) } });
}
