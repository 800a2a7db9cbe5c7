// The facts migration on a database that lived at the previous migration: metric scores written the old way (one row
// per evaluator) must arrive as one fact per cell — the mean of the evaluators' values, the first http(s) evidence
// link as source, the first rationale as note, the first evaluator as the one who entered it — and leave Score,
// while rating scores stay untouched. Runs the real `prisma migrate deploy` twice: up to the old migration, then all.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const MIGRATIONS = path.resolve("prisma/migrations");
const FACTS = readdirSync(MIGRATIONS).find((m) => m.endsWith("_metric_facts"))!;
const BEFORE = readdirSync(MIGRATIONS).filter((m) => /^\d+_/.test(m) && m < FACTS);

const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-migration-"));
const dbFile = path.join(dir, "old.db");
const migrationsDir = path.join(dir, "migrations");

/** A Prisma config like the project's, but reading migrations from the scratch folder. */
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

function deploy(config: string) {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy", "--config", config], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: "pipe",
  });
}

const at = (day: string, time = "10:00:00") => `${day}T${time}.000+00:00`;

beforeAll(() => {
  for (const m of BEFORE) cpSync(path.join(MIGRATIONS, m), path.join(migrationsDir, m), { recursive: true });
  cpSync(path.join(MIGRATIONS, "migration_lock.toml"), path.join(migrationsDir, "migration_lock.toml"));
  const config = writeConfig();
  deploy(config);

  const db = new Database(dbFile);
  const now = at("2024-03-01");
  db.prepare(`INSERT INTO Workspace (id, name, slug, updatedAt) VALUES ('w', 'W', 'w', ?)`).run(now);
  for (const u of ["u1", "u2", "u3"])
    db.prepare(`INSERT INTO User (id, email, name, updatedAt) VALUES (?, ?, ?, ?)`).run(u, `${u}@x.test`, u, now);
  db.prepare(`INSERT INTO Decision (id, workspaceId, title, updatedAt) VALUES ('d', 'w', 'D', ?)`).run(now);
  const criterion = db.prepare(
    `INSERT INTO Criterion (id, decisionId, name, weight, kind, unit, position, updatedAt) VALUES (?, 'd', ?, 1, ?, ?, ?, ?)`,
  );
  criterion.run("qps", "Throughput", "METRIC", "QPS", 0, now);
  criterion.run("mem", "Memory", "METRIC", null, 1, now);
  criterion.run("fun", "Fun", "RATING", null, 2, now);
  const candidate = db.prepare(
    `INSERT INTO Candidate (id, decisionId, name, position, updatedAt) VALUES (?, 'd', ?, ?, ?)`,
  );
  candidate.run("go", "Go", 0, now);
  candidate.run("py", "Python", 1, now);
  const score = db.prepare(
    `INSERT INTO Score (id, criterionId, candidateId, evaluatorId, value, rationale, evidenceUrl, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // qps × go: u2 scored first (no link, no rationale), u1 later with a non-http link, u3 last with the first http one.
  score.run("s1", "qps", "go", "u2", 9000, "", "", at("2024-03-05"), at("2024-03-05"));
  score.run("s2", "qps", "go", "u1", 8000, "wrk, 5 min", "ftp://bench.example/raw", at("2024-03-06"), at("2024-03-06"));
  score.run(
    "s3",
    "qps",
    "go",
    "u3",
    8600,
    "second run",
    "https://bench.example/go",
    at("2024-03-07"),
    at("2024-03-07"),
  );
  // qps × py: a single evaluator.
  score.run("s4", "qps", "py", "u1", 6135, "", "", at("2024-04-02", "23:59:59"), at("2024-04-02"));
  // mem × go: three evaluators, an unending mean.
  score.run("s5", "mem", "go", "u1", 1, "", "", at("2024-05-01"), at("2024-05-01"));
  score.run("s6", "mem", "go", "u2", 2, "", "", at("2024-05-01", "11:00:00"), at("2024-05-01"));
  score.run("s7", "mem", "go", "u3", 4, "", "", at("2024-05-01", "12:00:00"), at("2024-05-01"));
  // Ratings are opinions and stay scores.
  score.run("s8", "fun", "go", "u1", 7, "nice", "", at("2024-03-05"), at("2024-03-05"));
  score.run("s9", "fun", "go", "u2", 9, "", "", at("2024-03-05"), at("2024-03-05"));
  db.close();

  cpSync(path.join(MIGRATIONS, FACTS), path.join(migrationsDir, FACTS), { recursive: true });
  deploy(config);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FactRow {
  criterionId: string;
  candidateId: string;
  value: number;
  unit: string | null;
  sourceUrl: string;
  note: string;
  measuredOn: string;
  enteredById: string | null;
  version: number;
}

describe("migration: metric scores become facts", () => {
  test("one fact per metric cell, the mean of its evaluators' values", () => {
    const db = new Database(dbFile, { readonly: true });
    const facts = db.prepare(`SELECT * FROM Fact ORDER BY criterionId, candidateId`).all() as FactRow[];
    db.close();
    // Hand-computed: (9000 + 8000 + 8600) / 3 = 8533.33…; 6135 / 1 = 6135; (1 + 2 + 4) / 3 = 2.33…
    expect(facts.map((f) => [f.criterionId, f.candidateId])).toEqual([
      ["mem", "go"],
      ["qps", "go"],
      ["qps", "py"],
    ]);
    const [mem, qpsGo, qpsPy] = facts;
    expect(qpsGo.value).toBeCloseTo(25600 / 3, 10);
    expect(qpsPy.value).toBe(6135);
    expect(mem.value).toBeCloseTo(7 / 3, 12);
    expect(qpsGo).toMatchObject({
      unit: "QPS",
      sourceUrl: "https://bench.example/go",
      note: "wrk, 5 min",
      enteredById: "u2",
      version: 1,
      measuredOn: "2024-03-05T00:00:00.000+00:00",
    });
    expect(qpsPy).toMatchObject({ unit: "QPS", sourceUrl: "", note: "", enteredById: "u1" });
    expect(qpsPy.measuredOn).toBe("2024-04-02T00:00:00.000+00:00");
    expect(mem).toMatchObject({ unit: null, enteredById: "u1" });
  });

  test("metric scores are gone; rating scores are untouched", () => {
    const db = new Database(dbFile, { readonly: true });
    const scores = db.prepare(`SELECT id, value, rationale FROM Score ORDER BY id`).all();
    db.close();
    expect(scores).toEqual([
      { id: "s8", value: 7, rationale: "nice" },
      { id: "s9", value: 9, rationale: "" },
    ]);
  });

  test("the migrated facts read back through Prisma with their dates", async () => {
    const { createPrismaClient } = await import("@/lib/db/create-client");
    const client = createPrismaClient(`file:${dbFile}`);
    try {
      const f = await client.fact.findFirstOrThrow({ where: { criterionId: "qps", candidateId: "go" } });
      expect(f.measuredOn.toISOString()).toBe("2024-03-05T00:00:00.000Z");
      expect(f.createdAt.toISOString()).toBe("2024-03-05T10:00:00.000Z");
    } finally {
      await client.$disconnect();
    }
  });
});
