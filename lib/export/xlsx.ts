// XLSX export of the matrix (layout in matrix-table.ts). Sheet 1 holds the importable value table and a points table
// whose weights point at table 1 and whose totals are live formulas: SUMPRODUCT(weights, points) / SUM(weights), the
// same Σ ŵ·s the engine computes (a blank = missing cell adds nothing, as in the app). A manager can change a weight
// and watch every total move. Formula results are cached in the file so viewers that do not recalculate still show
// the app's figures. Sheet 2 lists every evaluator's score. All text cells are neutralised (cell-safety.ts).
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/config";
import type { ReportBundle } from "./bundle";
import { safeCell, type ExportCell } from "./cell-safety";
import { buildMatrixTables } from "./matrix-table";

const col = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function addRow(ws: ExcelJS.Worksheet, cells: ExportCell[]): ExcelJS.Row {
  // Text is written as a string value (never parsed as a formula by ExcelJS) and neutralised for other readers.
  return ws.addRow(cells.map((c) => safeCell(c)));
}

export async function matrixXlsx(b: ReportBundle, locale: Locale): Promise<Buffer> {
  const m = buildMatrixTables(b, locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Stackwise";
  wb.created = new Date(b.generatedAt);
  const ws = wb.addWorksheet(safeSheetName(m.labels.matrixSheet));
  addRow(ws, m.titleRow).font = { bold: true, size: 14 };
  ws.addRow([]);
  addRow(ws, m.valueHeader).font = { bold: true };
  const firstValueRow = ws.rowCount + 1;
  for (const r of m.valueRows) addRow(ws, r);
  ws.addRow([]);
  addRow(ws, m.pointsHeader).font = { bold: true };
  const first = ws.rowCount + 1;
  const last = first + m.pointsRows.length - 1;
  m.pointsRows.forEach((r, i) => {
    const row = addRow(ws, [r[0], null, null, ...r.slice(3)]);
    const rowNo = row.number;
    const weightRef = `B${firstValueRow + i}`;
    row.getCell(2).value = { formula: weightRef, result: r[1] as number };
    row.getCell(3).value = {
      formula: `IF(SUM($B$${first}:$B$${last})=0,0,B${rowNo}/SUM($B$${first}:$B$${last}))`,
      result: (r[2] as number | null) ?? 0,
    };
    row.getCell(3).numFmt = "0.0%";
    for (let k = 4; k <= r.length; k++) row.getCell(k).numFmt = "0.00";
  });
  const total = addRow(ws, [m.totalRow[0]]);
  total.font = { bold: true };
  total.getCell(2).value = { formula: `SUM(B${first}:B${last})`, result: m.totalRow[1] as number };
  total.getCell(3).value = { formula: `SUM(C${first}:C${last})`, result: (m.totalRow[2] as number | null) ?? 0 };
  total.getCell(3).numFmt = "0.0%";
  for (let k = 3; k < m.totalRow.length; k++) {
    const c = col(k);
    const cell = total.getCell(k + 1);
    cell.value = {
      formula: `IF(SUM($B$${first}:$B$${last})=0,0,SUMPRODUCT($B$${first}:$B$${last},${c}${first}:${c}${last})/SUM($B$${first}:$B$${last}))`,
      result: (m.totalRow[k] as number | null) ?? 0,
    };
    cell.numFmt = "0.00";
  }
  ws.addRow([]);
  addRow(ws, [m.labels.formulaNote]).font = { italic: true };
  ws.getColumn(1).width = 32;
  for (let k = 2; k <= m.valueHeader.length; k++) ws.getColumn(k).width = 14;

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
