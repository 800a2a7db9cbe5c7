// CSV export of the matrix (layout in matrix-table.ts). RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark so
// spreadsheet programs read Chinese names correctly, and every text cell neutralised against formula injection.
import type { Locale } from "@/lib/i18n/config";
import type { ReportBundle } from "./bundle";
import { safeCell, type ExportCell } from "./cell-safety";
import { pointsText } from "./i18n";
import { buildMatrixTables } from "./matrix-table";

export function csvField(value: ExportCell | undefined): string {
  const v = safeCell(value);
  if (v === null) return "";
  const s = typeof v === "number" ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(cells: (ExportCell | undefined)[]): string {
  return cells.map(csvField).join(",");
}

const pts = (v: ExportCell) => (typeof v === "number" ? pointsText(v) : v);
const share = (v: ExportCell) => (typeof v === "number" ? v.toFixed(4) : v);

export function matrixCsv(b: ReportBundle, locale: Locale): string {
  const m = buildMatrixTables(b, locale);
  const lines: string[] = [];
  lines.push(csvLine(m.titleRow), "");
  lines.push(csvLine(m.valueHeader), ...m.valueRows.map(csvLine), "");
  // Points and totals carry the screen's rounding (6.70), written as plain numbers; the worst/best reference values
  // after them stay raw numbers in the criterion's unit.
  const k = m.candidateCount;
  const row = (r: ExportCell[]) => [r[0], r[1], share(r[2]), ...r.slice(3, 3 + k).map(pts), ...r.slice(3 + k)];
  lines.push(csvLine(m.pointsHeader));
  for (const r of [...m.pointsRows, m.totalRow, m.statusRow]) lines.push(csvLine(row(r)));
  lines.push("", csvLine([m.labels.scores]), csvLine(m.scoreHeader), ...m.scoreRows.map(csvLine));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
