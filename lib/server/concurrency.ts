import "server-only";
// Optimistic concurrency: a write names the `version` it read. When somebody changed the row first, nothing is
// written and the caller gets a "stale" domain error with the row as it is now, so the UI can show "their value and
// yours" and let the user choose. Never overwrite silently.
import type { TransactionClient } from "@/lib/db/write-queue";
import { stale } from "@/lib/errors/domain-error";

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
  if (count === 0) throw stale(entity, await load());
}

export type { TransactionClient };
