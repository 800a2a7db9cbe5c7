import type { PrismaClient } from "@/generated/prisma/client";

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Another process (the CLI, a seed, a test fixture) may hold SQLite's write lock for seconds; waiting is better than
// failing a user's save. Prisma's defaults (2 s to start, 5 s to finish) turned such waits into errors.
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

// Prisma begins SQLite transactions as DEFERRED. In WAL mode a deferred transaction that reads first and writes later
// fails at once with SQLITE_BUSY (no busy wait) when another connection committed in between — e.g. a CLI seed or a
// second server process. Writing first takes the write lock up front, where SQLite's busy timeout does wait. The
// statement matches no row and is valid SQL on PostgreSQL too.
const TAKE_WRITE_LOCK = 'UPDATE "Workspace" SET "version" = "version" WHERE 1 = 0';

/**
 * Serialises write transactions through one promise chain. A failing transaction rejects only its own caller;
 * the chain continues with the next writer.
 */
export function createWriteQueue(client: PrismaClient) {
  let tail: Promise<unknown> = Promise.resolve();
  return function writeTransaction<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    const run = tail.then(() =>
      client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
        return fn(tx);
      }, TRANSACTION_OPTIONS),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}
