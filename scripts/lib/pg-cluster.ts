// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory, pg_ctl on a free loopback
// port, removed again by stop(). Uses Debian's `postgresql` binaries; says which package to install when they are
// missing. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` system user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PG_INSTALL_HINT =
  "PostgreSQL server binaries not found. Install Debian's package: apt-get install -y postgresql " +
  "(or set STACKWISE_PG_BIN to the folder holding initdb and pg_ctl).";

export interface PgCluster {
  host: string;
  port: number;
  user: string;
  /** postgresql:// URL of a database in this cluster (created by createDatabase). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): void;
}

export function findPgBin(): string | null {
  const candidates = [process.env.STACKWISE_PG_BIN];
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debian, v, "bin"));
  }
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, "initdb"))) return dir;
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function pgRun(bin: string, args: string[], opts: { quiet?: boolean } = {}) {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (res.status !== 0) {
    if (!opts.quiet) process.stderr.write(`${res.stdout ?? ""}${res.stderr ?? ""}`);
    throw new Error(`${path.basename(bin)} ${args.join(" ")} exited with ${res.status}`);
  }
  return res.stdout;
}

export async function startPgCluster(opts: { log?: (m: string) => void } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_INSTALL_HINT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-pg-"));
  const data = path.join(dir, "data");
  if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const user = isRoot() ? "postgres" : os.userInfo().username;
  pgRun(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    user,
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const port = await freePort();
  // UTC on the server too (prisma/orm#28629); fsync off because the cluster is thrown away after the run.
  const settings = [
    `-p ${port}`,
    "-k " + dir,
    "-c listen_addresses=127.0.0.1",
    "-c timezone=UTC",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
    "-c shared_buffers=128MB",
  ].join(" ");
  pgRun(path.join(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", path.join(dir, "server.log"), "-w", "start"]);
  opts.log?.(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (${dir})`);
  const host = "127.0.0.1";
  const psql = (sql: string) =>
    pgRun(path.join(bin, "psql"), ["-h", host, "-p", String(port), "-U", user, "-d", "postgres", "-qAt", "-c", sql]);
  let stopped = false;
  const cluster: PgCluster = {
    host,
    port,
    user,
    url: (database) => `postgresql://${user}@${host}:${port}/${database}`,
    async createDatabase(name) {
      psql(`CREATE DATABASE "${name}"`);
      return cluster.url(name);
    },
    async dropDatabase(name) {
      psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgRun(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { quiet: true });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
