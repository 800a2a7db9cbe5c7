import "server-only";
// New metrics get fixed reference values by default: while a METRIC criterion is `autoReferences` and has neither
// references nor a value curve, its points follow the observed range; the first time its measured facts hold two
// different values, that range is written down as the criterion's worst and best. From then on a candidate added
// later (or a measurement outside the range, which is clamped) never moves anybody else's points. Fact writes call
// this before they write (a range that already exists is fixed without the new value, which is what keeps the others
// where they were) and after (the write that makes the range fixes it).
import { metricReference } from "@/lib/scoring/normalise";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";

export async function fixAutoReferences(
  tx: TransactionClient,
  actor: Actor,
  criterionIds: readonly string[],
): Promise<void> {
  if (criterionIds.length === 0) return;
  const pending = await tx.criterion.findMany({
    where: {
      id: { in: [...new Set(criterionIds)] },
      kind: "METRIC",
      autoReferences: true,
      worst: null,
      best: null,
      valueCurve: null,
    },
    select: { id: true, decisionId: true, direction: true, version: true, facts: { select: { value: true } } },
  });
  for (const c of pending) {
    const values = c.facts.map((f) => f.value);
    if (new Set(values).size < 2) continue;
    const ref = metricReference({ direction: c.direction }, values)!;
    // Guarded by the version read: if somebody edited the criterion meanwhile, their edit stands and the next fact
    // write tries again.
    const { count } = await tx.criterion.updateMany({
      where: { id: c.id, version: c.version },
      // autoReferences stays true: the fixed ends follow the direction (lib/scoring/normalise.ts metricReference),
      // so a benefit pasted first and turned into a cost afterwards turns its scale round instead of rewarding the
      // worst value.
      data: { worst: ref.worst, best: ref.best, version: { increment: 1 } },
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "criterion.referencesFixed",
      entityType: "Criterion",
      entityId: c.id,
      decisionId: c.decisionId,
      before: { worst: null, best: null },
      after: { worst: ref.worst, best: ref.best },
    });
  }
}
