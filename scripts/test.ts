// `npm test`: typecheck, lint, unit tests, then Playwright e2e in real Chromium against a production build and a fresh
// temporary database. Prints one summary line "N passed, N failed" summing every suite; exits non-zero on any failure.
import fs from "node:fs";
import path from "node:path";
import { findChromium, INSTALL_HINT } from "./lib/chromium";
import { BIN, ROOT, baseEnv, run } from "./lib/run";

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const TMP = path.join(ROOT, ".test-tmp");
fs.mkdirSync(TMP, { recursive: true });
const results: SuiteResult[] = [];
const banner = (s: string) => console.log(`\n━━━ ${s} ━━━`);

async function check(name: string, cmd: string, args: string[]) {
  banner(name);
  const code = await run(cmd, args, { env: baseEnv() });
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function unit() {
  banner("unit tests (vitest)");
  const report = path.join(TMP, "vitest.json");
  fs.rmSync(report, { force: true });
  const code = await run(BIN("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], {
    env: baseEnv(),
  });
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(report);
  if (!json) {
    results.push({ name: "unit", passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` });
    return;
  }
  // A suite that fails to load (syntax error, bad import) reports no failed test but a non-zero exit: count it.
  const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  results.push({
    name: "unit",
    passed: json.numPassedTests,
    failed,
    skipped: json.numPendingTests + json.numTodoTests,
  });
}

interface PlaywrightStats {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

async function e2e() {
  banner("end-to-end tests (Playwright + Chromium)");
  const browser = findChromium();
  if (browser.kind === "none") {
    console.error(INSTALL_HINT);
    results.push({ name: "e2e", passed: 0, failed: 1, skipped: 0, note: "no Chromium" });
    return;
  }
  console.log(browser.kind === "system" ? `Using Chromium at ${browser.path}` : "Using Playwright's Chromium");
  const report = path.join(TMP, "playwright.json");
  fs.rmSync(report, { force: true });
  const code = await run(BIN("playwright"), ["test"], { env: baseEnv({ STACKWISE_E2E_REPORT: report }) });
  const json = readJson<PlaywrightStats>(report);
  if (!json) {
    results.push({ name: "e2e", passed: 0, failed: 1, skipped: 0, note: `playwright exited ${code} without a report` });
    return;
  }
  const { expected, unexpected, flaky, skipped } = json.stats;
  const failed = unexpected + flaky + (code !== 0 && unexpected + flaky === 0 ? 1 : 0);
  results.push({ name: "e2e", passed: expected, failed, skipped });
}

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);

if (want("typecheck")) await check("typecheck", BIN("tsc"), ["--noEmit"]);
if (want("lint")) await check("lint", BIN("eslint"), ["--max-warnings=0", "."]);
if (want("format")) await check("format", BIN("prettier"), ["--check", "."]);
if (want("unit")) await unit();
if (want("e2e")) await e2e();

banner("summary");
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed${r.skipped ? `  ${r.skipped} skipped` : ""}${r.note ? `  (${r.note})` : ""}`,
  );
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
