// Builds XLSX files the way an attacker would: a valid workbook whose first sheet repeats one row n times. The zip is
// written by hand (deflate of a highly repetitive sheet compresses about 1000:1), so a file of a few hundred
// kilobytes unpacks to hundreds of megabytes, like the probe's 317 kB / 5,000,000-row file.
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";

export interface HostileOptions {
  rows: number;
  /** Number the rows 1..n (a plausible sheet) instead of repeating one row verbatim (the best-compressing bomb). */
  numbered?: boolean;
  /** Declare this unpacked size for the sheet instead of the true one (a lying central directory). */
  lieAboutSize?: number;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="m" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const ROW = `<row r="1"><c r="A1"><v>1</v></c></row>`;
const numberedRows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<row r="${from + i}"><c r="A${from + i}"><v>1</v></c></row>`).join("");

/** Deflates the sheet as a stream, so building a 5,000,000-row sheet never holds its 400 MB of XML. */
async function sheet(rows: number, numbered: boolean): Promise<{ data: Buffer; size: number; crc: number }> {
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  );
  const tail = Buffer.from(`</sheetData></worksheet>`);
  const chunkRows = 10_000;
  const chunk = Buffer.from(ROW.repeat(chunkRows));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  let size = 0;
  const write = async (p: Buffer) => {
    crc = crc32(p, crc);
    size += p.byteLength;
    if (!deflate.write(p)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  await write(head);
  for (let done = 0; done < rows; done += chunkRows) {
    const n = Math.min(chunkRows, rows - done);
    await write(
      numbered ? Buffer.from(numberedRows(done + 1, n)) : n === chunkRows ? chunk : Buffer.from(ROW.repeat(n)),
    );
  }
  await write(tail);
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

function entry(name: string, content: Buffer | { data: Buffer; size: number; crc: number }, declared?: number) {
  const e = Buffer.isBuffer(content)
    ? { data: deflateRawSync(content), size: content.byteLength, crc: crc32(content) }
    : content;
  return { name: Buffer.from(name), ...e, declared: declared ?? e.size };
}

export async function hostileXlsx(opts: HostileOptions): Promise<Uint8Array> {
  const entries = [
    entry("[Content_Types].xml", Buffer.from(CONTENT_TYPES)),
    entry("_rels/.rels", Buffer.from(ROOT_RELS)),
    entry("xl/workbook.xml", Buffer.from(WORKBOOK)),
    entry("xl/_rels/workbook.xml.rels", Buffer.from(WORKBOOK_RELS)),
    entry("xl/worksheets/sheet1.xml", await sheet(opts.rows, opts.numbered ?? false), opts.lieAboutSize),
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.byteLength, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(e.name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.byteLength, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(e.name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.data);
    centrals.push(central, e.name);
    offset += 30 + e.name.byteLength + e.data.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.byteLength, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}
