// `npm start`: migrate, seed demo data on first run, build when needed, serve. One command on a fresh clone.
import { env } from "@/lib/env";
import { DEMO_USERS } from "@/prisma/seed/demo";
import * as demo from "@/prisma/seed/demo";
import { ensureActionsKey } from "./lib/actions-key";
import { ensureStartBuild } from "./lib/build";
import { redactUrl } from "./lib/redact-url";
import { prepareDatabase } from "./lib/database";
import { BIN, baseEnv } from "./lib/run";
import { spawn } from "node:child_process";

const config = env();
const log = (msg: string) => console.log(`[stackwise] ${msg}`);

log(`Database: ${redactUrl(config.DATABASE_URL)}`);
ensureActionsKey(config.STACKWISE_DATA_DIR, log);
// Behind PgBouncer in transaction mode the migration lock (a session-level advisory lock) does not hold: migrate over
// a direct connection (DATABASE_MIGRATE_URL), or skip it here and run `npm run db:prepare` as a deployment step.
if (process.env.STACKWISE_SKIP_PREPARE === "1") log("STACKWISE_SKIP_PREPARE=1: not migrating or seeding here.");
else {
  try {
    await prepareDatabase(process.env.DATABASE_MIGRATE_URL || config.DATABASE_URL, { log });
  } catch (e) {
    // A stack trace from the driver says less than the two mistakes nearly everyone makes first.
    const err = e as { code?: string; message?: string };
    const hint =
      err.code === "3D000"
        ? "Create the database first (e.g. createdb, or CREATE DATABASE in psql); Stackwise creates its tables itself."
        : err.code === "ECONNREFUSED"
          ? "Nothing answers at that host and port: is PostgreSQL running, and is DATABASE_URL right?"
          : err.code === "28P01" || err.code === "28000"
            ? "The server refused the user or password in DATABASE_URL."
            : "";
    console.error(
      `[stackwise] Could not prepare the database: ${err.message ?? String(e)}${hint ? `\n[stackwise] ${hint}` : ""}`,
    );
    process.exit(1);
  }
}
const distDir = await ensureStartBuild({ log });
log(`Serving the build in ${distDir}`);

const server = spawn(BIN("tsx"), ["scripts/serve.ts", String(config.PORT)], {
  stdio: ["ignore", "pipe", "inherit"],
  env: baseEnv({ DATABASE_URL: config.DATABASE_URL, STACKWISE_DIST_DIR: distDir }),
});
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server/i.test(chunk.toString())) {
    announced = true;
    log(`Stackwise is running at http://localhost:${config.PORT}`);
    const password = (demo as { DEMO_PASSWORD?: string }).DEMO_PASSWORD;
    if (config.STACKWISE_DEMO === "on" && password) {
      log("DEMO accounts (demo data only — set STACKWISE_DEMO=off in production):");
      for (const u of DEMO_USERS) log(`  ${u.role.padEnd(10)} ${u.email.padEnd(24)} password: ${password}`);
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
