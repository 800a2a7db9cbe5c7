// Speed budget of the results page: `npx tsx scripts/bench-web.ts`.
// Builds into .next-bench, serves a throwaway database with the demo plus a 12 × 20 × 8 decision, and prints:
// Lighthouse (desktop preset, when the `lighthouse` CLI is available: node_modules/.bin or LIGHTHOUSE_BIN) LCP and
// performance score; first-load JS (gzip of the scripts in the initial HTML; lazily loaded charts are not counted);
// milliseconds from a slider's input event to the next paint; and the Monte Carlo worker's time.
// Budget: LCP ≤ 1.0 s, performance ≥ 95, first-load JS ≤ 200 kB gzip, slider ≤ 50 ms. Figures, not pass/fail: the
// machines are shared, compare within one run.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/create-client";
import { createBenchDecision } from "./lib/bench-decision";
import { ensureBuild } from "./lib/build";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium";
import { prepareDatabase } from "./lib/database";
import { BENCH_DIST_DIR } from "./lib/dist-dirs";
import { BIN, ROOT, baseEnv } from "./lib/run";

const PORT = Number(process.env.BENCH_PORT ?? 3330);
const BASE = `http://127.0.0.1:${PORT}`;
// BENCH_DIST lets a run reuse an up-to-date build (e.g. .next-test); it is rebuilt only when sources changed.
const DIST = process.env.BENCH_DIST ?? BENCH_DIST_DIR;
const SLIDER_RUNS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (m: string) => console.error(`[bench-web] ${m}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { log });
const db = createPrismaClient(url);
const workspace = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
const decisionId = await createBenchDecision(db, workspace.id);
await db.$disconnect();
log(`Benchmark decision ${decisionId} created.`);
await ensureBuild(DIST, { log });

const server = spawn(BIN("next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
  cwd: ROOT,
  stdio: "ignore",
  env: baseEnv({ DATABASE_URL: url, STACKWISE_DIST_DIR: DIST, NODE_ENV: "production" }),
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${BASE}/api/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 120) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 500));
}

const found = findChromium();
const browser = await chromium.launch({
  executablePath: found.kind === "system" ? found.path : undefined,
  args: CHROMIUM_ARGS,
});
const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
const page = await context.newPage();
await page.goto(`${BASE}/sign-in`);
await page.getByLabel("Email").fill("viewer@stackwise.demo");
await page.getByLabel("Password", { exact: true }).fill("stackwise-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
const target = `${BASE}/decisions/${decisionId}`;

// First-load JS: every script the initial HTML references, gzipped as a CDN would serve it. The `noModule` polyfill
// bundle is left out: browsers that run modules (all the page supports) never download it.
const html = await (await fetch(target, { headers: { cookie } })).text();
const scripts = [
  ...new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0])).map((m) => m[1]),
  ),
];
let jsGzip = 0;
for (const src of scripts) {
  const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
  jsGzip += zlib.gzipSync(body, { level: 9 }).length;
}

// In-browser figures: LCP, the worker's simulation time, slider input → next paint.
await page.goto(target);
await page.waitForSelector(".recharts-wrapper > svg.recharts-surface");
await page.waitForSelector('[data-testid="mc-status"][data-status="done"]', { timeout: 120_000 });
const lcp = await page.evaluate(
  () =>
    new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1]?.startTime ?? NaN);
      }).observe({ type: "largest-contentful-paint", buffered: true });
    }),
);
const mcMs = Number(await page.getByTestId("mc-status").getAttribute("data-ms"));
const sliderMs: number[] = [];
for (let i = 0; i < SLIDER_RUNS; i++) {
  sliderMs.push(
    await page.evaluate(async (k) => {
      const inputs = [...document.querySelectorAll<HTMLInputElement>('#view-what-if input[type="range"]')];
      const input = inputs[k % inputs.length];
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      const start = performance.now();
      setter.call(input, String(50 + ((k * 37) % 400)));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // Next paint: a frame callback, then a task after it (the frame has been presented by then).
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    }, i),
  );
}
await browser.close();

// Lighthouse, when installed (npm i -D lighthouse@<exact>), or LIGHTHOUSE_BIN pointing at a CLI.
const lhBin = process.env.LIGHTHOUSE_BIN ?? (fs.existsSync(BIN("lighthouse")) ? BIN("lighthouse") : null);
const lh: { score: number; lcp: number; tbt: number; cls: number }[] = [];
if (lhBin) {
  for (let run = 0; run < 3; run++) {
    const out = path.join(dir, `lh-${run}.json`);
    const r = spawnSync(
      lhBin,
      [
        target,
        "--preset=desktop",
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--extra-headers=${JSON.stringify({ cookie })}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? (found.kind === "system" ? found.path : "") },
        stdio: "ignore",
      },
    );
    if (r.status !== 0 || !fs.existsSync(out)) {
      log(`lighthouse run ${run} failed (exit ${r.status})`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    lh.push({
      score: Math.round(report.categories.performance.score * 100),
      lcp: report.audits["largest-contentful-paint"].numericValue,
      tbt: report.audits["total-blocking-time"].numericValue,
      cls: report.audits["cumulative-layout-shift"].numericValue,
    });
  }
} else {
  log(
    "lighthouse not installed: skipping the Lighthouse score (npm install, which brings the pinned lighthouse devDependency, or set LIGHTHOUSE_BIN)",
  );
}
stop();

const fmt = (v: number, d = 0) => v.toFixed(d);
console.log(`Results page benchmark (12 candidates × 20 criteria × 8 evaluators)`);
if (lh.length) {
  console.log(
    `  Lighthouse desktop (median of ${lh.length}): performance ${median(lh.map((x) => x.score))}, LCP ${fmt(median(lh.map((x) => x.lcp)))} ms, TBT ${fmt(median(lh.map((x) => x.tbt)))} ms, CLS ${fmt(median(lh.map((x) => x.cls)), 3)}`,
  );
}
console.log(`  LCP in Playwright:      ${fmt(lcp)} ms            (budget 1000 ms)`);
console.log(`  First-load JS (gzip):   ${fmt(jsGzip / 1024, 1)} kB in ${scripts.length} scripts (budget 200 kB)`);
console.log(
  `  Slider input → paint:   median ${fmt(median(sliderMs), 1)} ms, max ${fmt(Math.max(...sliderMs), 1)} ms over ${SLIDER_RUNS} moves (budget 50 ms)`,
);
console.log(`  Monte Carlo worker:     ${fmt(mcMs)} ms for 10,000 samples (off the main thread)`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
