// What a backend's committed migrations lack to reach its schema, as SQL ("" when nothing): Prisma's
// `migrate diff --from-migrations … --to-schema-datamodel … --script`, replayed in a shadow database.
import { spawn } from "node:child_process";
import { BIN, ROOT, baseEnv } from "../lib/run";

export const BACKENDS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
} as const;

const EMPTY = /^-- This is an empty migration\.\s*$/;

/**
 * `databaseUrl` picks the backend in prisma.config.ts; on PostgreSQL the shadow database is created in its cluster.
 * The wasm engine keeps the process alive for up to a minute after it has printed (a timer); the answer is complete
 * once the output ends with the script, so the process is ended then.
 */
export function migrationDiff(backend: keyof typeof BACKENDS, databaseUrl: string): Promise<string> {
  const { schema, migrations } = BACKENDS[backend];
  return new Promise((resolve, reject) => {
    const child = spawn(
      BIN("prisma"),
      ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script"],
      { cwd: ROOT, env: baseEnv({ DATABASE_URL: databaseUrl }), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const script = out.trim();
      if (code !== 0 && signal !== "SIGTERM") return reject(new Error(`migrate diff exited ${code}:\n${err}${out}`));
      resolve(EMPTY.test(script) ? "" : script);
    });
    // The script is printed at once when the replay is done; stop the lingering process a moment later.
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", () => {
      clearTimeout(timer);
      timer = setTimeout(() => child.kill("SIGTERM"), 1500);
    });
  });
}
