// `npm run bench:pdf [-- --runs 10]`: milliseconds to render the PDF report of the 12 candidates × 20 criteria ×
// 8 evaluators benchmark decision, in English and in Chinese, in one process (the first render of each language,
// which loads the fonts, is reported apart and not counted). Wall time and the process's CPU time: on a shared 2-core
// machine the CPU figure is the steadier one. Target (issue 14): ≤ 1 s English, ≤ 2 s Chinese. Figures, not pass/fail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDecisionForViewer } from "./lib/bench-decision";

const arg = process.argv.indexOf("--runs");
const RUNS = arg >= 0 ? Number(process.argv[arg + 1]) : 10;
const log = (m: string) => console.error(`[bench-pdf] ${m}`);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackwise-bench-pdf-"));
try {
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  const { decisionId, actor } = await benchDecisionForViewer(url, log);
  // Loaded after DATABASE_URL is set: the data layer reads it once.
  const { loadReportBundle } = await import("@/lib/server/exports");
  const { reportPdf } = await import("@/lib/export/pdf");
  const bundle = await loadReportBundle(actor, decisionId, "export.read");
  const rows: string[][] = [];
  for (const locale of ["en", "zh-CN"] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let first = 0;
    let bytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      bytes = (await reportPdf(bundle, locale)).length;
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (i === 0) first = ms;
      else {
        wall.push(ms);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    log(`${locale}: ${RUNS} renders done`);
    rows.push([
      locale,
      first.toFixed(0),
      quantile(wall, 0.5).toFixed(0),
      quantile(wall, 0.99).toFixed(0),
      quantile(cpu, 0.5).toFixed(0),
      quantile(cpu, 0.99).toFixed(0),
      (bytes / 1024).toFixed(0),
    ]);
  }
  const head = ["PDF", "first ms", "p50 ms", "p99 ms", "CPU p50 ms", "CPU p99 ms", "kB"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join("  ");
  console.log(
    `\nPDF report, 12 candidates × 20 criteria × 8 evaluators, ${RUNS} renders each, ${os.cpus().length} cores:\n`,
  );
  console.log([line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n"));
  console.log(
    `\nLoad average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
