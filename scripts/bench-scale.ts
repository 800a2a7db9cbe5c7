// `npm run bench:scale [-- --decisions 1000 --seconds 5 --only sqlite|pg --points 10,100 --match <name part>]`: the app
// at organisation scale (issue 14). Seeds 1,000 decisions of mixed size up to 30 × 50 × 12, 200 users, 20 teams, ~1M
// scores and ~2M audit events with the raw drivers (scripts/lib/scale-fixture.ts), then measures p50 / p99 / throughput
// of the decisions list, results page, score and rating saves, JSON export, API results, PDF (en, zh-CN) and the audit
// page with 10 concurrent connections (and one person's list beside two cold PDF downloads), each beside a floor
// measured in the same run: a bare Node `http` server with the same driver returning the rows the page needs
// (scripts/lib/scale-floor.ts). Then the p50 of the results page, JSON export and decisions list at 10, 100 and the
// full number of decisions (one connection, before any write), to show whether a page's cost grows with the number of
// other decisions. Figures, not pass/fail: the machine is shared, compare the ratios.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { callAction, listActions } from "@/e2e/support/http-actions";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { encodeKeyset } from "@/lib/server/paging";
import { ensureBuild } from "./lib/build";
import { flagNumber, flagText, textTable } from "./lib/cli";
import { prepareDatabase } from "./lib/database";
import { BENCH_DIST_DIR } from "./lib/dist-dirs";
import { type LoadResult, fetchOk, runLoad } from "./lib/load-loop";
import { createPgDatabase } from "./lib/pg-admin";
import { freePort, startPgCluster, type PgCluster } from "./lib/pg-cluster";
import { openRawWriter } from "./lib/raw-writer";
import { baseEnv, ROOT } from "./lib/run";
import { seedOrganisation, type ScaleFixture } from "./lib/scale-fixture";
import { planDecisions } from "./lib/scale-plan";
import { startInstance, type Instance } from "./multi-instance/cluster";

const DECISIONS = flagNumber("decisions", 1000, { integer: true });
const SECONDS = flagNumber("seconds", 5);
const WARMUP_SECONDS = flagNumber("warmup", 1);
const CONNECTIONS = flagNumber("connections", 10, { integer: true });
const ONLY = flagText("only", "both");
// Only the scenarios whose name contains this text (e.g. --match "beside"); the summary then shows only their figures.
const MATCH = flagText("match", "");
const POINTS = flagText("points", "10,100")
  .split(",")
  .filter(Boolean)
  .map(Number)
  .filter((n) => n > 0 && n < DECISIONS);
// Per decision, as in the issue's organisation: ~1,000 scores and ~2,000 audit events; 200 users and 20 teams.
const SCORES_PER_DECISION = 1000;
const AUDIT_PER_DECISION = 2000;
const log = (m: string) => console.error(`[bench-scale] ${m}`);
const load = { connections: CONNECTIONS, warmupMs: WARMUP_SECONDS * 1000, durationMs: SECONDS * 1000 };
// The growth points measure one request's latency (1 connection): at 10 connections a p50 is mostly time in the
// queue, which on a shared 2-core machine moves with the neighbours more than with the workspace.
const pointLoad = { ...load, connections: 1, durationMs: Math.max(1000, (SECONDS * 1000) / 2) };

interface Backend {
  name: string;
  /** A migrated (and demo-seeded) empty database of its own for `n` decisions. */
  database(n: number): Promise<string>;
}

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanup() {
  for (const c of cleanups.splice(0).reverse()) await c();
}
for (const s of ["SIGINT", "SIGTERM"] as const)
  process.on(s, () => {
    void cleanup().finally(() => process.exit(130));
  });

async function sqliteBackend(): Promise<Backend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-bench-scale-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const template = path.join(dir, "template.db");
  await prepareDatabase(`file:${template}`, { log });
  return {
    name: "SQLite",
    async database(n) {
      const file = path.join(dir, `org-${n}.db`);
      fs.copyFileSync(template, file);
      return `file:${file}`;
    },
  };
}

async function pgBackend(): Promise<Backend> {
  const cluster: PgCluster = await startPgCluster({ log });
  cleanups.push(() => cluster.stop());
  const template = await cluster.createDatabase("scale_template");
  await prepareDatabase(template, { log });
  return {
    name: "PostgreSQL",
    database: (n) => createPgDatabase(cluster.url("postgres"), `scale_${n}`, "scale_template"),
  };
}

