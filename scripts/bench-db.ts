// `npm run bench:db [-- --editors 50 --writes 40 --warmup 5]`: write latency and throughput of concurrent editors
// saving scores through the real server action over HTTP (as the browser does), on three set-ups measured one after
// another in the same run: SQLite with one instance; PostgreSQL with one instance; PostgreSQL with two instances
// behind nginx (round robin). Starts everything itself (a throwaway PostgreSQL cluster, the e2e build, the instances,
// nginx) and stops what it started. Figures, not pass/fail: the machine is shared, compare the ratios within one run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { callAction, listActions, type ActionResponse } from "@/e2e/support/http-actions";
import { E2E_DIST_DIR } from "@/e2e/support/env";
import { ensureBuild } from "./lib/build";
import { flagNumber, textTable } from "./lib/cli";
import { quantile } from "./lib/latency";
import { prepareDatabase } from "./lib/database";
import { createPgDatabase } from "./lib/pg-admin";
import { startPgCluster, type PgCluster } from "./lib/pg-cluster";
import { startInstance, startNginx, type Instance, type Proxy } from "./multi-instance/cluster";
import { createLoadFixture, type LoadFixture } from "./multi-instance/load-fixture";

const EDITORS = flagNumber("editors", 50, { integer: true });
const WRITES = flagNumber("writes", 40, { integer: true });
const WARMUP = flagNumber("warmup", 5, { integer: true });
const CRITERIA = 5;
const CANDIDATES = 4;
const log = (m: string) => console.error(`[bench-db] ${m}`);

/** One decision (5 criteria × 4 candidates) and `n` architects with a session each, written straight to the database. */
async function fixture(databaseUrl: string, n: number): Promise<LoadFixture> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await createLoadFixture(db, { tag: "bench", criteria: CRITERIA, candidates: CANDIDATES, editors: n });
  } finally {
    await db.$disconnect();
  }
}

