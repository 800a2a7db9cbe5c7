// `npm run db:backup -- [--out FILE]`: a consistent copy of the configured database (DATABASE_URL), taken while the
// app runs. SQLite: `VACUUM INTO` a new file (SQLite's own online copy; copying the live file with its WAL beside it
// can give a torn database), checked with `PRAGMA integrity_check`. PostgreSQL: `pg_dump --format=custom`, with the
// row counts read in the very snapshot the dump was taken from. Default target: <STACKWISE_DATA_DIR>/backups/ with
// a UTC timestamp in the name. The restore side is scripts/db/restore.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, pgConfig } from "@/lib/db/pg-adapter";
import { redactUrl } from "../lib/redact-url";
import { tablesInForeignKeyOrder } from "./tables";

export type Counts = { table: string; rows: number }[];

export interface BackupResult {
  file: string;
  bytes: number;
  counts: Counts;
}

export const stamp = (d = new Date()) => d.toISOString().replace(/[:.]/g, "-");

/** The path of a file: URL as the SQLite adapter opens it (relative to the working directory). */
export const sqliteFile = (url: string) => path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));

export function defaultBackupFile(databaseUrl: string, dataDir: string, prefix = "stackwise"): string {
  return path.resolve(dataDir, "backups", `${prefix}-${stamp()}.${isPostgresUrl(databaseUrl) ? "dump" : "db"}`);
}

// ---------------------------------------------------------------------------------------------------------- SQLite

/** `PRAGMA integrity_check` of a database file: throws unless SQLite answers "ok". */
export function sqliteIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    if (rows.length !== 1 || rows[0] !== "ok")
      throw new Error(`${file} failed SQLite's integrity check: ${rows.slice(0, 5).join("; ")}`);
    const migrated = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (!migrated.get()) throw new Error(`${file} is not a Stackwise database (no _prisma_migrations table)`);
  } finally {
    db.close();
  }
}

/** Row counts per table of a SQLite file (tables that do not exist yet count as absent, not as an error). */
export function sqliteCounts(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    return tablesInForeignKeyOrder()
      .filter((t) => exists.get(t.model))
      .map((t) => ({ table: t.model, rows: db.prepare(`SELECT count(*) FROM "${t.model}"`).pluck().get() as number }));
  } finally {
    db.close();
  }
}

/** SQLite's online copy of a (possibly live) database into a new file. */
export function vacuumInto(source: string, target: string): void {
  if (fs.existsSync(target)) throw new Error(`${target} already exists; not overwriting it`);
  // Backups hold password and session-token hashes: a folder and files only the owner can read.
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const db = new Database(source, { fileMustExist: true, timeout: 15_000 });
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
}

function backupSqlite(databaseUrl: string, out: string): BackupResult {
  const file = sqliteFile(databaseUrl);
  if (!fs.existsSync(file)) throw new Error(`No database at ${file} (DATABASE_URL=${databaseUrl})`);
  vacuumInto(file, out);
  fs.chmodSync(out, 0o600);
  sqliteIntegrity(out);
  return { file: out, bytes: fs.statSync(out).size, counts: sqliteCounts(out) };
}

// ------------------------------------------------------------------------------------------------------ PostgreSQL

export const PG_CLIENT_HINT = (major?: number) =>
  `Install Debian's PostgreSQL client${major ? ` for server version ${major} or newer` : ""}: ` +
  `apt-get install -y postgresql-client${major ? `-${major}` : ""} (or set STACKWISE_PG_BIN to the folder holding ` +
  "pg_dump and pg_restore).";

/** Every copy of a PostgreSQL client tool found, newest version first (Debian keeps one folder per version). */
export function findPgTools(tool: "pg_dump" | "pg_restore"): { path: string; major: number }[] {
  const dirs: string[] = [];
  if (process.env.STACKWISE_PG_BIN) dirs.push(process.env.STACKWISE_PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian))
    for (const v of fs.readdirSync(debian).filter((v) => /^\d+$/.test(v))) dirs.push(path.join(debian, v, "bin"));
  for (const d of (process.env.PATH ?? "").split(path.delimiter)) if (d) dirs.push(d);
  const seen = new Set<string>();
  const out: { path: string; major: number }[] = [];
  for (const dir of dirs) {
    const p = path.join(dir, tool);
    if (!fs.existsSync(p)) continue;
    const real = fs.realpathSync(p);
    if (seen.has(real)) continue;
    seen.add(real);
    // "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
    const v = spawnSync(p, ["--version"], { encoding: "utf8" });
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(v.stdout ?? "");
    if (m) out.push({ path: p, major: Number(m[1]) });
  }
  return out.sort((a, b) => b.major - a.major);
}

/** The newest pg_dump / pg_restore, refusing one older than the server (pg_dump cannot dump a newer server). */
export function pgTool(tool: "pg_dump" | "pg_restore", serverMajor: number): string {
  const found = findPgTools(tool);
  if (found.length === 0) throw new Error(`${tool} not found. ${PG_CLIENT_HINT(serverMajor)}`);
  if (found[0].major < serverMajor)
    throw new Error(
      `${tool} ${found[0].major} (${found[0].path}) is older than the server (PostgreSQL ${serverMajor}). ` +
        PG_CLIENT_HINT(serverMajor),
    );
  return found[0].path;
}