async function seed(url: string, n: number): Promise<ScaleFixture> {
  const w = await openRawWriter(url);
  const t0 = performance.now();
  try {
    const f = await seedOrganisation(w, {
      shapes: planDecisions(n, n * SCORES_PER_DECISION),
      users: 200,
      teams: 20,
      auditEvents: n * AUDIT_PER_DECISION,
      log,
    });
    if (url.startsWith("postgres")) await w.query("ANALYZE");
    const rows = Object.entries(f.counts)
      .map(([t, c]) => `${t} ${c.toLocaleString("en")}`)
      .join(", ");
    log(`seeded ${n} decisions in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${rows}`);
    return f;
  } finally {
    await w.close();
  }
}

interface Floor {
  baseURL: string;
  child: ChildProcess;
}
async function startFloor(url: string, workspaceId: string): Promise<Floor> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/lib/scale-floor.ts", String(port), url, workspaceId],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: baseEnv() },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseURL}/ready`)).ok) return { baseURL, child };
    } catch {
      // not listening yet
    }
    if (i > 150 || child.exitCode !== null) throw new Error("floor server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Running {
  app: Instance;
  floor: Floor;
  fixture: ScaleFixture;
  url: string;
  stop(): Promise<void>;
}
async function serve(backend: Backend, n: number): Promise<Running> {
  const url = await backend.database(n);
  const fixture = await seed(url, n);
  // The API's per-token budget would otherwise answer 429 within a second of load.
  const app = await startInstance(`${backend.name}-${n}`, {
    databaseUrl: url,
    distDir: BENCH_DIST_DIR,
    env: { STACKWISE_API_RATE_LIMIT: "1000000" },
  });
  const floor = await startFloor(url, fixture.workspaceId);
  const stop = async () => {
    floor.child.kill("SIGTERM");
    await app.kill();
  };
  cleanups.push(stop);
  return { app, floor, fixture, url, stop };
}

/** Exports are throttled per user: every request goes out as the next member, and the budget is reset before. */
async function resetThrottle(url: string) {
  const w = await openRawWriter(url);
  await w.query(`DELETE FROM "RateLimit"`);
  await w.close();
}

interface Row {
  name: string;
  app: LoadResult;
  floor: LoadResult;
}

