// Hostile uploads: each is refused with its field message, quickly, and the reader provably stopped early (rows read,
// bytes inflated). Timings are printed bench-style; the assertions use a loose 3 s bound so a busy machine stays
// honest without flaking. The probe's files: 64 kB / 1,000,000 rows and 317 kB / 5,000,000 rows.
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { hostileXlsx } from "@/lib/testing/hostile-xlsx";
import {
  IMPORT_MAX_CELL_CHARS,
  IMPORT_MAX_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_MAX_UNPACKED_BYTES,
} from "@/lib/validation/import";
import { readImportFile } from "./read-file";
import { parseCsv, parseXlsx } from "./table";
import { checkZip } from "./zip-guard";

const LOOSE_MS = 3000;

async function timed<T>(label: string, bytes: number, run: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const heap = process.memoryUsage().rss;
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const mb = (process.memoryUsage().rss - heap) / 1024 / 1024;
  console.log(`[bench] ${label}: ${(bytes / 1024).toFixed(0)} kB file, ${ms.toFixed(1)} ms, rss ${mb.toFixed(0)} MB`);
  return { value, ms };
}

describe("XLSX zip bombs", () => {
  test.each([
    ["1,000,000 rows", 1_000_000],
    ["5,000,000 rows", 5_000_000],
  ])("%s: refused from the central directory, nothing inflated", async (label, rows) => {
    const file = await hostileXlsx({ rows });
    const { value: r, ms } = await timed(`xlsx ${label}`, file.byteLength, () => parseXlsx(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ key: "tooLargeUnpacked", params: { max: "8 MB" } }]);
    expect(r.work).toEqual({ rowsRead: 0, bytesInflated: expect.any(Number) });
    expect(r.work.bytesInflated).toBeLessThan(64 * 1024);
    expect(ms).toBeLessThan(LOOSE_MS);
  });

  test("a sheet that lies about its unpacked size stops inflating at the declared size", async () => {
    const file = await hostileXlsx({ rows: 1_000_000, lieAboutSize: 100_000 });
    const { value: r, ms } = await timed("xlsx 1,000,000 rows, declared 100 kB", file.byteLength, () =>
      parseXlsx(file),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].key).toBe("tooLargeUnpacked");
    expect(r.work.rowsRead).toBe(0);
    expect(r.work.bytesInflated).toBeLessThan(200_000);
    expect(ms).toBeLessThan(LOOSE_MS);
  });

  test("within the unpacked limit but over the row limit: the stream stops at the first row past it", async () => {
    const file = await hostileXlsx({ rows: 45_000, numbered: true });
    expect(checkZip(file).ok).toBe(true);
    const { value: r, ms } = await timed("xlsx 45,000 rows (streamed)", file.byteLength, () => parseXlsx(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ key: "tooManyRows", params: { max: IMPORT_MAX_ROWS } }]);
    expect(r.work.rowsRead).toBe(IMPORT_MAX_ROWS + 1);
    expect(ms).toBeLessThan(LOOSE_MS);
    // For comparison only: what loading the whole workbook (the old path) costs for the same file.
    await timed("xlsx 45,000 rows (whole-workbook load, old path)", file.byteLength, () =>
      new ExcelJS.Workbook().xlsx.load(Buffer.from(file) as never),
    );
  });

  test("one row repeated under the same row number stops at the row limit too", async () => {
    const file = await hostileXlsx({ rows: 80_000 });
    expect(checkZip(file).ok).toBe(true);
    const { value: r, ms } = await timed("xlsx 80,000 copies of row 1 (streamed)", file.byteLength, () =>
      parseXlsx(file),
    );
    expect(r).toMatchObject({ ok: false, issues: [{ key: "tooManyRows" }], work: { rowsRead: IMPORT_MAX_ROWS + 1 } });
    expect(ms).toBeLessThan(LOOSE_MS);
  });

  test("a cell number far past the column limit, a row number past the row limit, a huge cell", async () => {
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet("m").getCell(1, IMPORT_MAX_COLUMNS + 5).value = 1;
    const deep = new ExcelJS.Workbook();
    deep.addWorksheet("m").getCell(1_000_000, 1).value = 1;
    const long = new ExcelJS.Workbook();
    long.addWorksheet("m").addRow(["Criterion", "Weight", "x".repeat(IMPORT_MAX_CELL_CHARS + 1)]);
    const read = async (wb: ExcelJS.Workbook) => parseXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await read(wide)).toMatchObject({ ok: false, issues: [{ key: "tooManyColumns" }] });
    expect(await read(deep)).toMatchObject({ ok: false, issues: [{ key: "tooManyRows" }], work: { rowsRead: 1 } });
    expect(await read(long)).toMatchObject({ ok: false, issues: [{ key: "cellTooLong", row: 1, column: 3 }] });
  });

  test("bytes that only look like a zip, and an archive with an entry hidden from its central directory", async () => {
    expect(checkZip(new TextEncoder().encode("PK\u0005\u0006 not really")).ok).toBe(false);
    const real = await hostileXlsx({ rows: 3 });
    // Prepend a stray local entry: the central directory's offsets no longer tile the file.
    const smuggled = new Uint8Array(real.byteLength + 4);
    smuggled.set([0x50, 0x4b, 0x03, 0x04]);
    smuggled.set(real, 4);
    expect(checkZip(smuggled)).toMatchObject({ ok: false, issue: { key: "unreadable" } });
    expect(IMPORT_MAX_UNPACKED_BYTES).toBe(8 * 1024 * 1024);
  });
});

describe("CSV limits", () => {
  test("2 MB of line breaks stops at the first row past the limit", async () => {
    const text = "\n".repeat(2 * 1024 * 1024 - 1);
    const { value: r, ms } = await timed("csv 2,097,151 empty rows", text.length, () => parseCsv(text));
    expect(r).toMatchObject({ ok: false, issues: [{ key: "tooManyRows" }], work: { rowsRead: IMPORT_MAX_ROWS + 1 } });
    expect(ms).toBeLessThan(LOOSE_MS);
  });

  test("one quoted cell running to the end of the file is cut off at the cell limit", () => {
    const r = parseCsv('Criterion,Weight,"' + "x".repeat(1_500_000));
    expect(r).toMatchObject({ ok: false, issues: [{ key: "cellTooLong", row: 1, column: 3 }], work: { rowsRead: 0 } });
  });

  test("a row with a million commas stops at the column limit", () => {
    const r = parseCsv(",".repeat(1_000_000));
    expect(r).toMatchObject({ ok: false, issues: [{ key: "tooManyColumns", params: { max: IMPORT_MAX_COLUMNS } }] });
  });

  test("readImportFile answers a file over 2 MB with the size message before parsing", async () => {
    const r = await readImportFile("a.xlsx", new Uint8Array(2 * 1024 * 1024 + 1));
    expect(r).toMatchObject({ ok: false, issues: [{ key: "fileTooLarge", params: { max: "2 MB" } }] });
  });
});
