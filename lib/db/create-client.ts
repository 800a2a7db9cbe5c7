// The only place a PrismaClient is constructed, and the only place that knows which database runs: a file: URL is
// the embedded SQLite, a postgresql:// URL is PostgreSQL. The server wraps it in lib/server/db.ts (cached,
// server-only); the seed and test fixtures call it directly because "server-only" refuses to load outside Next.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { withDerivedColumns } from "./derived-columns";
import { createPgAdapter, isPostgresUrl } from "./pg-adapter";

// WAL lets readers proceed while one writer commits; busy_timeout makes a second process wait instead of failing;
// SQLite does not enforce foreign keys unless asked, per connection.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

function withPragmas(base: PrismaBetterSQLite3) {
  return {
    provider: base.provider as "sqlite",
    adapterName: base.adapterName,
    async connect(): Promise<Adapter> {
      const adapter = await base.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
  };
}

export type DatabaseProvider = "sqlite" | "postgresql";

export const providerOf = (databaseUrl: string): DatabaseProvider =>
  isPostgresUrl(databaseUrl) ? "postgresql" : "sqlite";

/**
 * Both generated clients come from the same schema source and expose the same models, so the PostgreSQL one is typed
 * as the SQLite one (the type the whole code base uses); prisma/postgresql/schema.test.ts keeps them identical.
 */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): PrismaClient {
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  const base = isPostgresUrl(databaseUrl)
    ? (new PgPrismaClient({ adapter: createPgAdapter(databaseUrl), log }) as unknown as PrismaClient)
    : new PrismaClient({
        adapter: withPragmas(new PrismaBetterSQLite3({ url: databaseUrl, timeout: 15_000 })),
        log,
      });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (base as unknown as { $on(e: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) =>
      onQuery(e.query),
    );
  }
  return withDerivedColumns(base);
}

export interface ClientOptions {
  /** Called with each SQL statement the client sends: the query-count tests (lib/server/query-count.test.ts). */
  onQuery?: (sql: string) => void;
}

export type { PrismaClient };
