import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { createWriteQueue } from "@/lib/db/write-queue";

// One client per server process; cached on globalThis so dev-mode hot reloads do not open a new connection each time.
const globalForDb = globalThis as unknown as {
  stackwiseDb?: PrismaClient;
  stackwiseWrites?: ReturnType<typeof createWriteQueue>;
};

export const db: PrismaClient = (globalForDb.stackwiseDb ??= createPrismaClient(env().DATABASE_URL));

/**
 * Run a write transaction, one at a time per process. SQLite allows a single writer anyway, and serialising here
 * avoids prisma/orm#29933 (a SQLITE_BUSY at COMMIT can leave a lock held and lose later acknowledged writes).
 */
export const writeTransaction = (globalForDb.stackwiseWrites ??= createWriteQueue(db));
