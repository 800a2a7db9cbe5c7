// `npm run bench:cache [-- --runs 10] [-- --pg]`: what the evaluation cache (lib/server/evaluation-cache.ts) saves on the
// 12 candidates × 20 criteria × 8 evaluators benchmark decision. For each output, milliseconds per request with the
// cache emptied before every run ("uncached": every request computes, as before the cache) and with it warm
// ("cached": the entry exists, as for every request after the first one of a version), in one process. Each request
// includes its reads (getDecision and the rest), so the ratio is what a request gains. SQLite by default; --pg runs
// it on a throwaway PostgreSQL cluster (scripts/lib/pg-cluster.ts). Figures, not pass/fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDecisionForViewer } from "./lib/bench-decision";
import { startPgCluster, type PgCluster } from "./lib/pg-cluster";

const arg = process.argv.indexOf("--runs");
const RUNS = arg >= 0 ? Number(process.argv[arg + 1]) : 10;
const log = (m: string) => console.error(`[bench-cache] ${m}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const PG = process.argv.includes("--pg");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-bench-cache-"));
let cluster: PgCluster | null = null;
try {
  if (PG) cluster = await startPgCluster({ log });
  const url = cluster ? await cluster.createDatabase("stackwise_bench") : `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  const { decisionId, actor } = await benchDecisionForViewer(url, log);
  // Loaded after DATABASE_URL is set: the data layer reads it once.
  const { db } = await import("@/lib/server/db");
  const { renderDownload } = await import("@/lib/server/export-downloads");
  const { getDecision } = await import("@/lib/server/decisions");
  const { cachedResult } = await import("@/lib/server/evaluation-cache");
  const { reportOptions } = await import("@/lib/export/bundle");

  const outputs: [string, () => Promise<unknown>][] = [
    [
      "results (API, 10,000 MC samples)",
      async () => {
        const d = (await getDecision(actor, decisionId))!;
        return cachedResult(actor, d, reportOptions(d));
      },
    ],
    // Not cached (no Monte Carlo run: cheaper to compute than to read back): both columns run the same code, so this
    // row shows how far apart two identical measurements land on this machine.
    ["JSON export (control)", () => renderDownload(actor, decisionId, "json", "en")],
    ["XLSX en", () => renderDownload(actor, decisionId, "xlsx", "en")],
    ["PDF en", () => renderDownload(actor, decisionId, "pdf", "en")],
    ["PDF zh-CN", () => renderDownload(actor, decisionId, "pdf", "zh-CN")],
  ];
  const empty = () => db.evaluationCache.deleteMany({ where: { decisionId } });
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const rows: string[][] = [];
  for (const [name, run] of outputs) {
    // Warm-up (fonts, JIT) is not counted.
    await empty();
    await run();
    const uncached: number[] = [];
    const cached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await empty();
      uncached.push(await time(run));
      cached.push(await time(run));
    }
    const u = median(uncached);
    const c = median(cached);
    rows.push([name, u.toFixed(0), c.toFixed(1), (u / c).toFixed(1)]);
    log(`${name} done`);
  }
  const head = ["output", "uncached p50 ms", "cached p50 ms", "speed-up ×"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join("  ");
  console.log(
    `\nEvaluation cache, 12 candidates × 20 criteria × 8 evaluators, ${RUNS} runs each, ${PG ? "PostgreSQL" : "SQLite"}:\n`,
  );
  console.log([line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n"));
  console.log(
    `\nLoad average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  await db.$disconnect();
} finally {
  cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
