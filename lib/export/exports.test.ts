// Every export of the broker demo agrees with the hand-computed figures: weights 20/25/15/30/10 of 100;
// Kafka .2·6+.25·5+.15·9+.3·7+.1·8 = 6.70; RabbitMQ .2·8+.25·7+.15·7+.3·9+.1·6 = 7.70; Pulsar .2·5+.25·4+.15·8+.3·5+.1·9 = 5.60.
import "@/lib/testing/use-temp-db";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { addCostCriterion } from "@/lib/testing/cost-criterion";
import { exportDecisionJson, loadReportBundle } from "@/lib/server/exports";
import type { Actor } from "@/lib/server/actor";
import { matrixCsv } from "./csv";
import { decisionMarkdown } from "./markdown";
import { reportPdf } from "./pdf";
import { changeSentence } from "./change-log";
import { formatters, reportTranslator } from "./i18n";
import { updateCriterionField } from "@/lib/server/criteria";
import { decisionJsonSchema } from "@/lib/validation/decision-json";
import { matrixXlsx } from "./xlsx";
import { renderExport, renderPool } from "@/lib/server/export-render";

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let viewer: Actor;
const out = mkdtempSync(path.join(os.tmpdir(), "stackwise-export-"));

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
  viewer = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" };
});
afterAll(async () => {
  await db.$disconnect();
});

const broker = () => seeded.decisions.get("broker")!;