async function measureAll(r: Running, actions: { score: string; rating: string }): Promise<Row[]> {
  const { app, floor, fixture: f } = r;
  const admin = (c: number) => ({ cookie: f.cookies.ADMIN[c % f.cookies.ADMIN.length] });
  const anyone = (c: number, n: number) => ({ cookie: f.cookies.ALL[(n * CONNECTIONS + c) % f.cookies.ALL.length] });
  const get = (pathname: string, headers: (c: number, n: number) => Record<string, string>) => (c: number, n: number) =>
    fetchOk(`${app.baseURL}${pathname}`, headers(c, n));
  const floorGet = (pathname: string) => () => fetchOk(`${floor.baseURL}${pathname}`);
  const floorPost = (pathname: string, body: unknown) =>
    fetch(`${floor.baseURL}${pathname}`, { method: "POST", body: JSON.stringify(body) }).then(async (res) => {
      await res.arrayBuffer();
      return res.status === 200 || `floor HTTP ${res.status}`;
    });
  const d = f.targetDecisionId;
  const zh = (c: number, n: number) => ({ cookie: `${anyone(c, n).cookie}; ${LOCALE_COOKIE}=zh-CN` });

  // Score saves: each connection is one admin writing its own cells of the 12 × 20 × 8 decision (no conflicts).
  const cells = f.target.criteria.length * f.target.candidates.length;
  const scoreVersions = Array.from({ length: CONNECTIONS }, () => new Map<number, number>());
  const saveScore = async (c: number, n: number) => {
    const cell = n % cells;
    const res = await callAction(
      app.baseURL,
      actions.score,
      [
        {
          decisionId: d,
          criterionId: f.target.criteria[Math.floor(cell / f.target.candidates.length)],
          candidateId: f.target.candidates[cell % f.target.candidates.length],
          value: (c * 3 + n) % 11,
          version: scoreVersions[c].get(cell) ?? null,
        },
      ],
      { ...admin(c), path: `/decisions/${d}/scores` },
    );
    const out = res.result as { ok?: boolean; data?: { version: number }; error?: string } | undefined;
    if (res.status !== 200 || !out?.ok) return `HTTP ${res.status} ${out?.error ?? ""}`;
    scoreVersions[c].set(cell, out.data!.version);
    return true;
  };
  // Rating saves: connection c owns cells c, c + C, c + 2C… (seeded at version 1).
  const ratingVersions = new Map<number, number>();
  const ratingCell = (c: number, n: number) => (c + CONNECTIONS * n) % f.ratingCells.length;
  const saveRating = async (c: number, n: number) => {
    const k = ratingCell(c, n);
    const [teamId, memberId, skillId] = f.ratingCells[k];
    const res = await callAction(
      app.baseURL,
      actions.rating,
      [{ memberId, skillId, level: n % 11, version: ratingVersions.get(k) ?? 1 }],
      { ...admin(c), path: `/teams/${teamId}` },
    );
    const out = res.result as { ok?: boolean; data?: { version: number }; error?: string } | undefined;
    if (res.status !== 200 || !out?.ok) return `HTTP ${res.status} ${out?.error ?? ""}`;
    ratingVersions.set(k, out.data!.version);
    return true;
  };

  // Page 1,000 of the audit trail: the rows past the 49,950th event, by the keyset its "Older" link carries.
  const deepRow = (await (await fetch(`${floor.baseURL}/audit-row?depth=${999 * 50 - 1}`)).json()) as {
    createdAt: string | number;
    id: string;
  };
  const deepCursor = encodeKeyset({ at: new Date(deepRow.createdAt), id: deepRow.id, dir: "older" });
  const deepFloor = `/audit?at=${encodeURIComponent(String(deepRow.createdAt))}&id=${deepRow.id}`;

  // A different decision per request (decisions 2…, past the two the other scenarios use): never rendered before.
  let cold = 2;
  const coldPdf = (c: number, n: number) =>
    fetchOk(`${app.baseURL}/api/decisions/${f.decisionIds[cold++ % f.decisionIds.length]}/export/pdf`, anyone(c, n));

  const scenarios: {
    name: string;
    app: (c: number, n: number) => Promise<boolean | string>;
    floor: (c: number, n: number) => Promise<boolean | string>;
    throttled?: boolean;
    /** Measured with this many connections instead of --connections (one user's latency, without queueing). */
    connections?: number;
    /** A load run at the same time as the app's measurement (not the floor's), and not itself reported. */
    beside?: { connections: number; send: (c: number, n: number) => Promise<boolean | string> };
  }[] = [
    { name: "Decisions list, first page", app: get("/", admin), floor: floorGet("/list") },
    { name: "Decisions list, page 40", app: get("/?page=40", admin), floor: floorGet("/list?page=40") },
    {
      name: "Decisions list, status filter",
      app: get("/?status=DECIDED", admin),
      floor: floorGet("/list?status=DECIDED"),
    },
    { name: "Decisions list, search", app: get("/?q=queue", admin), floor: floorGet("/list?q=queue") },
    // The same two pages as one person sees them: requests one after another, so p99 is a page's own latency rather
    // than its place in a queue of ten.
    { name: "Decisions list, first page, 1 conn.", app: get("/", admin), floor: floorGet("/list"), connections: 1 },
    {
      name: "Decisions list, page 40, 1 conn.",
      app: get("/?page=40", admin),
      floor: floorGet("/list?page=40"),
      connections: 1,
    },
    // One person's list while two others download PDFs nobody has rendered yet (each of another decision): what a
    // cold render costs everyone else. Rendered on the request thread, it stalled the list for the whole render.
    {
      name: "Decisions list, 1 conn., beside cold PDFs",
      app: get("/", admin),
      floor: floorGet("/list"),
      connections: 1,
      beside: { connections: 2, send: (c, n) => coldPdf(c, n) },
    },
    { name: "Results page 12×20×8", app: get(`/decisions/${d}`, admin), floor: floorGet(`/decision/${d}`) },
    {
      name: "Results page 30×50×12",
      app: get(`/decisions/${f.largestDecisionId}`, admin),
      floor: floorGet(`/decision/${f.largestDecisionId}`),
    },
    {
      name: "API results 12×20×8",
      app: get(`/api/v1/decisions/${d}/results?samples=0`, (c) => ({
        authorization: `Bearer ${f.apiTokens[c % f.apiTokens.length]}`,
      })),
      floor: floorGet(`/decision/${d}`),
    },
    {
      name: "JSON export 12×20×8",
      app: get(`/api/decisions/${d}/export/json`, anyone),
      floor: floorGet(`/decision/${d}`),
      throttled: true,
    },
    {
      name: "PDF en 12×20×8",
      app: get(`/api/decisions/${d}/export/pdf`, anyone),
      floor: floorGet(`/decision/${d}`),
      throttled: true,
    },
    {
      name: "PDF zh-CN 12×20×8",
      app: get(`/api/decisions/${d}/export/pdf`, zh),
      floor: floorGet(`/decision/${d}`),
      throttled: true,
    },
    { name: "Audit page 1", app: get("/settings/audit", admin), floor: floorGet("/audit") },
    { name: "Audit page 1,000", app: get(`/settings/audit?cursor=${deepCursor}`, admin), floor: floorGet(deepFloor) },
    {
      name: "Score save 12×20×8",
      app: saveScore,
      floor: (c, n) => {
        const cell = n % cells;
        return floorPost("/score", {
          criterionId: f.target.criteria[Math.floor(cell / f.target.candidates.length)],
          candidateId: f.target.candidates[cell % f.target.candidates.length],
          evaluatorId: f.adminIds[c % f.adminIds.length],
          value: (c * 3 + n) % 11,
        });
      },
    },
    {
      name: "Rating save",
      app: saveRating,
      floor: (c, n) => {
        const [, memberId, skillId] = f.ratingCells[ratingCell(c, n + 5000)];
        return floorPost("/rating", { memberId, skillId, level: n % 11 });
      },
    },
  ];
  const rows: Row[] = [];
  for (const s of scenarios.filter((x) => x.name.includes(MATCH))) {
    if (s.throttled) await resetThrottle(r.url);
    const opts = s.connections ? { ...load, connections: s.connections } : load;
    // The load beside runs for exactly as long as the measured one (which goes on until it has enough requests).
    let measured = false;
    const [appResult, besideResult] = await Promise.all([
      runLoad(s.app, s.beside ? { ...opts, minRequests: 30 } : opts).finally(() => (measured = true)),
      s.beside
        ? runLoad(s.beside.send, {
            ...load,
            connections: s.beside.connections,
            durationMs: 3_600_000,
            minRequests: 0,
            stop: () => measured,
          })
        : null,
    ]);
    if (besideResult)
      log(
        `${s.name}: beside it ${besideResult.count} requests, p50 ${besideResult.p50.toFixed(0)} ms, ${besideResult.failures} failed${besideResult.reasons.length ? ` (${besideResult.reasons.join("; ")})` : ""}`,
      );
    const floorResult = await runLoad(s.floor, opts);
    for (const [who, res] of [
      ["app", appResult],
      ["floor", floorResult],
    ] as const)
      if (res.failures) log(`${s.name} (${who}): ${res.failures} failed, e.g. ${res.reasons.join("; ")}`);
    log(`${s.name}: app p50 ${appResult.p50.toFixed(1)} ms, floor p50 ${floorResult.p50.toFixed(1)} ms`);
    rows.push({ name: s.name, app: appResult, floor: floorResult });
  }
  return rows;
}

