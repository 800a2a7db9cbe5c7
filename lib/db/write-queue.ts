import type { PrismaClient } from "@/generated/prisma/client";

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Serialises write transactions through one promise chain. A failing transaction rejects only its own caller;
 * the chain continues with the next writer.
 */
export function createWriteQueue(client: PrismaClient) {
  let tail: Promise<unknown> = Promise.resolve();
  return function writeTransaction<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    const run = tail.then(() => client.$transaction(fn));
    tail = run.catch(() => undefined);
    return run;
  };
}
