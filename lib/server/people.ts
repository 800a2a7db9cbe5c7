import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";

/**
 * The users a set of rows names (score evaluators, judgment authors), read once by their distinct ids. Prisma's
 * `include: { evaluator }` passes one id per row and splits the IN list into chunks of the driver's parameter limit,
 * so on SQLite a decision with more than ~1,000 scores sent one more query per thousand rows; this sends one.
 */
export async function usersById<S extends { id: true } & Record<string, true>>(
  client: TransactionClient,
  ids: Iterable<string>,
  select: S,
): Promise<Map<string, { [K in keyof S]: string }>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  const rows = (await client.user.findMany({ where: { id: { in: distinct } }, select })) as unknown as ({
    id: string;
  } & { [K in keyof S]: string })[];
  return new Map(rows.map((r) => [r.id, r]));
}
