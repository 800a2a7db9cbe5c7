// `npm run db:copy -- --from <url> --to <url> [--force] [--batch N]`: moves an installation between databases
// (SQLite → PostgreSQL, PostgreSQL → SQLite, or the same backend). The target is migrated first; every table is copied
// in foreign-key order, in batches, through the two backends' own Prisma clients, inside one transaction on the target
// (a failure leaves it as it was); then both sides are compared table by table: row count and a SHA-256 over every
// row in primary-key order, normalised so the same data hashes the same on either backend. Exits non-zero on any
// difference.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Prisma } from "@/generated/prisma/client";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { COUNTERS } from "@/lib/db/input-revisions";
import { isPostgresUrl } from "@/lib/db/pg-adapter";
import { redactUrl } from "../lib/redact-url";
import { BIN, baseEnv, quiet } from "../lib/run";
import { tablesInForeignKeyOrder, type TableInfo } from "./tables";

type Row = Record<string, unknown>;
// The delegates share this shape; the tools address them by name.
interface Delegate {
  count(args?: object): Promise<number>;
  findMany(args: object): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  deleteMany(args?: object): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<Row>;
}
type Client = PrismaClient | Prisma.TransactionClient;
const delegate = (db: Client, t: TableInfo) => (db as unknown as Record<string, Delegate>)[t.delegate];

/** A value in a form that is the same for the same data on SQLite and PostgreSQL. */
export function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = normalise((value as Row)[k]);
    return out;
  }
  if (typeof value === "number" && Object.is(value, -0)) return 0;
  return value;
}

/** JSON with object keys sorted at every depth (JSON.stringify keeps insertion order, and jsonb reorders keys). */
export const canonicalRow = (t: TableInfo, row: Row) => JSON.stringify(t.fields.map((f) => [f, normalise(row[f])]));

const pkKey = (t: TableInfo, row: Row) => JSON.stringify(t.pk.map((f) => normalise(row[f])));
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reads a whole table in primary-key order, batch by batch. */
async function* readTable(db: Client, t: TableInfo, batch: number): AsyncGenerator<Row[]> {
  const d = delegate(db, t);
  const orderBy = t.pk.map((f) => ({ [f]: "asc" as const }));
  if (t.pk.length === 1) {
    let cursor: unknown;
    for (;;) {
      const rows = await d.findMany({
        orderBy,
        take: batch,
        ...(cursor === undefined ? {} : { cursor: { [t.pk[0]]: cursor }, skip: 1 }),
      });
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < batch) return;
      cursor = rows[rows.length - 1][t.pk[0]];
    }
  }
  for (let skip = 0; ; skip += batch) {
    const rows = await d.findMany({ orderBy, take: batch, skip });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export interface TableChecksum {
  table: string;
  rows: number;
  sha256: string;
}

/**
 * Per table: the row count and a SHA-256 over the canonical JSON of every row, rows ordered by primary key (compared
 * by UTF-16 code units in JavaScript, not by either database's collation, so both backends agree on the order).
 */
export async function tableChecksums(db: PrismaClient, opts: { batch?: number } = {}): Promise<TableChecksum[]> {
  const out: TableChecksum[] = [];
  for (const t of tablesInForeignKeyOrder()) {
    const rows: [string, string][] = [];
    for await (const chunk of readTable(db, t, opts.batch ?? 1000))
      for (const row of chunk)
        rows.push([pkKey(t, row), createHash("sha256").update(canonicalRow(t, row)).digest("hex")]);
    rows.sort((a, b) => byCodeUnits(a[0], b[0]));
    const h = createHash("sha256");
    for (const [key, rowHash] of rows) h.update(key).update("\t").update(rowHash).update("\n");
    out.push({ table: t.model, rows: rows.length, sha256: h.digest("hex") });
  }
  return out;
}

/** Row counts per table, in foreign-key order. */
export async function tableCounts(db: PrismaClient): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const t of tablesInForeignKeyOrder()) out.push({ table: t.model, rows: await delegate(db, t).count() });
  return out;
}

