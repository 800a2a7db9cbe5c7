// Import first in a server test file (before anything that loads lib/server/db): points DATABASE_URL at a fresh
// migrated database. ES module imports run in order, so the url is set before env() is first read.
import { afterAll } from "vitest";
import { createMigratedDatabaseUrl, removeDatabase } from "./temp-db";

const url = createMigratedDatabaseUrl();
process.env.DATABASE_URL = url;
afterAll(() => removeDatabase(url));
