import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";
import { toFactDto, type FactDto } from "@/lib/decisions/fact-dto";

/**
 * A decision's facts in grid order (criterion, then candidate position). The caller has already authorised the read
 * and scoped the decision to the actor's workspace; this file exists so lib/server/decisions.ts needs one line only.
 */
export async function loadDecisionFacts(client: TransactionClient, decisionId: string): Promise<FactDto[]> {
  const rows = await client.fact.findMany({
    where: { criterion: { decisionId } },
    include: { enteredBy: { select: { name: true } } },
    orderBy: [{ criterion: { position: "asc" } }, { candidate: { position: "asc" } }, { id: "asc" }],
  });
  return rows.map(toFactDto);
}
