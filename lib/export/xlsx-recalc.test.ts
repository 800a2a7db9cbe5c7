// The exported workbook recalculated by a real spreadsheet engine (LibreOffice, headless), compared with figures
// computed by hand, before and after editing a raw value in the file. Needs `soffice` (Debian package
// libreoffice-calc-nogui); without it this suite fails rather than skips, because a live workbook that nobody
// recalculates proves nothing.
//
// Hand values. Broker (weights 20/25/15/30/10 of 100, 0–10 ratings, learning cost and ops burden already as points):
//   Kafka .2·6+.25·5+.15·9+.3·7+.1·8 = 6.70; RabbitMQ .2·8+.25·7+.15·7+.3·9+.1·6 = 7.70; Pulsar .2·5+.25·4+.15·8+.3·5+.1·9 = 5.60.
// Backend language (prisma/seed/demo.test.ts): Go 8.68, Python 4.09. Editing Python's throughput from 6135 to
// 12000 QPS makes Python the observed best (10 points) and Go the observed worst (0 points) on that 20 % criterion:
//   Go 8.68 − .2·10 = 6.68; Python 4.09 + .2·10 = 6.09.
// Removing Pulsar's community scores leaves that cell missing: Pulsar 5.60 − .15·8 = 4.40, marked incomplete.
import "@/lib/testing/use-temp-db";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { loadReportBundle } from "@/lib/server/exports";
import { addCriterion, setCriterionParent } from "@/lib/server/criteria";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import type { Actor } from "@/lib/server/actor";
import { matrixXlsx } from "./xlsx";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p)) ?? whichSoffice();

function whichSoffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let viewer: Actor;
const dir = mkdtempSync(path.join(os.tmpdir(), "stackwise-recalc-"));
// A private LibreOffice profile, so parallel runs (and a desktop LibreOffice) never share a lock.
const profile = `file://${path.join(dir, "profile")}`;

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
  viewer = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" };
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

let conversions = 0;
/** The first sheet as LibreOffice computes it, full precision (not "as shown"), as rows of strings. */
function recalculated(xlsx: Buffer, name: string): string[][] {
  if (!SOFFICE)
    throw new Error(
      "LibreOffice is not installed: the live-workbook test needs `soffice`. Install the Debian package " +
        "libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui).",
    );
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  const started = performance.now();
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      // Comma, double quote, UTF-8, from line 1; token 9 false = write full-precision values, not the formatted ones.
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  const ms = performance.now() - started;
  conversions++;
  console.log(`soffice ${conversions === 1 ? "cold start + " : ""}conversion of ${name}: ${(ms / 1000).toFixed(2)} s`);
  return parseCsv(readFileSync(path.join(dir, `${name}.csv`), "utf8"));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Candidate → value of the row labelled `label` in the points table (the one whose header starts "Points"). */
function pointsTableRow(rows: string[][], label: string): Record<string, string> {
  const h = rows.findIndex((r) => r[0].startsWith("Points"));
  expect(h, "points table header").toBeGreaterThan(0);
  const header = rows[h];
  const row = rows.slice(h + 1).find((r) => r[0] === label);
  expect(row, `row ${label}`).toBeDefined();
  const out: Record<string, string> = {};
  // Candidate columns sit between Share and Worst.
  for (let k = 3; k < header.length && header[k] !== "Worst"; k++) out[header[k]] = row![k];
  return out;
}

const totals = (rows: string[][]) =>
  Object.fromEntries(Object.entries(pointsTableRow(rows, "Total")).map(([k, v]) => [k, Number(v)]));

/** The file as a program that writes formulas but never computes them would leave it: no cached results. */
async function withoutCachedResults(xlsx: Buffer, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  edit?.(ws);
  let formulas = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === "object" && "formula" in v) {
        cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    }),
  );
  expect(formulas).toBeGreaterThan(10);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets the raw value of (criterion row, candidate column) in table 1. */
