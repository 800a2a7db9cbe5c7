// File bytes → a grid of cells (strings or numbers) for the matrix parser. Both readers stop at the first hard limit
// (rows, columns, cell length, unpacked size, time; lib/validation/import.ts), so a hostile file costs what the
// limit allows and no more. CSV follows RFC 4180 (quoted fields, doubled quotes, CRLF/LF, an optional UTF-8 BOM).
// XLSX is checked as a zip first (./zip-guard.ts), then streamed row by row through ExcelJS's WorkbookReader: the
// first worksheet only; formula cells give their cached result, never the formula text.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import {
  IMPORT_MAX_CELL_CHARS,
  IMPORT_MAX_COLUMNS,
  IMPORT_MAX_PARSE_MS,
  IMPORT_MAX_ROWS,
  type ImportIssue,
} from "@/lib/validation/import";
import { checkZip } from "./zip-guard";

export type RawCell = string | number | null;
export type Grid = RawCell[][];
/** `work` says how far the reader got before it stopped (tests use it to prove a hostile file was cut short). */
export interface ReadWork {
  rowsRead: number;
  bytesInflated: number;
}
export type GridResult =
  { ok: true; grid: Grid; work: ReadWork } | { ok: false; issues: ImportIssue[]; work: ReadWork };

const tooManyRows: ImportIssue = { key: "tooManyRows", params: { max: IMPORT_MAX_ROWS } };
const tooManyColumns: ImportIssue = { key: "tooManyColumns", params: { max: IMPORT_MAX_COLUMNS } };
const tooSlow: ImportIssue = { key: "tooSlow" };
const cellTooLong = (row: number, column: number): ImportIssue => ({
  key: "cellTooLong",
  params: { max: IMPORT_MAX_CELL_CHARS },
  row,
  column,
});

/** Milliseconds since `t0`, read sparingly: every limit check runs per row, not per character. */
const elapsed = (t0: number) => performance.now() - t0;

export function parseCsv(text: string): GridResult {
  const t0 = performance.now();
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  let failed: ImportIssue | null = null;
  const work = () => ({ rowsRead: rows.length, bytesInflated: 0 });
  const endField = () => {
    if (field.length > IMPORT_MAX_CELL_CHARS) failed ??= cellTooLong(rows.length + 1, row.length + 1);
    else if (row.length >= IMPORT_MAX_COLUMNS) failed ??= tooManyColumns;
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > IMPORT_MAX_ROWS) failed ??= tooManyRows;
    else if (elapsed(t0) > IMPORT_MAX_PARSE_MS) failed ??= tooSlow;
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      // A quoted field may run to the end of the file: cut it off at the cell limit, not at the end.
      if (field.length > IMPORT_MAX_CELL_CHARS)
        return { ok: false, issues: [cellTooLong(rows.length + 1, row.length + 1)], work: work() };
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      endRow();
      if (c === "\r" && src[i + 1] === "\n") i++;
    } else field += c;
    i++;
    if (field.length > IMPORT_MAX_CELL_CHARS) failed ??= cellTooLong(rows.length + 1, row.length + 1);
    if (failed) return { ok: false, issues: [failed], work: work() };
  }
  if (quoted) return { ok: false, issues: [{ key: "unreadable", params: { format: "CSV" } }], work: work() };
  if (field !== "" || row.length > 0) endRow();
  if (failed) return { ok: false, issues: [failed], work: work() };
  return { ok: true, grid: rows, work: work() };
}

export async function parseXlsx(bytes: Uint8Array): Promise<GridResult> {
  const t0 = performance.now();
  const zip = checkZip(bytes);
  const work: ReadWork = { rowsRead: 0, bytesInflated: zip.bytesInflated };
  if (!zip.ok) return { ok: false, issues: [zip.issue], work };
  const stop = (issue: ImportIssue): GridResult => ({ ok: false, issues: [issue], work });
  const grid: Grid = [];
  let width = 0;
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        work.rowsRead++;
        // Row numbers come from the file: a single row numbered 1,000,000 is as far over the limit as a million rows,
        // and one row repeated a million times under the same number is too.
        if (row.number > IMPORT_MAX_ROWS || work.rowsRead > IMPORT_MAX_ROWS) return stop(tooManyRows);
        if (row.cellCount > IMPORT_MAX_COLUMNS) return stop(tooManyColumns);
        if (elapsed(t0) > IMPORT_MAX_PARSE_MS) return stop(tooSlow);
        const cells: RawCell[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const v = cellValue(row.getCell(c).value);
          if (typeof v === "string" && v.length > IMPORT_MAX_CELL_CHARS) return stop(cellTooLong(row.number, c));
          cells.push(v);
        }
        // Rows without cells are absent from the file; the matrix parser needs them (a blank row ends the table).
        while (grid.length < row.number) grid.push([]);
        grid[row.number - 1] = cells;
        width = Math.max(width, cells.length);
      }
      break;
    }
  } catch {
    return stop({ key: "unreadable", params: { format: "XLSX" } });
  }
  if (sheets === 0 || grid.length === 0) return stop({ key: "empty" });
  for (const r of grid) while (r.length < Math.max(width, 1)) r.push(null);
  return { ok: true, grid, work };
}

function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}
