// `npm install` (postinstall): generate both Prisma clients — SQLite from prisma/schema.prisma, PostgreSQL from the
// committed prisma/postgresql/schema.prisma. The CLI must be able to read a URL of the schema's own provider, or it
// falls back to the native engine and tries to download it; the URLs here are never connected to.
import { BIN, baseEnv, quiet } from "../lib/run";

await quiet(BIN("prisma"), ["generate"], { env: baseEnv({ DATABASE_URL: "file:./data/stackwise.db" }) });
await quiet(BIN("prisma"), ["generate", "--schema", "prisma/postgresql/schema.prisma"], {
  env: baseEnv({ DATABASE_URL: "postgresql://generate@127.0.0.1:5432/generate" }),
});
console.log("Generated the Prisma clients for SQLite (generated/prisma) and PostgreSQL (generated/prisma-pg).");
