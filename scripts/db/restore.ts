// `npm run db:restore -- FILE [--yes]`: puts a backup made by `npm run db:backup` back into the configured database
// (DATABASE_URL). Stop the app first: a running instance would keep writing to what is being replaced.
// SQLite: the backup is checked (`PRAGMA integrity_check`), copied next to the database and renamed over it in one
// step, so the database is the old one or the new one, never half of each; refused while another process has the file
// open; the database it replaces is first saved under backups/pre-restore-….db. PostgreSQL: `pg_restore --clean
// --if-exists --no-owner --single-transaction`, all or nothing. Either way a target that holds rows is replaced only
// with --yes. A backup from an older version is brought up to date by the next start (or `npm run db:prepare`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, pgConfig } from "@/lib/db/pg-adapter";
import { redactUrl } from "../lib/redact-url";
import {
  formatCounts,
  libpqTarget,
  pgCounts,
  pgServerMajor,
  pgTool,
  sqliteCounts,
  sqliteFile,
  sqliteIntegrity,
  stamp,
  vacuumInto,
  type Counts,
} from "./backup";

export class RestoreRefused extends Error {}

export interface RestoreResult {
  counts: Counts;
  /** SQLite: where the replaced database was saved (when it held rows). */
  previous?: string;
}

/** Processes (other than this one) that have the file or its WAL open, from /proc on Linux; [] where unknown. */
export function processesHolding(file: string): number[] {
  if (!fs.existsSync("/proc/self/fd")) return [];
  const targets = new Set([file, `${file}-wal`, `${file}-shm`].map((f) => (fs.existsSync(f) ? fs.realpathSync(f) : f)));
  const holders: number[] = [];
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      try {
        if (targets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return holders;
}

const total = (c: Counts) => c.reduce((s, x) => s + x.rows, 0);

function restoreSqlite(databaseUrl: string, backup: string, opts: { yes?: boolean; dataDir: string }): RestoreResult {
  const target = sqliteFile(databaseUrl);
  sqliteIntegrity(backup);
  const holders = processesHolding(target);
  if (holders.length)
    throw new RestoreRefused(
      `${target} is open in process ${holders.join(", ")}: stop the app (every instance) first, then restore.`,
    );
  let previous: string | undefined;
  if (fs.existsSync(target)) {
    const existing = total(sqliteCounts(target));
    if (existing > 0 && !opts.yes)
      throw new RestoreRefused(
        `${target} holds ${existing} rows that the restore would replace. Run again with --yes to replace them ` +
          "(the current database is saved under backups/ first).",
      );
    if (existing > 0) {
      previous = path.resolve(opts.dataDir, "backups", `pre-restore-${stamp()}.db`);
      vacuumInto(target, previous);
    }
  }
  // A clean copy beside the target (same file system, so the rename below is atomic), checked before it goes live.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restore-${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    vacuumInto(backup, tmp);
    sqliteIntegrity(tmp);
    if (fs.existsSync(target)) {
      // Fold the old database's WAL into it and close: SQLite then removes the -wal file, which must not survive
      // beside the new file (SQLite would replay it into the restored database).
      const old = new Database(target, { fileMustExist: true });
      old.pragma("wal_checkpoint(TRUNCATE)");
      old.close();
    }
    for (const side of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${side}`, { force: true });
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { counts: sqliteCounts(target), previous };
}

async function restorePostgres(databaseUrl: string, backup: string, opts: { yes?: boolean }): Promise<RestoreResult> {
  const c = new pg.Client({ ...pgConfig(databaseUrl), statement_timeout: 0 });
  await c.connect();
  try {
    const pgRestore = pgTool("pg_restore", await pgServerMajor(c));
    const target = libpqTarget(databaseUrl);
    // Reading the archive's table of contents proves it is a pg_dump custom-format file before anything is touched.
    const list = spawnList(pgRestore, backup, target.env);
    if (!/TABLE DATA/.test(list)) throw new Error(`${backup} holds no table data; is it a Stackwise backup?`);
    const existing = total(await pgCounts(c));
    if (existing > 0 && !opts.yes)
      throw new RestoreRefused(
        `${redactUrl(databaseUrl)} holds ${existing} rows that the restore would replace. Run again with --yes ` +
          "to replace them (take a backup first: npm run db:backup).",
      );
    const res = spawnSync(
      pgRestore,
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${target.dbname}`,
        backup,
      ],
      { encoding: "utf8", env: target.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    if (res.status !== 0)
      throw new Error(`pg_restore failed (exit ${res.status}); nothing was changed: ${(res.stderr ?? "").trim()}`);
    return { counts: await pgCounts(c) };
  } finally {
    await c.end();
  }
}

function spawnList(pgRestore: string, backup: string, env: NodeJS.ProcessEnv): string {
  const res = spawnSync(pgRestore, ["--list", backup], { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  if (res.status !== 0) throw new Error(`${backup} is not a pg_dump archive: ${(res.stderr ?? "").trim()}`);
  return res.stdout;
}

export async function restoreDatabase(
  databaseUrl: string,
  backup: string,
  opts: { yes?: boolean; dataDir?: string } = {},
): Promise<RestoreResult> {
  const file = path.resolve(backup);
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`);
  return isPostgresUrl(databaseUrl)
    ? restorePostgres(databaseUrl, file, opts)
    : restoreSqlite(databaseUrl, file, { yes: opts.yes, dataDir: opts.dataDir ?? "data" });
}

async function main(args: string[]) {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run db:restore -- FILE [--yes]   (stop the app first)");
    process.exit(2);
  }
  const { env } = await import("@/lib/env");
  const { DATABASE_URL, STACKWISE_DATA_DIR } = env();
  console.log(`Restoring ${file} into ${redactUrl(DATABASE_URL)}. The app must be stopped (every instance).`);
  const r = await restoreDatabase(DATABASE_URL, file, { yes: args.includes("--yes"), dataDir: STACKWISE_DATA_DIR });
  if (r.previous) console.log(`The database it replaced is saved as ${r.previous}.`);
  console.log("Restored. Rows per table:");
  console.log(formatCounts(r.counts));
  console.log("Start the app again; migrations newer than the backup are applied at start (or: npm run db:prepare).");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
