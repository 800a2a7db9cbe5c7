// Test data for value for money: a measured cost criterion with one fact per candidate (amounts by candidate name).
// Weight 0 keeps every total as it was: the cost stays out of the weighted score, as in a benefit–cost comparison.
// Shared by the API, export and e2e tests (each passes its own Prisma client).
import type { PrismaClient } from "@/generated/prisma/client";

export async function addCostCriterion(
  db: Pick<PrismaClient, "criterion" | "candidate" | "fact">,
  decisionId: string,
  opts: { name: string; unit: string; currency: string | null; amounts: Record<string, number> },
) {
  const last = await db.criterion.findFirst({ where: { decisionId }, orderBy: { position: "desc" } });
  const c = await db.criterion.create({
    data: {
      decisionId,
      name: opts.name,
      weight: 0,
      kind: "METRIC",
      direction: "COST",
      unit: opts.unit,
      currency: opts.currency,
      position: (last?.position ?? 0) + 1,
    },
  });
  for (const [candidate, value] of Object.entries(opts.amounts)) {
    const k = await db.candidate.findFirstOrThrow({ where: { decisionId, name: candidate } });
    await db.fact.create({
      data: {
        criterionId: c.id,
        candidateId: k.id,
        value,
        unit: opts.unit,
        measuredOn: new Date("2026-11-30T00:00:00Z"),
      },
    });
  }
  return c;
}
