// XLSX export of the matrix (layout in matrix-table.ts), as a live workbook: table 1 holds the raw values (the inputs);
// table 2 computes everything else with formulas implementing the engine's rules (ARCHITECTURE.md, lib/scoring):
//   worst/best   RATING: the scale bounds (constants, swapped for cost); METRIC: the reference value when set, else
//                MIN()/MAX() over the row's raw values (direction decides which end is best); SKILL_MATCH: 0 and 10
//   points       10·(x − worst)/(best − worst) clamped to [0, 10]; worst = best → 10; blank raw → blank (missing);
//                a METRIC with a value curve: the curve's piecewise-linear formula with its points as constants
//   weight/share the weight from table 1 and ŵ = w / Σw
//   total        SUMPRODUCT(weights, points) / SUM(weights): a missing cell adds nothing, as in the app
//   status       excluded when a raw value fails its must-have, incomplete when a weighted cell is blank
// So correcting a raw number or a weight in Excel or LibreOffice moves the totals. Every formula carries the app's
// figure as its cached result, so viewers that do not recalculate show the screen's numbers; fullCalcOnLoad asks the
// ones that do to recompute on open. Sheet 2 lists every evaluator's score. Text cells are neutralised
// (cell-safety.ts).
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/config";
import type { ReportBundle } from "./bundle";
import { safeCell, type ExportCell } from "./cell-safety";
import { buildMatrixTables } from "./matrix-table";
import { curveKnots } from "@/lib/scoring/value-function";

/** 0-based column index → letters (0 → A, 26 → AA). */
export const col = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * lib/scoring/value-function.ts curvePoints as a spreadsheet formula over the raw value in cell `x`: flat before the
 * first knot, the knot's value exactly on it (the higher one at a step), linear between knots, flat after the last.
 */
export function curveFormula(x: string, points: readonly (readonly [number, number])[]): string {
  const knots = curveKnots(points);
  const n = (v: number) => String(v);
  let formula = n(knots[knots.length - 1].right);
  for (let j = knots.length - 1; j >= 0; j--) {
    const k = knots[j];
    const next = knots[j + 1];
    const between = next
      ? `IF(${x}<${n(next.x)},${n(k.right)}+(${n(next.left - k.right)})*(${x}-(${n(k.x)}))/${n(next.x - k.x)},${formula})`
      : formula;
    formula = `IF(${x}=${n(k.x)},${n(k.at)},${between})`;
  }
  return `IF(${x}<${n(knots[0].x)},${n(knots[0].left)},${formula})`;
}

/** A string literal inside a formula. */
const lit = (s: string) => `"${s.replaceAll('"', '""')}"`;

function addRow(ws: ExcelJS.Worksheet, cells: ExportCell[]): ExcelJS.Row {
  // Text is written as a string value (never parsed as a formula by ExcelJS) and neutralised for other readers.
  return ws.addRow(cells.map((c) => safeCell(c)));
}

/** Index of the first candidate column in table 1 (after the meta columns). */
const RAW_FIRST = 7;
/** Index of the first candidate column in table 2 (after Criterion, Weight, Share). */
const POINTS_FIRST = 3;