// libpq understands these connection parameters; Prisma's own (schema, connection_limit, …) would make it fail.
const LIBPQ_PARAMS = new Set([
  "sslmode",
  "sslrootcert",
  "sslcert",
  "sslkey",
  "sslcrl",
  "sslpassword",
  "application_name",
  "connect_timeout",
  "options",
  "target_session_attrs",
  "host",
  "hostaddr",
  "port",
  "user",
]);

/** A URL pg_dump / pg_restore accept, and the environment carrying the password (kept off the command line). */
export function libpqTarget(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv; schema?: string } {
  const u = new URL(databaseUrl);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  const schema = u.searchParams.get("schema") ?? undefined;
  for (const k of [...u.searchParams.keys()]) if (!LIBPQ_PARAMS.has(k)) u.searchParams.delete(k);
  if (!u.searchParams.has("application_name")) u.searchParams.set("application_name", "stackwise-backup");
  return {
    dbname: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGTZ: "UTC" },
    schema,
  };
}

/** A pg client for a maintenance task: no statement or idle-in-transaction limit (a dump may take minutes). */
async function pgClient(databaseUrl: string): Promise<pg.Client> {
  const c = new pg.Client({
    ...pgConfig(databaseUrl, { application_name: "stackwise-backup" }),
    statement_timeout: 0,
    idle_in_transaction_session_timeout: 0,
  });
  await c.connect();
  return c;
}

export async function pgServerMajor(c: pg.Client): Promise<number> {
  const r = await c.query<{ v: string }>("SHOW server_version_num");
  return Math.floor(Number(r.rows[0].v) / 10_000);
}

/** Row counts per table in the client's current transaction; a table that does not exist is left out. */
export async function pgCounts(c: pg.Client): Promise<Counts> {
  const out: Counts = [];
  for (const t of tablesInForeignKeyOrder()) {
    const exists = await c.query<{ r: string | null }>("SELECT to_regclass($1) AS r", [`"${t.model}"`]);
    if (!exists.rows[0].r) continue;
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.model}"`);
    out.push({ table: t.model, rows: Number(r.rows[0].n) });
  }
  return out;
}

function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv): void {
  const res = spawnSync(bin, args, { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  if (res.status !== 0)
    throw new Error(`${path.basename(bin)} failed (exit ${res.status}): ${(res.stderr || res.stdout || "").trim()}`);
}

async function backupPostgres(databaseUrl: string, out: string): Promise<BackupResult> {
  if (fs.existsSync(out)) throw new Error(`${out} already exists; not overwriting it`);
  const c = await pgClient(databaseUrl);
  try {
    const pgDump = pgTool("pg_dump", await pgServerMajor(c));
    // One snapshot for both the counts printed and the dump itself.
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await c.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0].s;
    const counts = await pgCounts(c);
    const target = libpqTarget(databaseUrl);
    fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
    const tmp = `${out}.partial`;
    try {
      runTool(
        pgDump,
        [
          "--format=custom",
          `--snapshot=${snapshot}`,
          "--no-owner",
          ...(target.schema ? [`--schema=${target.schema}`] : []),
          `--file=${tmp}`,
          `--dbname=${target.dbname}`,
        ],
        target.env,
      );
      fs.chmodSync(tmp, 0o600);
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    await c.query("COMMIT");
    return { file: out, bytes: fs.statSync(out).size, counts };
  } finally {
    await c.end();
  }
}

export async function backupDatabase(databaseUrl: string, out: string): Promise<BackupResult> {
  return isPostgresUrl(databaseUrl) ? backupPostgres(databaseUrl, out) : backupSqlite(databaseUrl, out);
}

// --------------------------------------------------------------------------------------------------------- printing

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;

export function formatCounts(counts: Counts): string {
  const w = Math.max(5, ...counts.map((c) => c.table.length));
  const total = counts.reduce((s, c) => s + c.rows, 0);
  return [...counts, { table: "total", rows: total }]
    .map((c) => `  ${c.table.padEnd(w)}  ${String(c.rows).padStart(8)}`)
    .join("\n");
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(args: string[]) {
  const { env } = await import("@/lib/env");
  const { DATABASE_URL, STACKWISE_DATA_DIR } = env();
  const out = path.resolve(argValue(args, "--out") ?? defaultBackupFile(DATABASE_URL, STACKWISE_DATA_DIR));
  console.log(`Backing up ${redactUrl(DATABASE_URL)}…`);
  const r = await backupDatabase(DATABASE_URL, out);
  console.log(`Wrote ${r.file} (${formatBytes(r.bytes)}). Rows per table:`);
  console.log(formatCounts(r.counts));
  const rel = path.relative(process.cwd(), r.file);
  console.log(`Restore with: npm run db:restore -- ${rel.startsWith("..") ? r.file : rel}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
