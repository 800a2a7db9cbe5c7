// The only place a PrismaClient is constructed. The server wraps it in lib/server/db.ts (cached, server-only);
// the seed and test fixtures call it directly because "server-only" refuses to load outside Next's server bundle.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";

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

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = withPragmas(new PrismaBetterSQLite3({ url: databaseUrl, timeout: 15_000 }));
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
