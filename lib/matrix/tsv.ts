// Reading a block copied from a spreadsheet (Excel, LibreOffice, Google Sheets put tab-separated text on the
// clipboard) and the numbers in it. Pure: the matrix view parses in the browser, the tests run it directly.

/**
 * Tab-separated text → rows of cells. A cell that starts with a double quote is quoted the way spreadsheets quote it:
 * it may hold tabs and newlines, and "" inside it is one quote. The trailing newline spreadsheets add is dropped;
 * trailing empty rows are dropped too.
 */
export function parseTsv(text: string): string[][] {
  const src = text.replace(/\r\n?/g, "\n");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < src.length) {
    const ch = src[i];
    if (atCellStart && ch === '"') {
      // Quoted cell: read to the closing quote that is followed by a tab, a newline or the end.
      let j = i + 1;
      let value = "";
      let closed = false;
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          const after = src[j + 1];
          if (after === undefined || after === "\t" || after === "\n") {
            closed = true;
            j += 1;
            break;
          }
        }
        value += src[j];
        j += 1;
      }
      if (closed) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // No proper closing quote: the quote was just a character.
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else cell += ch;
    i += 1;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === "")) rows.pop();
  return rows;
}

export type NumberText =
  { ok: true; value: number; unit: string | null; percent: boolean } | { ok: false; error: "valueNotNumber" };

const NUMBER = /^([-+]?)(\d[\d\s.,'\u00a0\u202f]*|[.,]\d+)$/;

/**
 * A number as people type it in a spreadsheet: "7", "7.5", "7,5" (decimal comma), "1,234.5" / "1.234,5" (the last
 * separator is the decimal one when both appear), "20 %" or "20%" (percent: the number 20, flagged), and a trailing
 * unit ("120 ms", "4 GB"). A leading currency sign ("$300") is read as the unit.
 */
export function parseNumberText(raw: string): NumberText {
  let t = raw.trim();
  let unit: string | null = null;
  let percent = false;
  const currency = /^([$€£¥])\s*(.+)$/.exec(t);
  if (currency) {
    unit = currency[1];
    t = currency[2].trim();
  }
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  } else if (!unit) {
    const withUnit = /^(.*?\d)\s*([A-Za-z$€£¥µ/][A-Za-z0-9$€£¥µ/]*)$/.exec(t);
    if (withUnit) {
      t = withUnit[1].trim();
      unit = withUnit[2];
    }
  }
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, error: "valueNotNumber" };
  let body = m[2].replace(/[\s'\u00a0\u202f]/g, "");
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    body = body.split(group).join("").replace(",", ".");
  } else if (lastComma >= 0) {
    // Only commas: one comma is a decimal comma ("7,5"), several are thousands groups ("1,234,567").
    const parts = body.split(",");
    body =
      parts.length === 2 ? parts.join(".") : parts.every((p, i) => i === 0 || p.length === 3) ? parts.join("") : "x";
  } else if (body.split(".").length > 2) {
    // "1.234.567": dots as thousands groups.
    const parts = body.split(".");
    body = parts.slice(1).every((p) => p.length === 3) ? parts.join("") : "x";
  }
  if (!/^\d*\.?\d+$|^\d+\.?$/.test(body)) return { ok: false, error: "valueNotNumber" };
  const value = Number(`${m[1]}${body}`);
  if (!Number.isFinite(value)) return { ok: false, error: "valueNotNumber" };
  return { ok: true, value, unit, percent };
}
