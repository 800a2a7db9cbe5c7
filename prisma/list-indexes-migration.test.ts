// The list_indexes migration on a database that lived at the previous migration: existing decisions get their
// search key and lifecycle rank, so search and "sort by status" find them. SQLite's lower() folds ASCII only; the
// repair (refreshDerivedColumns, run by prisma/seed.ts after every migrate) completes the rest. Runs the real
// `prisma migrate deploy` twice: up to the migration before, then all.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { refreshDerivedColumns, titleSearchOf } from "@/lib/db/derived-columns";

const MIGRATIONS = path.resolve("prisma/migrations");
const TARGET = readdirSync(MIGRATIONS).find((m) => m.endsWith("_list_indexes"))!;
const ALL = readdirSync(MIGRATIONS).filter((m) => /^\d+_/.test(m));

const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-list-migration-"));
const dbFile = path.join(dir, "old.db");
const migrationsDir = path.join(dir, "migrations");

function writeConfig(): string {
  const adapter = pathToFileURL(createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3")).href;
  const file = path.join(dir, "prisma.config.mjs");
  writeFileSync(
    file,
    `import { PrismaBetterSQLite3 } from ${JSON.stringify(adapter)};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.resolve("prisma/schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
  async adapter() { return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL }); },
};
`,
  );
  return file;
}

const deploy = (config: string) =>
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy", "--config", config], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: "pipe",
  });

const OLD = [
  ["a", "Message Broker", "DECIDED"],
  ["b", "ÄRGER mit Kafka", "DRAFT"],
  ["c", "100% Uptime", "SUPERSEDED"],
  ["d", "Garbage Collector", "IN_REVIEW"],
] as const;

beforeAll(() => {
  for (const m of ALL.filter((m) => m < TARGET))
    cpSync(path.join(MIGRATIONS, m), path.join(migrationsDir, m), { recursive: true });
  cpSync(path.join(MIGRATIONS, "migration_lock.toml"), path.join(migrationsDir, "migration_lock.toml"));
  const config = writeConfig();
  deploy(config);
  const db = new Database(dbFile);
  const now = "2024-03-01T10:00:00.000+00:00";
  db.prepare(`INSERT INTO Workspace (id, name, slug, updatedAt) VALUES ('w', 'W', 'w', ?)`).run(now);
  const insert = db.prepare(
    `INSERT INTO Decision (id, workspaceId, title, status, updatedAt) VALUES (?, 'w', ?, ?, ?)`,
  );
  for (const [id, title, status] of OLD) insert.run(id, title, status, now);
  db.close();
  for (const m of ALL.filter((m) => m >= TARGET))
    cpSync(path.join(MIGRATIONS, m), path.join(migrationsDir, m), { recursive: true });
  deploy(config);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored = () => {
  const db = new Database(dbFile, { readonly: true });
  const rows = db.prepare(`SELECT id, titleSearch, statusRank FROM Decision ORDER BY id`).all();
  db.close();
  return rows;
};

test("the migration ranks every status and lower-cases ASCII; the repair completes the rest; search finds all", async () => {
  // What SQL could do: the ranks DRAFT 0, IN_REVIEW 1, DECIDED 2, SUPERSEDED 3, and ASCII-only lower case.
  expect(stored()).toEqual([
    { id: "a", titleSearch: "message broker", statusRank: 2 },
    { id: "b", titleSearch: "Ärger mit kafka", statusRank: 0 },
    { id: "c", titleSearch: "100% uptime", statusRank: 3 },
    { id: "d", titleSearch: "garbage collector", statusRank: 1 },
  ]);
  const db = createPrismaClient(`file:${dbFile}`);
  try {
    // Ä and the LIKE wildcard: the two rows SQL could not key as JavaScript does.
    expect(await refreshDerivedColumns(db)).toBe(2);
    const found = async (q: string) =>
      (
        await db.decision.findMany({ where: { titleSearch: { contains: titleSearchOf(q) } }, select: { id: true } })
      ).map((r) => r.id);
    expect(await found("ärger")).toEqual(["b"]);
    expect(await found("0% UP")).toEqual(["c"]);
    expect(await found("BROKER")).toEqual(["a"]);
    expect(await refreshDerivedColumns(db)).toBe(0);
  } finally {
    await db.$disconnect();
  }
});