export async function matrixXlsx(b: ReportBundle, locale: Locale): Promise<Buffer> {
  const m = buildMatrixTables(b, locale);
  const k = m.candidateCount;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Stackwise";
  wb.created = new Date(b.generatedAt);
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(safeSheetName(m.labels.matrixSheet));
  addRow(ws, m.titleRow).font = { bold: true, size: 14 };
  ws.addRow([]);
  addRow(ws, m.valueHeader).font = { bold: true };
  const v1 = ws.rowCount + 1;
  for (const r of m.valueRows) addRow(ws, r);
  const vN = ws.rowCount;
  ws.addRow([]);
  addRow(ws, m.pointsHeader).font = { bold: true };
  const p1 = ws.rowCount + 1;
  const pN = p1 + m.pointsRows.length - 1;
  const W = col(POINTS_FIRST + k);
  const B = col(POINTS_FIRST + k + 1);
  const MH = col(POINTS_FIRST + k + 4);
  const weights = `$B$${p1}:$B$${pN}`;

  m.pointsRows.forEach((r, i) => {
    const rowNo = p1 + i;
    const rawRowNo = v1 + i;
    const { criterion, derivation } = m.rows[i];
    // Points columns are formulas; the trailing Unit / Points from / Must-have columns are plain cells.
    const row = addRow(ws, [r[0], null, null, ...Array<null>(k).fill(null), null, null, ...r.slice(3 + k + 2)]);
    row.getCell(2).value = { formula: `B${rawRowNo}`, result: r[1] as number };
    row.getCell(3).value = {
      formula: `IF(SUM(${weights})=0,0,B${rowNo}/SUM(${weights}))`,
      result: (r[2] as number | null) ?? 0,
    };
    row.getCell(3).numFmt = "0.0%";

    const rawRange = `$${col(RAW_FIRST)}$${rawRowNo}:$${col(RAW_FIRST + k - 1)}$${rawRowNo}`;
    const end = (value: number | null, set: boolean, best: boolean): ExcelJS.CellValue => {
      if (derivation.kind !== "metric" || set) return value;
      // The observed extreme: for a benefit metric the best is the largest value, for a cost metric the smallest.
      const fn = best === (criterion.direction === "COST") ? "MIN" : "MAX";
      return { formula: `IF(COUNT(${rawRange})=0,"",${fn}(${rawRange}))`, result: value ?? "" };
    };
    const worstSet = derivation.kind !== "metric" || derivation.worstSet;
    const bestSet = derivation.kind !== "metric" || derivation.bestSet;
    row.getCell(POINTS_FIRST + k + 1).value = end(derivation.worst, worstSet, false);
    row.getCell(POINTS_FIRST + k + 2).value = end(derivation.best, bestSet, true);

    for (let j = 0; j < k; j++) {
      const x = `${col(RAW_FIRST + j)}${rawRowNo}`;
      const w = `$${W}$${rowNo}`;
      const bb = `$${B}$${rowNo}`;
      const cell = row.getCell(POINTS_FIRST + j + 1);
      cell.value = {
        formula:
          derivation.kind === "curve"
            ? `IF(${x}="","",${curveFormula(x, derivation.points)})`
            : `IF(${x}="","",IF(${bb}=${w},10,MAX(0,MIN(10,10*(${x}-${w})/(${bb}-${w})))))`,
        result: (r[POINTS_FIRST + j] as number | null) ?? "",
      };
      cell.numFmt = "0.00";
    }
  });

  const total = addRow(ws, [m.totalRow[0]]);
  total.font = { bold: true };
  total.getCell(2).value = { formula: `SUM(B${p1}:B${pN})`, result: m.totalRow[1] as number };
  total.getCell(3).value = { formula: `SUM(C${p1}:C${pN})`, result: (m.totalRow[2] as number | null) ?? 0 };
  total.getCell(3).numFmt = "0.0%";
  for (let j = 0; j < k; j++) {
    const c = col(POINTS_FIRST + j);
    const cell = total.getCell(POINTS_FIRST + j + 1);
    cell.value = {
      formula: `IF(SUM(${weights})=0,0,SUMPRODUCT(${weights},${c}${p1}:${c}${pN})/SUM(${weights}))`,
      result: (m.totalRow[POINTS_FIRST + j] as number | null) ?? 0,
    };
    cell.numFmt = "0.00";
  }

  const status = addRow(ws, [m.statusRow[0]]);
  status.font = { italic: true };
  const dir = `$D$${v1}:$D$${vN}`;
  const mh = `$${MH}$${p1}:$${MH}$${pN}`;
  const tableWeights = `$B$${v1}:$B$${vN}`;
  for (let j = 0; j < k; j++) {
    const rc = col(RAW_FIRST + j);
    const raw = `${rc}${v1}:${rc}${vN}`;
    // Same rules as lib/scoring/totals.ts: a missing value cannot fail a must-have; a blank cell on a weighted
    // criterion makes the total incomplete.
    const excluded = `SUMPRODUCT((${raw}<>"")*(${mh}<>"")*(((${dir}="COST")*(${raw}>${mh}))+((${dir}<>"COST")*(${raw}<${mh}))))>0`;
    const incomplete = `SUMPRODUCT((${raw}="")*(${tableWeights}>0))>0`;
    status.getCell(POINTS_FIRST + j + 1).value = {
      formula: `IF(${excluded},${lit(m.labels.statusExcluded)},IF(${incomplete},${lit(m.labels.statusIncomplete)},${lit(m.labels.statusOk)}))`,
      result: (m.statusRow[POINTS_FIRST + j] as string | null) ?? "",
    };
  }

  ws.addRow([]);
  addRow(ws, [m.labels.formulaNote]).font = { italic: true };
  ws.getColumn(1).width = 32;
  for (let c = 2; c <= Math.max(m.valueHeader.length, m.pointsHeader.length); c++) ws.getColumn(c).width = 14;
  ws.getColumn(POINTS_FIRST + k + 4).width = 28;

  const scores = wb.addWorksheet(safeSheetName(m.labels.scoresSheet));
  addRow(scores, m.scoreHeader).font = { bold: true };
  for (const r of m.scoreRows) addRow(scores, r);
  scores.getColumn(1).width = 32;
  scores.getColumn(5).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet";
}
