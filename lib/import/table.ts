// File bytes → a grid of cells (strings or numbers), row-capped, for the matrix parser. CSV follows RFC 4180 (quoted
// fields, doubled quotes, CRLF/LF, an optional UTF-8 BOM). XLSX reads the first worksheet through ExcelJS; formula
// cells give their cached result, never the formula text.
import ExcelJS from "exceljs";
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS, type ImportIssue } from "@/lib/validation/import";

export type RawCell = string | number | null;
export type Grid = RawCell[][];
export type GridResult = { ok: true; grid: Grid } | { ok: false; issues: ImportIssue[] };

export function parseCsv(text: string): GridResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
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
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      endRow();
      if (c === "\r" && src[i + 1] === "\n") i++;
    } else field += c;
    i++;
    if (rows.length > IMPORT_MAX_ROWS)
      return { ok: false, issues: [{ key: "tooManyRows", params: { max: IMPORT_MAX_ROWS } }] };
  }
  if (quoted) return { ok: false, issues: [{ key: "unreadable", params: { format: "CSV" } }] };
  if (field !== "" || row.length > 0) endRow();
  return capped(rows);
}

export async function parseXlsx(bytes: Uint8Array): Promise<GridResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, issues: [{ key: "unreadable", params: { format: "XLSX" } }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, issues: [{ key: "empty" }] };
  if (ws.rowCount > IMPORT_MAX_ROWS)
    return { ok: false, issues: [{ key: "tooManyRows", params: { max: IMPORT_MAX_ROWS } }] };
  if (ws.columnCount > IMPORT_MAX_COLUMNS)
    return { ok: false, issues: [{ key: "tooManyColumns", params: { max: IMPORT_MAX_COLUMNS } }] };
  const grid: Grid = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) cells.push(cellValue(row.getCell(c).value));
    grid.push(cells);
  }
  return capped(grid);
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

function capped(rows: RawCell[][]): GridResult {
  if (rows.length > IMPORT_MAX_ROWS)
    return { ok: false, issues: [{ key: "tooManyRows", params: { max: IMPORT_MAX_ROWS } }] };
  if (rows.some((r) => r.length > IMPORT_MAX_COLUMNS))
    return { ok: false, issues: [{ key: "tooManyColumns", params: { max: IMPORT_MAX_COLUMNS } }] };
  return { ok: true, grid: rows };
}
