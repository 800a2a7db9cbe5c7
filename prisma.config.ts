// Prisma 6.19 CLI configuration: the WebAssembly schema engine with a driver adapter, so no native engine binary is
// ever downloaded (these machines reach only npm and Debian). DATABASE_URL picks the backend: a file: URL is the
// embedded SQLite (prisma/schema.prisma, prisma/migrations), a postgresql:// URL uses the generated PostgreSQL schema
// and its own migrations (prisma/postgresql/).
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { createPgMigrationAdapter, isPostgresUrl } from "./lib/db/pg-adapter";

// The CLI falls back to the native engine (and tries to download it) when the url cannot be read; .env is not loaded
// when a config file exists, so the default lives here and matches lib/env.ts.
process.env.DATABASE_URL ??= `file:${path.join(process.env.STACKWISE_DATA_DIR ?? "data", "stackwise.db")}`;
const url = process.env.DATABASE_URL;
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    if (postgres) return createPgMigrationAdapter(url);
    const base = new PrismaBetterSQLite3({ url });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => base.connect(),
      // Shadow-database replay sends whole migration files through executeRaw, and better-sqlite3 runs only the first
      // statement of a multi-statement string; route parameterless raw SQL to executeScript instead.
      async connectToShadowDb() {
        const shadow = await base.connectToShadowDb();
        const executeRaw = shadow.executeRaw.bind(shadow);
        shadow.executeRaw = async (q) => (q.args.length > 0 ? executeRaw(q) : (await shadow.executeScript(q.sql), 0));
        return shadow;
      },
    };
  },
});
