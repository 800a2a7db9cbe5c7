// Where the e2e server keeps its throwaway database and which port it serves; shared by the config, the server
// script and the fixtures that write test data through the seed functions.
import path from "node:path";
import { E2E_DIST_DIR_DEFAULT } from "../../scripts/lib/dist-dirs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `file:${path.join(ROOT, ".test-tmp", "e2e", "stackwise.db")}`;
/** Build folder for the e2e server; separate from `npm start`'s builds so a running app keeps its own. */
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? E2E_DIST_DIR_DEFAULT;
/** Set by the test command's PostgreSQL run: the cluster's maintenance database, where suites create their own. */
export const E2E_PG_ADMIN_URL = process.env.E2E_PG_ADMIN_URL;