interface Result {
  name: string;
  writes: number;
  failures: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/** Every editor saves its own cells in turn (no conflicts: this measures the write path, not the retry path). */
async function load(baseURL: string, f: LoadFixture, actionId: string, name: string): Promise<Result> {
  const page = `/decisions/${f.decisionId}/scores`;
  const versions = f.editors.map(() => new Map<number, number | null>());
  let failures = 0;
  const reasons = new Map<string, number>();
  const fail = (why: string) => reasons.set(why, (reasons.get(why) ?? 0) + 1);
  const save = async (e: number, w: number): Promise<boolean> => {
    const cell = w % (CRITERIA * CANDIDATES);
    const version = versions[e].get(cell) ?? null;
    const args = {
      decisionId: f.decisionId,
      criterionId: f.criteria[Math.floor(cell / CANDIDATES)],
      candidateId: f.candidates[cell % CANDIDATES],
      value: (e * 3 + w) % 11,
      version,
    };
    let res: ActionResponse;
    try {
      res = await callAction(baseURL, actionId, [args], { cookie: f.editors[e].cookie, path: page });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      fail(`no answer (${(err as Error).message}${cause ? `: ${cause.code ?? cause.message}` : ""})`);
      return false;
    }
    const r = res.result as { ok?: boolean; data?: { version: number }; error?: string } | undefined;
    if (res.status !== 200 || !r?.ok) {
      fail(`HTTP ${res.status}${r?.error ? ` ${r.error}` : ""}`);
      return false;
    }
    versions[e].set(cell, r.data!.version);
    return true;
  };
  // Warm-up: compiled routes, pooled connections, the JIT; not measured.
  await Promise.all(
    f.editors.map(async (_, e) => {
      for (let w = 0; w < WARMUP; w++) if (!(await save(e, w))) failures++;
    }),
  );
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    f.editors.map(async (_, e) => {
      for (let w = WARMUP; w < WARMUP + WRITES; w++) {
        const t0 = performance.now();
        const ok = await save(e, w);
        const ms = performance.now() - t0;
        if (ok) latencies.push(ms);
        else failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (reasons.size)
    log(`${name}: failed writes by reason: ${[...reasons].map(([why, n]) => `${n}× ${why}`).join(", ")}`);
  latencies.sort((a, b) => a - b);
  return {
    name,
    writes: latencies.length,
    failures,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    perSecond: latencies.length / seconds,
  };
}

function table(results: Result[]): string {
  const base = results[0];
  const head = ["set-up", "writes", "failed", "p50 ms", "p99 ms", "writes/s", "p99 vs SQLite", "writes/s vs SQLite"];
  const rows = results.map((r) => [
    r.name,
    String(r.writes),
    String(r.failures),
    r.p50.toFixed(0),
    r.p99.toFixed(0),
    r.perSecond.toFixed(1),
    `${(r.p99 / base.p99).toFixed(2)}×`,
    `${(r.perSecond / base.perSecond).toFixed(2)}×`,
  ]);
  return textTable(head, rows);
}

const started: { instances: Instance[]; proxy?: Proxy; cluster?: PgCluster; dirs: string[] } = {
  instances: [],
  dirs: [],
};
async function stopAll() {
  await started.proxy?.stop();
  started.proxy = undefined;
  await Promise.all(started.instances.map((i) => i.kill()));
  started.instances = [];
}
async function cleanup() {
  await stopAll();
  started.cluster?.stop();
  for (const d of started.dirs) fs.rmSync(d, { recursive: true, force: true });
}
for (const s of ["SIGINT", "SIGTERM"] as const)
  process.on(s, () => {
    void cleanup().finally(() => process.exit(130));
  });

try {
  log(`${EDITORS} editors × ${WRITES} measured writes (after ${WARMUP} warm-up writes each) per set-up`);
  await ensureBuild(E2E_DIST_DIR, { log });
  const actionId = listActions(E2E_DIST_DIR).find((a) => a.name === "saveScoreAction")?.id;
  if (!actionId) throw new Error("saveScoreAction not in the build");
  started.cluster = await startPgCluster({ log });
  // Migrated and seeded once; each PostgreSQL set-up gets its own copy (the CLI's migrate lingers ~60 s per run).
  const template = await started.cluster.createDatabase("bench_template");
  await prepareDatabase(template, { log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-bench-db-"));
  started.dirs.push(dir);
  const sqliteUrl = `file:${path.join(dir, "bench.db")}`;
  await prepareDatabase(sqliteUrl, { log });
  const admin = started.cluster.url("postgres");
  const setups: { name: string; url: () => Promise<string>; instances: number }[] = [
    { name: "SQLite, 1 instance", url: async () => sqliteUrl, instances: 1 },
    {
      name: "PostgreSQL, 1 instance",
      url: () => createPgDatabase(admin, "bench_one", "bench_template"),
      instances: 1,
    },
    {
      name: "PostgreSQL, 2 instances + nginx",
      url: () => createPgDatabase(admin, "bench_two", "bench_template"),
      instances: 2,
    },
  ];
  const results: Result[] = [];
  for (const s of setups) {
    const url = await s.url();
    const f = await fixture(url, EDITORS);
    log(`${s.name}: starting`);
    started.instances = await Promise.all(
      Array.from({ length: s.instances }, (_, i) =>
        startInstance(String.fromCharCode(65 + i), { databaseUrl: url, distDir: E2E_DIST_DIR }),
      ),
    );
    let baseURL = started.instances[0].baseURL;
    if (s.instances > 1) {
      started.proxy = await startNginx(started.instances);
      baseURL = started.proxy.baseURL;
    }
    const r = await load(baseURL, f, actionId, s.name);
    if (started.proxy) {
      const counts = [...started.proxy.upstreamCounts().entries()].map(([a, n]) => `${a} ${n}`).join(", ");
      log(`${s.name}: requests per instance: ${counts}`);
    }
    log(`${s.name}: p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.perSecond.toFixed(1)} writes/s`);
    results.push(r);
    await stopAll();
  }
  console.log(
    `\n${EDITORS} concurrent editors, ${WRITES} score saves each over HTTP (server action), ${os.cpus().length} cores:\n`,
  );
  console.log(table(results));
  console.log(
    "\nLoad average at the end:",
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" "),
  );
} finally {
  await cleanup();
}