/** Applies the committed migrations of the URL's backend (prisma.config.ts picks schema and folder by URL). */
export async function migrate(databaseUrl: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    const file = databaseUrl.replace(/^file:/, "");
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  await quiet(BIN("prisma"), ["migrate", "deploy"], { env: baseEnv({ DATABASE_URL: databaseUrl }) });
}

export interface CopyRow {
  table: string;
  rowsFrom: number;
  rowsTo: number;
  checksumFrom: string;
  checksumTo: string;
  match: boolean;
}

export interface CopyReport {
  tables: CopyRow[];
  ok: boolean;
  copiedRows: number;
}

export class CopyRefused extends Error {}

const refusedOccupied = (occupied: { table: string; rows: number }[]) =>
  new CopyRefused(
    `The target already holds data (${occupied.map((c) => `${c.table}: ${c.rows}`).join(", ")}). ` +
      "Pass --force to empty it first.",
  );

/** For writing: a NULL Json column must be written as DbNull (a plain null is refused). */
function forWrite(t: TableInfo, row: Row, dropSelfRefs: boolean): Row {
  const out: Row = {};
  for (const f of t.fields) {
    let v = row[f];
    if (v === null && t.json.has(f)) v = Prisma.DbNull;
    if (dropSelfRefs && t.selfRefs.includes(f)) v = null;
    out[f] = v;
  }
  return out;
}

/** Compares two databases table by table. */
export async function compareDatabases(from: PrismaClient, to: PrismaClient): Promise<CopyRow[]> {
  const [a, b] = await Promise.all([tableChecksums(from), tableChecksums(to)]);
  return a.map((x, i) => ({
    table: x.table,
    rowsFrom: x.rows,
    rowsTo: b[i].rows,
    checksumFrom: x.sha256,
    checksumTo: b[i].sha256,
    match: x.rows === b[i].rows && x.sha256 === b[i].sha256,
  }));
}

/**
 * The triggers of lib/db/input-revisions.ts bumped the target's revision counters once per child row the copy
 * inserted; the counters are set back to the source's values so the target is the same data (an updated counter
 * table is not itself a tracked input, so this fires nothing). One statement per distinct value and batch, not per
 * row.
 */
async function restoreCounters(from: Client, tx: Client, tables: TableInfo[], batch: number): Promise<void> {
  for (const t of tables.filter((x) => (COUNTERS as readonly string[]).includes(x.model))) {
    const byValue = new Map<number, unknown[]>();
    for await (const rows of readTable(from, t, batch))
      for (const r of rows) {
        const v = Number(r.inputsRevision);
        if (!byValue.has(v)) byValue.set(v, []);
        byValue.get(v)!.push(r.id);
      }
    // Raw SQL: an update through the client would also move @updatedAt to the moment of the copy.
    for (const [value, ids] of byValue)
      for (let i = 0; i < ids.length; i += batch)
        await tx.$executeRaw`UPDATE ${Prisma.raw(`"${t.model}"`)} SET "inputsRevision" = ${value} WHERE "id" IN (${Prisma.join(ids.slice(i, i + batch))})`;
  }
}

