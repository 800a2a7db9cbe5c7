// Import right after use-temp-db in a query-count test: installs, as the server's one client (lib/server/db.ts
// takes whatever is cached on globalThis), a client from createPrismaClient that reports every SQL statement it
// sends, so a test can count the statements one data-layer call issues.
import { createPrismaClient } from "@/lib/db/create-client";

const statements: string[] = [];
(globalThis as unknown as { stackwiseDb?: unknown }).stackwiseDb = createPrismaClient(process.env.DATABASE_URL!, {
  onQuery: (sql) => statements.push(sql),
});

/** The SQL statements fn sends through the server's client. */
export async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const from = statements.length;
  await fn();
  return statements.slice(from);
}
