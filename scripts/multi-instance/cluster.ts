// The pieces of the multi-instance test: app instances (scripts/serve.ts on the e2e build) and a real nginx in front
// of them, all on loopback, each process started here and ended by its own PID.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/pg-cluster";
import { BIN, ROOT, baseEnv } from "../lib/run";

export const NGINX_INSTALL_HINT = "nginx not found. Install Debian's package: apt-get install -y nginx";

export function findNginx(): string | null {
  for (const p of [process.env.STACKWISE_NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"])
    if (p && fs.existsSync(p)) return p;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

export interface Instance {
  name: string;
  port: number;
  baseURL: string;
  child: ChildProcess;
  log(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: process exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

export async function startInstance(
  name: string,
  opts: { databaseUrl: string; distDir: string; env?: Record<string, string> },
): Promise<Instance> {
  const port = await freePort();
  let output = "";
  // tsx as a loader in this very process (not the tsx CLI, which runs the server in a child): the PID is the
  // server's, so kill -9 really ends the instance.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", String(port), "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: baseEnv({
      DATABASE_URL: opts.databaseUrl,
      STACKWISE_DIST_DIR: opts.distDir,
      NODE_ENV: "production",
      // nginx on loopback is the one proxy in front.
      TRUST_PROXY: "1",
      ...opts.env,
    }),
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/ready`, child, 120_000);
  return {
    name,
    port,
    baseURL,
    child,
    log: () => output,
    async kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      process.kill(child.pid!, signal);
      await done;
    },
  };
}

export interface Proxy {
  port: number;
  baseURL: string;
  /** Requests per upstream address so far, from the access log. */
  upstreamCounts(): Map<string, number>;
  stop(): Promise<void>;
}

/** nginx, round robin over the instances; a dead upstream is skipped for 10 s after one failure. */
export async function startNginx(upstreams: Instance[]): Promise<Proxy> {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_INSTALL_HINT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-nginx-"));
  const port = await freePort();
  const conf = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '$upstream_addr $status';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 4m;
  upstream stackwise {
${upstreams.map((u) => `    server 127.0.0.1:${u.port} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://stackwise;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A POST is never replayed on the other instance (it may have been applied): the client sees the failure.
      proxy_next_upstream error timeout;
      proxy_read_timeout 60s;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn(nginx, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    baseURL,
    upstreamCounts() {
      const counts = new Map<string, number>();
      const file = path.join(dir, "access.log");
      if (!fs.existsSync(file)) return counts;
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        const addr = line.split(" ")[0];
        if (addr) counts.set(addr, (counts.get(addr) ?? 0) + 1);
      }
      return counts;
    },
    async stop() {
      const done = exited(child);
      if (child.exitCode === null) process.kill(child.pid!, "SIGQUIT");
      await done;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `npm run db:prepare` in a child process (as another instance's start would). */
export function prepareInChild(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN("tsx"), ["scripts/db/prepare.ts"], {
      cwd: ROOT,
      env: baseEnv({ DATABASE_URL: databaseUrl }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}
