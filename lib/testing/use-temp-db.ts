// Import first in a server test file (before anything that loads lib/server/db): points DATABASE_URL at a fresh
// migrated database. ES module imports run in order and top-level await finishes before the next import is
// evaluated, so the url is set before env() is first read.
import { afterAll } from "vitest";
import { createMigratedDatabase, removeDatabase } from "./temp-db";

const url = await createMigratedDatabase();
process.env.DATABASE_URL = url;
afterAll(async () => {
  // The server's client (lib/server/db.ts) holds connections; PostgreSQL's forced drop ends them.
  await removeDatabase(url);
});
