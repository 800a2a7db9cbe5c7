// A second `next start` of the same e2e build on its own fresh database, for suites that must see every write and
// every log line the server makes (the shared e2e server is busy with other spec files at the same time).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { prepareDatabase } from "../../scripts/lib/database";
import { BIN, ROOT, baseEnv } from "../../scripts/lib/run";
import { E2E_DIST_DIR, E2E_PG_ADMIN_URL } from "./env";
import { createPgDatabase, dropPgDatabase } from "../../scripts/lib/pg-admin";

export interface PrivateServer {
  baseURL: string;
  databaseUrl: string;
  /** Everything the server printed since it started (stdout and stderr interleaved). */
  log(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

export async function startPrivateServer(name: string): Promise<PrivateServer> {
  const dir = path.join(ROOT, ".test-tmp", `private-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  // The PostgreSQL e2e run names its cluster; the private server gets a database of its own there.
  const pg = E2E_PG_ADMIN_URL
    ? await createPgDatabase(E2E_PG_ADMIN_URL, `private_${name.replace(/\W/g, "_")}_${process.pid}`)
    : null;
  const databaseUrl = pg ?? `file:${path.join(dir, "stackwise.db")}`;
  await prepareDatabase(databaseUrl);
  const port = await freePort();
  let output = "";
  const child = spawn(BIN("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: baseEnv({ DATABASE_URL: databaseUrl, STACKWISE_DIST_DIR: E2E_DIST_DIR, NODE_ENV: "production" }),
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(`${baseURL}/api/health`, child, 60_000);
  return {
    baseURL,
    databaseUrl,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (pg) await dropPgDatabase(pg);
    },
  };
}