describe("broker exports", () => {
  test("PDF in English and Chinese carries the title and the totals", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    for (const locale of ["en", "zh-CN"] as const) {
      const pdf = await reportPdf(b, locale);
      const file = path.join(out, `broker-${locale}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
      expect(text.replace(/\s+/g, " ")).toContain(b.decision.title);
      for (const total of ["6.70", "7.70", "5.60"]) expect(text).toContain(total);
      if (locale === "zh-CN") {
        expect(text).toContain("决策驱动因素");
        expect(text).toContain("排名");
      } else expect(text).toContain("Decision drivers");
    }
    // Generous: a second or two each, but the shared 2-core test machines are sometimes loaded tenfold.
  }, 240_000);

  test("a Chinese title comes out in Chinese", async () => {
    const id = seeded.decisions.get("gc")!;
    await db.decision.update({ where: { id }, data: { title: "垃圾回收器选型：低延迟服务" } });
    const pdf = await reportPdf(await loadReportBundle(viewer, id, "export.read"), "zh-CN");
    const file = path.join(out, "gc-zh-CN.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"]).toString();
    expect(text).toContain("垃圾回收器选型：低延迟服务");
    expect(text).toContain("排名");
  }, 240_000);

  test("Markdown ADR has the MADR sections and the totals", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const md = decisionMarkdown(b, "en");
    writeFileSync(path.join(out, "broker.md"), md);
    // MADR 4.0's own headings (the earlier sentence-case headings were not MADR's).
    for (const h of [
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "## Pros and Cons of the Options",
      "### Score Table",
      "### Confidence",
    ])
      expect(md).toContain(h);
    expect(md).toMatch(/\| \*\*Total\*\* \| \| \| \*\*6\.70\*\* \| \*\*7\.70\*\* \| \*\*5\.60\*\* \|/);
  });

  test("CSV has weights, values, points and totals", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const csv = matrixCsv(b, "en");
    writeFileSync(path.join(out, "broker.csv"), csv);
    expect(csv).toContain("Total,100,1.0000,6.70,7.70,5.60");
  });

  test("XLSX totals are live formulas whose cached values are the app's totals", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const buf = await matrixXlsx(b, "en");
    writeFileSync(path.join(out, "broker.xlsx"), buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const total = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
    const cells = [4, 5, 6].map((k) => total.getCell(k).value as { formula: string; result: number });
    for (const c of cells) expect(c.formula).toMatch(/^IF\(SUM\(\$B\$\d+:\$B\$\d+\)=0,0,SUMPRODUCT\(/);
    expect(cells.map((c) => c.result.toFixed(2))).toEqual(["6.70", "7.70", "5.60"]);
  });

  test("PDF and XLSX rendered in the export worker carry the same totals, from a thread of their own", async () => {
    const bundle = await loadReportBundle(viewer, broker(), "export.read");
    const pdf = await renderExport({ bundle, format: "pdf", locale: "en" });
    expect(renderPool()!.lastThreadId()).not.toBe(threadId);
    const file = path.join(out, "broker-worker.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    for (const total of ["6.70", "7.70", "5.60"]) expect(text).toContain(total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExport({ bundle, format: "xlsx", locale: "en" })) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const total = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
    expect([4, 5, 6].map((k) => (total.getCell(k).value as { result: number }).result.toFixed(2))).toEqual([
      "6.70",
      "7.70",
      "5.60",
    ]);
  }, 240_000);

  test("the report says how far the two architects agree on the order, in both languages", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    // Ada's totals 6.35 7.35 5.00 and Bo's 7.05 8.05 6.20 give the same order: Kendall's W = 1 over 3 candidates,
    // χ² = 2·2·1 = 4, p = chi2.sf(4, 2) = e^−2 = 0.135 (scipy.stats.friedmanchisquare agrees).
    expect(decisionMarkdown(b, "en")).toContain(
      "The 2 evaluators agree strongly on the ranking: Kendall's W = 1.00, but with 3 candidates random rankings agree " +
        "this well often enough (p = 0.14) that it may be chance.",
    );
    expect(decisionMarkdown(b, "zh-CN")).toContain(
      "2 位评估者对排名高度一致：Kendall W = 1.00，但只有 3 个候选方案时，随机排序也常能达到这种一致程度（p = 0.14），可能只是巧合。",
    );
  });

  test("the ADR is MADR 4.0: YAML front matter with an ISO date, no needless escaping", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const md = decisionMarkdown(b, "en");
    const front = md.split("\n---\n")[0];
    expect(md.startsWith("---\n")).toBe(true);
    expect(front).toContain('status: "proposed"');
    expect(front).toMatch(/\ndate: \d{4}-\d{2}-\d{2}\n/);
    expect(front).toContain('decision-makers:\n  - "Ada Architect"');
    expect(front).toContain('consulted:\n  - "Bo Architect"');
    expect(front).toContain('informed:\n  - "Order platform"');
    // The seed context reads "Order events (created, paid, shipped) must reach…": parentheses are plain text.
    expect(md).toContain("Order events (created, paid, shipped)");
    expect(md).not.toContain("\\(");
    expect(md).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/);
    expect(md).toMatch(/_Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC_/);
  });

  test("the backend ADR and CSV carry raw metric values with units and how the points were derived", async () => {
    const b = await loadReportBundle(viewer, seeded.decisions.get("backend-language")!, "export.read");
    const md = decisionMarkdown(b, "en");
    // Latency: reference worst 150 ms, best 30 ms; Go 50.7 ms → 10·(150−50.7)/120 = 8.275 → "8.28" (8.275 is stored
    // as 8.27499…, toFixed gives 8.27; the engine's 8.275 is what matters, checked in prisma/seed/demo.test.ts).
    expect(md).toMatch(/\| Average latency \| 20 \| 20\.0% \| 8\.2[78] \(50\.7 ms\) \| 5\.7[23] \(81\.3 ms\) \|/);
    expect(md).toContain(
      "Points from the stated reference values: worst 150 ms is 0 points, best 30 ms is 10 (clamped).",
    );
    // Throughput has no reference values: observed min–max, Python 6135 worst, Go 9842 best.
    expect(md).toContain(
      "Points from the observed min–max across candidates: worst 6,135 QPS is 0 points, best 9,842 QPS is 10.",
    );
    expect(md).toContain("Good, because Throughput: 10.00 points (9,842 QPS)");

    const csv = matrixCsv(b, "en").split("\r\n");
    // Table 1: a metric has a unit, not a 0/10 scale.
    expect(csv).toContain("Throughput,20,METRIC,BENEFIT,,,QPS,9842,6135");
    expect(csv).toContain("Average latency,20,METRIC,COST,,,ms,50.7,81.3");
    // Table 2: worst, best, unit and where they come from.
    expect(csv.find((l) => l.startsWith("Throughput,20,0.2000,"))).toBe(
      "Throughput,20,0.2000,10.00,0.00,6135,9842,QPS,observed min–max,",
    );
    expect(csv.find((l) => l.startsWith("Average latency,20,0.2000,"))).toMatch(
      /^Average latency,20,0\.2000,8\.2[78],5\.7[23],150,30,ms,reference values,$/,
    );
  });

  test("the change log speaks words in both languages and 'Last changed' is its newest entry", async () => {
    const ada: Actor = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
    const c = await db.criterion.findFirstOrThrow({ where: { decisionId: broker(), name: "Community activity" } });
    await updateCriterionField(ada, { criterionId: c.id, version: c.version, field: "weight", base: 15, value: "20" });
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const newest = b.changes[0];
    expect(changeSentence(newest, reportTranslator("en"), formatters("en"))).toBe(
      "Ada Architect changed the weight of Community activity from 15 to 20",
    );
    expect(changeSentence(newest, reportTranslator("zh-CN"), formatters("zh-CN"))).toBe(
      "Ada Architect将“Community activity”的权重从 15 改为 20",
    );
    for (const locale of ["en", "zh-CN"] as const) {
      const t = reportTranslator(locale);
      for (const entry of b.changes)
        expect(changeSentence(entry, t, formatters(locale))).not.toMatch(/[a-z]+\.[a-z_]+/);
    }
    // The decision row itself did not change, so its updatedAt is older than the newest change.
    expect(b.decision.updatedAt < newest.at).toBe(true);
    const pdf = await reportPdf(b, "en");
    const file = path.join(out, "broker-changed.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    const at = formatters("en").date(newest.at);
    expect(text).toContain(`Last changed ${at}`);
    expect(text).toContain(`${at} · Ada Architect changed the weight of Community activity from 15 to 20`);
    await updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version + 1,
      field: "weight",
      base: 20,
      value: "15",
    });
  }, 120_000);

  test("JSON export carries raw values with units beside the points and says how they were derived", async () => {
    const json = await exportDecisionJson(viewer, seeded.decisions.get("backend-language")!);
    expect(decisionJsonSchema.safeParse(json).success).toBe(true);
    const ev = json.evaluation!;
    expect(ev.criteria.find((c) => c.criterion === "Average latency")).toEqual({
      criterion: "Average latency",
      unit: "ms",
      pointsFrom: "reference",
      worst: 150,
      best: 30,
    });
    expect(ev.criteria.find((c) => c.criterion === "Throughput")).toEqual({
      criterion: "Throughput",
      unit: "QPS",
      pointsFrom: "observed",
      worst: 6135,
      best: 9842,
    });
    const go = ev.cells.find((c) => c.criterion === "Average latency" && c.candidate === "Go")!;
    // A measured fact: no evaluators; its measured-on day travels with it (this demo fact names no source link).
    expect(go).toMatchObject({ raw: 50.7, unit: "ms", evaluators: 0, sourceUrl: null, measuredOn: "2024-11-12" });
    expect(go.points).toBeCloseTo(8.275, 10);
    const totals = Object.fromEntries(ev.totals.map((x) => [x.candidate, x.total]));
    expect(totals.Go).toBeCloseTo(8.68, 10);
    expect(totals.Python).toBeCloseTo(4.09, 10);
  });

  test("JSON export carries the evaluators' agreement and the discussion list, by name", async () => {
    const json = await exportDecisionJson(viewer, broker());
    expect(decisionJsonSchema.safeParse(json).success).toBe(true);
    const ev = json.evaluation!;
    // Ada 6.35 7.35 5.00 and Bo 7.05 8.05 6.20 rank the three alike: W = 1, χ² = 4, p = e^−2 (scipy friedmanchisquare).
    expect(ev.agreement!.overall).toMatchObject({ raters: 2, items: 3, df: 2, tied: false });
    expect(ev.agreement!.overall!.w).toBeCloseTo(1, 12);
    expect(ev.agreement!.overall!.pValue).toBeCloseTo(Math.exp(-2), 12);
    const learning = ev.agreement!.criteria.find((c) => c.criterion === "Learning cost")!;
    expect(learning.concordance!.w).toBeCloseTo(0.5, 12);
    // Swings .2·6, .25·2, .25·2, .1·2, .1·2 over Σ 2.6; none moves a rank.
    expect(ev.discussion!.map((c) => [c.criterion, c.candidate, c.min, c.max])).toEqual([
      ["Learning cost", "Pulsar", 2, 8],
      ["Operational complexity", "Kafka", 4, 6],
      ["Operational complexity", "RabbitMQ", 6, 8],
      ["Ecosystem compatibility", "Kafka", 7, 9],
      ["Ecosystem compatibility", "RabbitMQ", 5, 7],
    ]);
    expect(ev.discussion![0].swing).toBeCloseTo(1.2, 12);
    expect(ev.discussion![0].portion).toBeCloseTo(1.2 / 2.6, 12);
    expect(ev.discussion!.some((c) => c.changesRank || c.changesLeader)).toBe(false);
    // A file from before these blocks existed still reads.
    const { agreement: _a, discussion: _d, ...older } = ev;
    expect(decisionJsonSchema.safeParse({ ...json, evaluation: older }).success).toBe(true);
  });

  test("value for money in the PDF and the Markdown ADR, from a cost marked as money", async () => {
    // Its own workspace, so the other tests keep the demo decision as seeded.
    const ws = await seedDemoWorkspace(db, { slug: "money", emailDomain: "money.test" });
    const reader: Actor = { userId: ws.users.get("viewer")!, workspaceId: ws.workspace.id, role: "VIEWER" };
    const id = ws.decisions.get("backend-language")!;
    await addCostCriterion(db, id, {
      name: "Hosting cost",
      unit: "/month",
      currency: "USD",
      amounts: { Go: 300, Python: 200 },
    });
    const b = await loadReportBundle(reader, id, "export.read");
    // Weight 0: the benefit is the demo's total (Go 8.68, Python 4.09); Go costs $100 more for 4.59 points.
    const file = path.join(out, "backend-value.pdf");
    writeFileSync(file, await reportPdf(b, "en"));
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    expect(text).toContain("Value for money");
    expect(text).toContain("Go: $300 /month, benefit 8.68 points.");
    expect(text).toContain("Python: $200 /month, benefit 4.09 points.");
    expect(text).toContain("Best value for the money, cheapest first: Python, Go.");
    expect(text).toContain("From Python to Go: $100 /month more buys 4.59 points of benefit.");
    // The decision file carries the currency, so an import brings the money criterion back.
    const json = await exportDecisionJson(reader, id);
    expect(json.criteria.find((c) => c.name === "Hosting cost")).toMatchObject({ currency: "USD", direction: "COST" });
    expect(decisionJsonSchema.safeParse(json).success).toBe(true);
    const md = decisionMarkdown(b, "en");
    expect(md).toContain("### Value for money");
    expect(md).toContain("* From Python to Go: $100 /month more buys 4.59 points of benefit.");
    const zh = path.join(out, "backend-value-zh.pdf");
    writeFileSync(zh, await reportPdf(b, "zh-CN"));
    expect(execFileSync("pdftotext", [zh, "-"]).toString().replace(/\s+/g, " ")).toContain(
      "从 Python 到 Go：多花 US$100 /month，收益增加 4.59 分。",
    );
  }, 240_000);

  // Average latency (cost) on a curve (30 ms, 10) (60 ms, 6) (60 ms, 4) (150 ms, 0): by hand Go 50.7 ms →
  // 10 − 4·20.7/30 = 7.24, Python 81.3 ms → 4 − 4·21.3/90 = 3.0533 → 3.05.
  test("a value curve is stated with its points in the PDF, the ADR, the CSV and the JSON file", async () => {
    const ws = await seedDemoWorkspace(db, { slug: "curve", emailDomain: "curve.test" });
    const reader: Actor = { userId: ws.users.get("viewer")!, workspaceId: ws.workspace.id, role: "VIEWER" };
    const id = ws.decisions.get("backend-language")!;
    await db.criterion.updateMany({
      where: { decisionId: id, name: "Average latency" },
      data: { valueCurve: "[[30,10],[60,6],[60,4],[150,0]]" },
    });
    const b = await loadReportBundle(reader, id, "export.read");
    const sentence =
      "Points from a value curve through 30 ms gives 10; 60 ms gives 6; 60 ms gives 4; 150 ms gives 0, linear " +
      "between the points and flat beyond the first and last.";
    const file = path.join(out, "backend-curve.pdf");
    writeFileSync(file, await reportPdf(b, "en"));
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    expect(text).toContain(sentence);
    const md = decisionMarkdown(b, "en");
    expect(md).toContain(sentence);
    expect(md).toMatch(/\| Average latency \| 20 \| 20\.0% \| 7\.24 \(50\.7 ms\) \| 3\.05 \(81\.3 ms\) \|/);
    const csv = matrixCsv(b, "en").split("\r\n");
    expect(csv.find((l) => l.startsWith("Average latency,20,0.2000,"))).toBe(
      "Average latency,20,0.2000,7.24,3.05,150,30,ms,value curve,",
    );
    const json = await exportDecisionJson(reader, id);
    expect(decisionJsonSchema.safeParse(json).success).toBe(true);
    expect(json.criteria.find((c) => c.name === "Average latency")!.valueCurve).toEqual([
      [30, 10],
      [60, 6],
      [60, 4],
      [150, 0],
    ]);
    expect(json.evaluation!.criteria.find((c) => c.criterion === "Average latency")).toEqual({
      criterion: "Average latency",
      unit: "ms",
      pointsFrom: "curve",
      worst: 150,
      best: 30,
    });
    const zh = path.join(out, "backend-curve-zh.pdf");
    writeFileSync(zh, await reportPdf(b, "zh-CN"));
    expect(execFileSync("pdftotext", [zh, "-"]).toString().replace(/\s+/g, " ")).toContain(
      "分数来自经过以下各点的价值曲线：30 ms 得 10 分; 60 ms 得 6 分",
    );
  }, 240_000);

  // Operational complexity compared in pairs by Ada: RabbitMQ 3× Kafka, Kafka 2× Pulsar, RabbitMQ 5× Pulsar. numpy
  // (np.linalg.eig): priorities .22965 / .64833 / .12202 → ideal-mode points 3.5422 / 10 / 1.8821, CR 0.003185.
  test("a pairwise criterion is stated with its derivation and CR in the PDF, the ADR, the CSV and the JSON", async () => {
    const ws = await seedDemoWorkspace(db, { slug: "pairs", emailDomain: "pairs.test" });
    const reader: Actor = { userId: ws.users.get("viewer")!, workspaceId: ws.workspace.id, role: "VIEWER" };
    const id = ws.decisions.get("broker")!;
    const ops = await db.criterion.findFirstOrThrow({ where: { decisionId: id, name: "Operational complexity" } });
    await db.criterion.update({ where: { id: ops.id }, data: { pairwise: true } });
    const cand = new Map(
      (await db.candidate.findMany({ where: { decisionId: id } })).map((c) => [c.name, c.id] as const),
    );
    const ada = ws.users.get("ada")!;
    for (const [a, b, value] of [
      ["RabbitMQ", "Kafka", 3],
      ["Kafka", "Pulsar", 2],
      ["RabbitMQ", "Pulsar", 5],
    ] as const)
      await db.candidateJudgment.create({
        data: {
          decisionId: id,
          criterionId: ops.id,
          evaluatorId: ada,
          candidateAId: cand.get(a)!,
          candidateBId: cand.get(b)!,
          value,
        },
      });
    const b = await loadReportBundle(reader, id, "export.read");
    const sentence =
      "Points from comparing the candidates in pairs (AHP, ideal mode): the best candidate is 10 and the others " +
      "their priority's ratio to it, from 1 evaluator; consistency ratio 0.003.";
    const file = path.join(out, "broker-pairs.pdf");
    writeFileSync(file, await reportPdf(b, "en"));
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    expect(text).toContain(sentence);
    const md = decisionMarkdown(b, "en");
    expect(md).toContain(sentence);
    expect(md).toContain("| Operational complexity | 25 | 25.0% | 3.54 | 10.00 | 1.88 |");
    // Totals by hand with the numpy points: Kafka .2·6 + .25·3.5422 + .15·9 + .3·7 + .1·8 = 6.3356;
    // RabbitMQ 1.6 + 2.5 + 1.05 + 2.7 + 0.6 = 8.45; Pulsar 1.0 + .25·1.8821 + 1.2 + 1.5 + 0.9 = 5.0705.
    const total = (name: string) => b.result!.ranking.find((r) => r.candidateId === cand.get(name))!.total;
    expect(total("Kafka")).toBeCloseTo(6.33554881, 6);
    expect(total("RabbitMQ")).toBeCloseTo(8.45, 9);
    expect(total("Pulsar")).toBeCloseTo(5.07051802, 6);
    const row = matrixCsv(b, "en")
      .split("\r\n")
      .find((l) => l.startsWith("Operational complexity,25,0.2500,"))!;
    expect(row.startsWith("Operational complexity,25,0.2500,3.54,10.00,1.88,")).toBe(true);
    expect(row).toContain("pairwise comparison (AHP)");
    const json = await exportDecisionJson(reader, id);
    expect(decisionJsonSchema.safeParse(json).success).toBe(true);
    expect(json.evaluation!.criteria.find((c) => c.criterion === "Operational complexity")).toMatchObject({
      pointsFrom: "pairwise",
      worst: 0,
      best: 10,
    });
    const zh = path.join(out, "broker-pairs-zh.pdf");
    writeFileSync(zh, await reportPdf(b, "zh-CN"));
    expect(execFileSync("pdftotext", [zh, "-"]).toString().replace(/\s+/g, " ")).toContain(
      "得分来自候选方案两两比较（AHP，理想模式）",
    );
  }, 240_000);

  test("JSON export is stable", async () => {
    const a = await exportDecisionJson(viewer, broker());
    const b = await exportDecisionJson(viewer, broker());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    writeFileSync(path.join(out, "broker.json"), JSON.stringify(a, null, 2));
    expect(a.criteria.map((c) => c.weight)).toEqual([20, 25, 15, 30, 10]);
  });
});

console.log("export files in", out);
