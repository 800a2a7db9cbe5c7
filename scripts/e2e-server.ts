// Started by Playwright's webServer: a fresh database every run, the app built into E2E_DIST_DIR, served on E2E_PORT.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { E2E_DATABASE_URL, E2E_DIST_DIR, E2E_PORT } from "../e2e/support/env";
import { ensureBuild } from "./lib/build";
import { prepareDatabase } from "./lib/database";
import { createPgDatabase } from "./lib/pg-admin";
import { BIN, baseEnv } from "./lib/run";

// A fresh database every run: the SQLite file's folder is removed; the PostgreSQL run's database is made anew.
if (E2E_DATABASE_URL.startsWith("file:"))
  fs.rmSync(path.dirname(E2E_DATABASE_URL.replace(/^file:/, "")), { recursive: true, force: true });
else await createPgDatabase(E2E_DATABASE_URL, new URL(E2E_DATABASE_URL).pathname.slice(1));
await prepareDatabase(E2E_DATABASE_URL);
await ensureBuild(E2E_DIST_DIR, { log: (m) => console.error(`[e2e-server] ${m}`) });

const server = spawn(BIN("tsx"), ["scripts/serve.ts", String(E2E_PORT), "127.0.0.1"], {
  stdio: "inherit",
  env: baseEnv({ DATABASE_URL: E2E_DATABASE_URL, STACKWISE_DIST_DIR: E2E_DIST_DIR, NODE_ENV: "production" }),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
