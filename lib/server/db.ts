import "server-only";
import { createPrismaClient, providerOf, type PrismaClient } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { createPgWriter, createWriteQueue, type WriteTransaction } from "@/lib/db/write-queue";

// One client per server process; cached on globalThis so dev-mode hot reloads do not open a new connection each time.
const globalForDb = globalThis as unknown as {
  stackwiseDb?: PrismaClient;
  stackwiseWrites?: WriteTransaction;
  stackwiseProvider?: ReturnType<typeof providerOf>;
};

export const db: PrismaClient = (globalForDb.stackwiseDb ??= createPrismaClient(env().DATABASE_URL));

export const provider = (globalForDb.stackwiseProvider ??= providerOf(env().DATABASE_URL));

/**
 * Run a write transaction. SQLite: one at a time per process — SQLite allows a single writer anyway, and serialising
 * here avoids prisma/orm#29933 (a SQLITE_BUSY at COMMIT can leave a lock held and lose later acknowledged writes).
 * PostgreSQL: concurrent transactions, SERIALIZABLE unless the caller's edit is a version-checked single row
 * (lib/db/write-queue.ts, WriteOptions).
 */
export const writeTransaction = (globalForDb.stackwiseWrites ??=
  provider === "postgresql" ? createPgWriter(db) : createWriteQueue(db));