export async function copyDatabase(opts: {
  from: string;
  to: string;
  /** Empty a target that already holds rows (otherwise refused). */
  force?: boolean;
  batch?: number;
  /** Skip `prisma migrate deploy` on the target (tests pass an already migrated one). */
  skipMigrate?: boolean;
  log?: (m: string) => void;
}): Promise<CopyReport> {
  const log = opts.log ?? (() => {});
  const batch = opts.batch ?? 500;
  if (opts.from === opts.to) throw new CopyRefused("--from and --to are the same database");
  if (!opts.force) {
    // Refuse an occupied target before the (slow on PostgreSQL) migrate step; a target without tables is empty.
    const probe = createPrismaClient(opts.to);
    const occupied = await tableCounts(probe)
      .then((c) => c.filter((x) => x.rows > 0))
      .catch(() => [])
      .finally(() => probe.$disconnect());
    if (occupied.length) throw refusedOccupied(occupied);
  }
  if (!opts.skipMigrate) {
    log(`Migrating the target ${redactUrl(opts.to)}…`);
    await migrate(opts.to);
  }
  const from = createPrismaClient(opts.from);
  const to = createPrismaClient(opts.to);
  try {
    const tables = tablesInForeignKeyOrder();
    const occupied = (await tableCounts(to)).filter((c) => c.rows > 0);
    if (occupied.length && !opts.force) throw refusedOccupied(occupied);
    let copiedRows = 0;
    await to.$transaction(
      async (tx) => {
        if (occupied.length) {
          log("Emptying the target (--force)…");
          for (const t of [...tables].reverse()) await delegate(tx, t).deleteMany();
        }
        for (const t of tables) {
          let n = 0;
          const later: Row[] = [];
          for await (const rows of readTable(from, t, batch)) {
            await delegate(tx, t).createMany({ data: rows.map((r) => forWrite(t, r, t.selfRefs.length > 0)) });
            for (const r of rows) if (t.selfRefs.some((f) => r[f] !== null)) later.push(r);
            n += rows.length;
          }
          // References within one table (a decision superseded by another) once every row of it exists. The whole
          // row is written again so @updatedAt keeps the source's value.
          for (const r of later) {
            const where = Object.fromEntries(t.pk.map((f) => [f, r[f]]));
            await delegate(tx, t).update({ where, data: forWrite(t, r, false) });
          }
          copiedRows += n;
          log(`  ${t.model}: ${n} rows`);
        }
        await restoreCounters(from, tx, tables, batch);
      },
      { maxWait: 60_000, timeout: 60 * 60_000 },
    );
    log("Verifying row counts and checksums…");
    const rows = await compareDatabases(from, to);
    return { tables: rows, ok: rows.every((r) => r.match), copiedRows };
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}

export function formatReport(rows: CopyRow[]): string {
  const head = ["table", "rows from", "rows to", "checksum"];
  const body = rows.map((r) => [
    r.table,
    String(r.rowsFrom),
    String(r.rowsTo),
    r.match
      ? `match ${r.checksumFrom.slice(0, 12)}`
      : `DIFFERENT ${r.checksumFrom.slice(0, 8)} ≠ ${r.checksumTo.slice(0, 8)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(args: string[]) {
  const from = arg(args, "--from");
  const to = arg(args, "--to");
  if (!from || !to) {
    console.error("Usage: npm run db:copy -- --from <file:…|postgresql://…> --to <file:…|postgresql://…> [--force]");
    process.exit(2);
  }
  for (const u of [from, to])
    if (!/^(file:|postgres(ql)?:\/\/)/i.test(u)) {
      console.error(`Not a database URL: ${redactUrl(u)} (use file:… or postgresql://…)`);
      process.exit(2);
    }
  console.log(`Copying ${redactUrl(from)} → ${redactUrl(to)}. Stop the app on the source first, or writes made`);
  console.log("during the copy are not in the target (the verification will then report a difference).");
  const started = Date.now();
  try {
    const report = await copyDatabase({
      from,
      to,
      force: args.includes("--force"),
      batch: arg(args, "--batch") ? Number(arg(args, "--batch")) : undefined,
      log: (m) => console.log(m),
    });
    console.log(`\n${formatReport(report.tables)}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!report.ok) {
      console.error(`Copy finished in ${seconds} s but the target DIFFERS from the source (see above).`);
      process.exit(1);
    }
    console.log(`Copied ${report.copiedRows} rows in ${seconds} s; every table's row count and checksum match.`);
    console.log(`Point DATABASE_URL at ${redactUrl(to)} and start the app.`);
  } catch (e) {
    console.error(e instanceof CopyRefused ? e.message : e);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await main(process.argv.slice(2));