/** p50 of the pages whose cost must not grow with the number of other decisions. */
async function measurePoint(r: Running): Promise<Record<string, number>> {
  const f = r.fixture;
  const admin = { cookie: f.cookies.ADMIN[0] };
  await resetThrottle(r.url);
  let k = 0;
  const out: Record<string, number> = {};
  const pages: [string, string, Record<string, string> | null][] = [
    ["Results page 12×20×8", `/decisions/${f.targetDecisionId}`, admin],
    ["JSON export 12×20×8", `/api/decisions/${f.targetDecisionId}/export/json`, null],
    ["Decisions list, first page", "/", admin],
  ];
  for (const [name, pathname, headers] of pages) {
    const res = await runLoad(
      () => fetchOk(`${r.app.baseURL}${pathname}`, headers ?? { cookie: f.cookies.ALL[k++ % f.cookies.ALL.length] }),
      pointLoad,
    );
    out[name] = res.p50;
  }
  return out;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : "–");
try {
  log(`${DECISIONS} decisions, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per measurement`);
  await ensureBuild(BENCH_DIST_DIR, { log });
  const manifest = listActions(BENCH_DIST_DIR);
  const actionId = (name: string) => {
    const a = manifest.find((x) => x.name === name);
    if (!a) throw new Error(`${name} not in the build`);
    return a.id;
  };
  const actions = { score: actionId("saveScoreAction"), rating: actionId("setRatingAction") };
  const backends: (() => Promise<Backend>)[] = [];
  if (ONLY !== "pg") backends.push(sqliteBackend);
  if (ONLY !== "sqlite") backends.push(pgBackend);
  for (const make of backends) {
    const backend = await make();
    const points: Record<number, Record<string, number>> = {};
    for (const n of POINTS) {
      const r = await serve(backend, n);
      points[n] = await measurePoint(r);
      await r.stop();
    }
    const full = await serve(backend, DECISIONS);
    // Before the load below, so every point is taken in the same state: a fresh server, nothing written yet.
    points[DECISIONS] = await measurePoint(full);
    const rows = await measureAll(full, actions);
    await full.stop();

    console.log(
      `\n${backend.name}: ${DECISIONS} decisions, ${CONNECTIONS} connections, ${SECONDS} s each, ${os.cpus().length} cores\n`,
    );
    console.log(
      textTable(
        [
          "",
          "app p50 ms",
          "p99 ms",
          "req/s",
          "floor p50",
          "p99",
          "req/s",
          "p50 ×floor",
          "p99 ×floor",
          "floor ÷ app req/s",
        ],
        rows.map((x) => [
          x.name,
          ms(x.app.p50),
          ms(x.app.p99),
          x.app.perSecond.toFixed(1),
          ms(x.floor.p50),
          ms(x.floor.p99),
          x.floor.perSecond.toFixed(1),
          ratio(x.app.p50, x.floor.p50),
          ratio(x.app.p99, x.floor.p99),
          ratio(x.floor.perSecond, x.app.perSecond),
        ]),
      ),
    );
    const sizes = Object.keys(points).map(Number);
    console.log(`\n${backend.name}: p50 ms by number of decisions in the workspace (1 connection, before any write)\n`);
    console.log(
      textTable(
        ["", ...sizes.map((n) => `${n.toLocaleString("en")} decisions`)],
        Object.keys(points[DECISIONS]).map((name) => [name, ...sizes.map((n) => ms(points[n][name]))]),
      ),
    );
    const by = (name: string) => rows.find((x) => x.name === name)!;
    const share = (name: string) => `${(by(name).app.perSecond / by(name).floor.perSecond).toFixed(2)}×`;
    // [label, the scenarios it reads, the figure]: a figure whose scenarios were not run (--match) is left out.
    const figures: [string, string[], () => string][] = [
      // The issue's targets are throughput as a share of the floor's: app req/s ÷ floor req/s.
      ["JSON export req/s ÷ floor (target ≥ 0.5×)", ["JSON export 12×20×8"], () => share("JSON export 12×20×8")],
      ["API results req/s ÷ floor (target ≥ 0.5×)", ["API results 12×20×8"], () => share("API results 12×20×8")],
      ["Results page req/s ÷ floor (target ≥ 0.25×)", ["Results page 12×20×8"], () => share("Results page 12×20×8")],
      [
        // Ten requests at once on one process: a request's p99 is mostly its place in the queue (≈ connections ÷
        // throughput), so the target is read off one person's requests (the row below); this row shows the queue.
        `Decisions list p99, first page / page 40, ${CONNECTIONS} conn. (queueing: ≈ ${CONNECTIONS} ÷ req/s)`,
        ["Decisions list, first page", "Decisions list, page 40"],
        () => `${ms(by("Decisions list, first page").app.p99)} / ${ms(by("Decisions list, page 40").app.p99)} ms`,
      ],
      [
        "Decisions list p99, first page / page 40, one person (target ≤ 100 ms)",
        ["Decisions list, first page, 1 conn.", "Decisions list, page 40, 1 conn."],
        () =>
          `${ms(by("Decisions list, first page, 1 conn.").app.p99)} / ${ms(by("Decisions list, page 40, 1 conn.").app.p99)} ms`,
      ],
      [
        "Decisions list p50 / p99, 1 conn., beside 2 cold PDF downloads",
        ["Decisions list, 1 conn., beside cold PDFs"],
        () =>
          `${ms(by("Decisions list, 1 conn., beside cold PDFs").app.p50)} / ${ms(by("Decisions list, 1 conn., beside cold PDFs").app.p99)} ms`,
      ],
      ["PDF en p50", ["PDF en 12×20×8"], () => `${ms(by("PDF en 12×20×8").app.p50)} ms`],
      ["PDF zh-CN p50", ["PDF zh-CN 12×20×8"], () => `${ms(by("PDF zh-CN 12×20×8").app.p50)} ms`],
    ];
    console.log(`\n${backend.name}: the issue's 12 × 20 × 8 figures\n`);
    console.log(
      textTable(
        ["", "figure"],
        figures.filter(([, names]) => names.every((n) => rows.some((x) => x.name === n))).map(([l, , f]) => [l, f()]),
      ),
    );
    await cleanup();
  }
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
process.exit(0);
