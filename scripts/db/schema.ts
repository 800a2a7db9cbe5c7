// `npm run db:schema`: regenerate prisma/postgresql/schema.prisma from the one schema source and both clients.
// `npm run db:schema -- --migration <name>`: also write the PostgreSQL migration that brings
// prisma/postgresql/migrations up to the schema (replayed in a throwaway PostgreSQL cluster). Make the SQLite
// migration first, as always, with `npm run db:migrate -- --name <name>`.
import fs from "node:fs";
import path from "node:path";
import { startPgCluster } from "../lib/pg-cluster";
import { BIN, baseEnv, must } from "../lib/run";
import { migrationDiff, BACKENDS } from "./migration-diff";
import { PG_SCHEMA, writePostgresSchema } from "./pg-schema";

const args = process.argv.slice(2);
const nameAt = args.indexOf("--migration");
const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
if (nameAt >= 0 && !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("Usage: npm run db:schema -- --migration <name in lower_snake_case>");
  process.exit(2);
}

console.log(writePostgresSchema() ? `Rewrote ${PG_SCHEMA}.` : `${PG_SCHEMA} was up to date.`);
await must(BIN("tsx"), ["scripts/db/generate.ts"], { env: baseEnv() });

if (name) {
  const cluster = await startPgCluster({ log: console.log });
  try {
    const url = await cluster.createDatabase("stackwise_schema");
    const sql = await migrationDiff("postgresql", url);
    if (!sql) console.log("The PostgreSQL migrations already match the schema: no migration written.");
    else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(BACKENDS.postgresql.migrations, `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
      console.log(`Wrote ${dir}/migration.sql — read it, and add any data migration the SQLite one has.`);
    }
  } finally {
    cluster.stop();
  }
}
