// `npm test`: typecheck, lint, format, unit tests, then Playwright e2e in real Chromium against a production build and a
// fresh temporary database — on SQLite, then the database suites again on a PostgreSQL server this script starts, and
// two instances behind nginx. Prints one summary line "N passed, N failed" summing every suite; exits non-zero on any failure.
import fs from "node:fs";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "./lib/chromium";
import { ensureBuild } from "./lib/build";
import { startPgCluster, type PgCluster } from "./lib/pg-cluster";
import { BIN, ROOT, baseEnv, captured, quiet, run } from "./lib/run";
import { E2E_DIST_DIR } from "../e2e/support/env";

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
  /** Wall time of the suite, so the summary shows where the run's minutes go. */
  seconds?: number;
}

const TMP = path.join(ROOT, ".test-tmp");
fs.mkdirSync(TMP, { recursive: true });
const results: SuiteResult[] = [];
// Each suite's result is stamped with the time since the previous one was recorded (or since the run started).
let lastMark = performance.now();
const runStarted = lastMark;
function record(r: SuiteResult) {
  const now = performance.now();
  results.push({ seconds: (now - lastMark) / 1000, ...r });
  lastMark = now;
}
const banner = (s: string) => console.log(`\n━━━ ${s} ━━━`);

/**
 * Typecheck, lint and format at once: each is one single-threaded process, so on two cores they take about the time
 * of the longest instead of the sum. Output is held and printed per check, in order, so the log reads as before.
 */
async function checks(list: [name: string, cmd: string, args: string[]][]) {
  const started = performance.now();
  const runs = list.map(async ([name, cmd, args]) => {
    const out = await captured(cmd, args, { env: baseEnv() });
    return { name, ...out, seconds: (performance.now() - started) / 1000 };
  });
  for (const r of runs) {
    const { name, code, output, seconds } = await r;
    banner(name);
    process.stdout.write(output);
    record({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds });
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function vitest(name: string, args: string[], extraEnv: Record<string, string> = {}) {
  const report = path.join(TMP, `vitest-${name}.json`);
  fs.rmSync(report, { force: true });
  const code = await run(
    BIN("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...args],
    {
      env: baseEnv(extraEnv),
    },
  );
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(report);
  if (!json) {
    record({ name, passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` });
    return;
  }
  // A suite that fails to load (syntax error, bad import) reports no failed test but a non-zero exit: count it.
  const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  record({ name, passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests });
}

async function unit() {
  banner("unit tests (vitest, SQLite)");
  await vitest("unit", []);
}

interface PlaywrightStats {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

async function e2e(name = "e2e", extraEnv: Record<string, string> = {}) {
  banner(`end-to-end tests (Playwright + Chromium${name === "e2e" ? ", SQLite" : ", PostgreSQL"})`);
  const browser = findChromium();
  if (browser.kind === "none") {
    console.error(INSTALL_HINT);
    record({ name, passed: 0, failed: 1, skipped: 0, note: "no Chromium" });
    return;
  }
  console.log(browser.kind === "system" ? `Using Chromium at ${browser.path}` : "Using Playwright's Chromium");
  const report = path.join(TMP, `playwright-${name}.json`);
  fs.rmSync(report, { force: true });
  const code = await run(BIN("playwright"), ["test"], { env: baseEnv({ STACKWISE_E2E_REPORT: report, ...extraEnv }) });
  const json = readJson<PlaywrightStats>(report);
  if (!json) {
    record({ name, passed: 0, failed: 1, skipped: 0, note: `playwright exited ${code} without a report` });
    return;
  }
  const { expected, unexpected, flaky, skipped } = json.stats;
  const failed = unexpected + flaky + (code !== 0 && unexpected + flaky === 0 ? 1 : 0);
  record({ name, passed: expected, failed, skipped });
}

/** Test files that use a migrated database (they run again on PostgreSQL), and the PostgreSQL-only ones. */
function databaseSuites(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") walk(rel);
      } else if (e.name.endsWith(".pg.test.ts")) out.push(rel);
      else if (
        /\.test\.tsx?$/.test(e.name) &&
        !e.name.endsWith(".sqlite.test.ts") &&
        !e.name.endsWith(".multi.test.ts")
      ) {
        if (/use-temp-db|createMigratedDatabase\(/.test(fs.readFileSync(path.join(ROOT, rel), "utf8"))) out.push(rel);
      }
    }
  };
  for (const dir of ["lib", "prisma", "scripts", "components"]) walk(dir);
  return out.sort();
}

/**
 * The same data-layer and e2e suites on a real PostgreSQL server started here (initdb into a temp directory, pg_ctl
 * on a free port, removed at the end), then two instances behind nginx.
 */
async function postgres() {
  banner("PostgreSQL: a throwaway server for this run");
  let cluster: PgCluster;
  try {
    cluster = await startPgCluster({ log: (m) => console.log(m) });
  } catch (e) {
    console.error((e as Error).message);
    record({ name: "postgresql", passed: 0, failed: 1, skipped: 0, note: "no PostgreSQL server" });
    return;
  }
  process.on("exit", () => cluster.stop());
  try {
    const template = await cluster.createDatabase("stackwise_template");
    await quiet(BIN("prisma"), ["migrate", "deploy"], { env: baseEnv({ DATABASE_URL: template }) });
    if (want("unit")) {
      banner("data-layer tests (vitest, PostgreSQL)");
      await vitest("unit-postgresql", databaseSuites(), { STACKWISE_TEST_PG_TEMPLATE: template });
    }
    if (want("e2e"))
      await e2e("e2e-postgresql", {
        E2E_DATABASE_URL: cluster.url("stackwise_e2e"),
        E2E_PG_ADMIN_URL: cluster.url("postgres"),
        E2E_OUTPUT_DIR: path.join(ROOT, "test-results", "postgresql"),
      });
    if (want("multi")) {
      banner("two instances on PostgreSQL behind nginx (vitest)");
      await ensureBuild(E2E_DIST_DIR, { log: (m) => console.log(m) });
      await vitest("multi-instance", ["scripts/multi-instance"], { STACKWISE_TEST_PG_ADMIN: cluster.url("postgres") });
    }
  } finally {
    cluster.stop();
  }
}

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);

await checks(
  (
    [
      ["typecheck", BIN("tsc"), ["--noEmit"]],
      ["lint", BIN("eslint"), ["--max-warnings=0", "."]],
      ["format", BIN("prettier"), ["--check", "."]],
    ] as [string, string, string[]][]
  ).filter(([name]) => want(name)),
);
if (want("unit")) await unit();
if (want("e2e")) await e2e();
if (want("unit") || want("e2e") || want("multi")) await postgres();

banner("summary");
const minutes = (seconds: number) => `${(seconds / 60).toFixed(1)} min`;
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed${r.skipped ? `  ${r.skipped} skipped` : ""}${r.seconds !== undefined ? `  ${minutes(r.seconds)}` : ""}${r.note ? `  (${r.note})` : ""}`,
  );
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log(`  ${"total time".padEnd(22)} ${minutes((performance.now() - runStarted) / 1000)}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
