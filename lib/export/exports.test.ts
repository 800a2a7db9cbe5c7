// Every export of the broker demo agrees with the hand-computed figures: weights 20/25/15/30/10 of 100;
// Kafka .2·6+.25·5+.15·9+.3·7+.1·8 = 6.70; RabbitMQ .2·8+.25·7+.15·7+.3·9+.1·6 = 7.70; Pulsar .2·5+.25·4+.15·8+.3·5+.1·9 = 5.60.
import "@/lib/testing/use-temp-db";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { exportDecisionJson, loadReportBundle } from "@/lib/server/exports";
import type { Actor } from "@/lib/server/actor";
import { matrixCsv } from "./csv";
import { decisionMarkdown } from "./markdown";
import { reportPdf } from "./pdf";
import { matrixXlsx } from "./xlsx";

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
    // Generous: embedding the CJK font subsets takes seconds, minutes on a loaded 2-core machine.
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
  }, 60_000);

  test("Markdown ADR has the MADR sections and the totals", async () => {
    const b = await loadReportBundle(viewer, broker(), "export.read");
    const md = decisionMarkdown(b, "en");
    writeFileSync(path.join(out, "broker.md"), md);
    for (const h of [
      "## Context and problem statement",
      "## Decision drivers",
      "## Considered options",
      "## Decision outcome",
      "## Pros and cons",
      "## Score table",
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

  test("JSON export is stable", async () => {
    const a = await exportDecisionJson(viewer, broker());
    const b = await exportDecisionJson(viewer, broker());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    writeFileSync(path.join(out, "broker.json"), JSON.stringify(a, null, 2));
    expect(a.criteria.map((c) => c.weight)).toEqual([20, 25, 15, 30, 10]);
  });
});

console.log("export files in", out);
