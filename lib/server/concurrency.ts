import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";

/**
 * Optimistic concurrency: a write names the `version` it read. When somebody changed the row first, nothing is
 * written and the caller gets the row as it is now, so the UI can show "their value and yours" and let the user
 * choose. Never overwrite silently.
 */
export class StaleWriteError<T = unknown> extends Error {
  readonly status = 409;
  constructor(
    readonly entity: string,
    readonly current: T,
  ) {
    super(`${entity} was changed by someone else`);
    this.name = "StaleWriteError";
  }
}

type VersionedDelegate = {
  updateMany(args: {
    where: { id: string; version: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
};

/**
 * Updates one row only if its version still matches, bumping the version. `load` re-reads the row (already scoped to
 * the actor's workspace by the caller) for the conflict answer; a vanished row is reported as null.
 */
export async function updateIfVersion<T>(
  delegate: VersionedDelegate,
  where: { id: string; version: number },
  data: Record<string, unknown>,
  entity: string,
  load: () => Promise<T | null>,
): Promise<void> {
  const { count } = await delegate.updateMany({ where, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new StaleWriteError(entity, await load());
}

export type { TransactionClient };