function setRaw(ws: ExcelJS.Worksheet, criterion: string, candidate: string, value: number) {
  let header: ExcelJS.Row | null = null;
  ws.eachRow((row) => {
    if (!header && row.getCell(1).value === "Criterion") header = row;
  });
  const h = header as ExcelJS.Row | null;
  expect(h).not.toBeNull();
  let column = 0;
  h!.eachCell((cell, c) => {
    if (cell.value === candidate) column = c;
  });
  for (let r = h!.number + 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).value === criterion) {
      ws.getRow(r).getCell(column).value = value;
      return;
    }
  }
  throw new Error(`no row ${criterion}`);
}

describe("the exported workbook recalculated by LibreOffice", () => {
  test("soffice is installed (package libreoffice-calc-nogui)", () => {
    expect(
      SOFFICE,
      "LibreOffice is missing: install the Debian package libreoffice-calc-nogui so the workbook can be recalculated",
    ).not.toBeNull();
  });

  test("broker: as exported and with its cached results removed, the engine gives 6.70 / 7.70 / 5.60", async () => {
    const b = await loadReportBundle(viewer, seeded.decisions.get("broker")!, "export.read");
    const xlsx = await matrixXlsx(b, "en");
    const expected = { Kafka: 6.7, RabbitMQ: 7.7, Pulsar: 5.6 };
    for (const [name, file] of [
      ["broker", xlsx],
      ["broker-formulas-only", await withoutCachedResults(xlsx)],
    ] as const) {
      const t = totals(recalculated(file, name));
      for (const [candidate, total] of Object.entries(expected)) expect(t[candidate]).toBeCloseTo(total, 9);
    }
  }, 400_000);

  test("a criteria tree: each leaf weighs its share of the goal, and the sheet recalculates to the app's totals", async () => {
    // Broker with Learning cost 20 and Operational complexity 25 under a group Operations 30 (numpy: Kafka 6.9216,
    // RabbitMQ 7.7451, Pulsar 5.8039; Learning cost's share of the goal .352941 · 20/45 = .156863).
    const ada: Actor = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
    const { id } = await createDecisionFromTemplate(db, {
      workspaceId: seeded.workspace.id,
      template: BROKER_TEMPLATE,
      evaluatorIds: [seeded.users.get("ada")!, seeded.users.get("bo")!],
      skillIds: seeded.skillIds,
      title: "Broker as a tree",
    });
    const group = await addCriterion(ada, { decisionId: id, name: "Operations", weight: 30 });
    for (const c of await db.criterion.findMany({
      where: { decisionId: id, name: { in: ["Learning cost", "Operational complexity"] } },
    })) {
      await setCriterionParent(ada, { criterionId: c.id, version: c.version, parentId: group.id });
    }
    const rows = recalculated(
      await withoutCachedResults(await matrixXlsx(await loadReportBundle(ada, id, "export.read"), "en")),
      "tree",
    );
    const t = totals(rows);
    expect(t.Kafka).toBeCloseTo(6.921568627, 9);
    expect(t.RabbitMQ).toBeCloseTo(7.745098039, 9);
    expect(t.Pulsar).toBeCloseTo(5.803921569, 9);
    const h = rows.findIndex((r) => r[0].startsWith("Points"));
    const learning = rows.slice(h + 1).find((r) => r[0] === "Learning cost")!;
    // Weight = share of the goal × 100; LibreOffice writes the share column as a percentage.
    expect(Number(learning[1])).toBeCloseTo(15.6862745, 6);
    expect(Number(learning[2].replace("%", ""))).toBeCloseTo(15.6862745, 6);
    expect(rows.some((r) => r[0] === "Operations")).toBe(false);
  }, 400_000);

  test("backend language (metrics): 8.68 / 4.09, and 6.68 / 6.09 after Python's throughput becomes 12000", async () => {
    const b = await loadReportBundle(viewer, seeded.decisions.get("backend-language")!, "export.read");
    const xlsx = await matrixXlsx(b, "en");
    const before = totals(recalculated(await withoutCachedResults(xlsx), "backend"));
    expect(before.Go).toBeCloseTo(8.68, 9);
    expect(before.Python).toBeCloseTo(4.09, 9);

    const edited = await withoutCachedResults(xlsx, (ws) => setRaw(ws, "Throughput", "Python", 12000));
    const rows = recalculated(edited, "backend-edited");
    const after = totals(rows);
    expect(after.Go).toBeCloseTo(6.68, 9);
    expect(after.Python).toBeCloseTo(6.09, 9);
    // The observed range moved with the edit: Throughput is now 9842 (worst) – 12000 (best).
    const throughput = rows.find((r) => r[0] === "Throughput" && r.includes("observed min–max"))!;
    expect(throughput.map(Number).filter((x) => x === 9842 || x === 12000)).toEqual([9842, 12000]);
  }, 400_000);

  test("a missing cell stays blank, adds nothing, and the candidate is marked incomplete", async () => {
    const id = seeded.decisions.get("broker")!;
    const community = await db.criterion.findFirstOrThrow({ where: { decisionId: id, name: "Community activity" } });
    const pulsar = await db.candidate.findFirstOrThrow({ where: { decisionId: id, name: "Pulsar" } });
    await db.score.deleteMany({ where: { criterionId: community.id, candidateId: pulsar.id } });
    const b = await loadReportBundle(viewer, id, "export.read");
    const rows = recalculated(await withoutCachedResults(await matrixXlsx(b, "en")), "broker-missing");
    const t = totals(rows);
    expect(t.Pulsar).toBeCloseTo(4.4, 9);
    expect(t.Kafka).toBeCloseTo(6.7, 9);
    expect(pointsTableRow(rows, "Community activity").Pulsar).toBe("");
    expect(pointsTableRow(rows, "Status")).toEqual({
      Kafka: "Complete",
      RabbitMQ: "Complete",
      Pulsar: "Incomplete: not comparable",
    });
  }, 400_000);

  test("must-have gate: Parallel GC (p99 pause 420 ms > 200 ms) is excluded, and eligible again at 150 ms", async () => {
    const b = await loadReportBundle(viewer, seeded.decisions.get("gc")!, "export.read");
    const xlsx = await matrixXlsx(b, "en");
    const status = (rows: string[][]) => pointsTableRow(rows, "Status");
    expect(status(recalculated(await withoutCachedResults(xlsx), "gc"))).toEqual({
      G1: "Complete",
      ZGC: "Complete",
      "Parallel GC": "Excluded: fails a must-have",
    });
    const edited = await withoutCachedResults(xlsx, (ws) => setRaw(ws, "p99 GC pause", "Parallel GC", 150));
    expect(status(recalculated(edited, "gc-edited"))["Parallel GC"]).toBe("Complete");
  }, 400_000);

  // Value curve on Average latency (cost): (30 ms, 10) (60 ms, 6) (60 ms, 4) (150 ms, 0) — a ramp, a step at 60 ms,
  // a ramp. By hand: Go 50.7 ms → 10 + (6 − 10)·(50.7 − 30)/30 = 7.24; Python 81.3 ms → 4 − 4·(81.3 − 60)/90 =
  // 3.0533…; exactly 60 ms → the higher side of the step, 6; 20 ms and 400 ms → flat ends, 10 and 0.
  test("a value curve is a live formula: ramp, step and flat ends as computed by hand", async () => {
    const id = seeded.decisions.get("backend-language")!;
    await db.criterion.updateMany({
      where: { decisionId: id, name: "Average latency" },
      data: {
        valueCurve: JSON.stringify([
          [30, 10],
          [60, 6],
          [60, 4],
          [150, 0],
        ]),
      },
    });
    const b = await loadReportBundle(viewer, id, "export.read");
    const xlsx = await matrixXlsx(b, "en");
    const latency = (rows: string[][]) => pointsTableRow(rows, "Average latency");
    const before = latency(recalculated(await withoutCachedResults(xlsx), "curve"));
    expect(Number(before.Go)).toBeCloseTo(7.24, 9);
    expect(Number(before.Python)).toBeCloseTo(4 - (4 * 21.3) / 90, 9);
    for (const [ms, points] of [
      [60, 6],
      [20, 10],
      [400, 0],
      [105, 2],
    ] as const) {
      const edited = await withoutCachedResults(xlsx, (ws) => setRaw(ws, "Average latency", "Python", ms));
      expect(Number(latency(recalculated(edited, `curve-${ms}`)).Python)).toBeCloseTo(points, 9);
    }
  }, 400_000);
});
