// WOFF 1.0 → plain sfnt (TrueType/OpenType), done once per font file with Node's native zlib.
//
// Why: fontkit reads a WOFF font by inflating a table every time it asks for that table's stream, with a pure-JS
// inflater, and it asks for the `glyf` stream once per glyph it decodes (metrics during layout, outlines when pdfkit
// builds the embedded subset). For Noto Sans SC's Chinese subset that table is 1.5 MB compressed, so a Chinese report
// spent tens of seconds re-inflating it (measured: 96 % of the CPU profile in tiny-inflate). An sfnt font is read in
// place, so the same report lays out in well under a second. See https://www.w3.org/TR/WOFF/ for the layouts.
import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

const pad4 = (n: number) => (n + 3) & ~3;

/** The sfnt bytes of a WOFF 1.0 font; throws on anything else (WOFF2, a plain font, a truncated file). */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.length < WOFF_HEADER || src.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    if (offset + compLength > src.length) throw new Error("truncated WOFF font");
    const stored = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error("WOFF table length mismatch");
    return { tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data };
  });
  // The sfnt directory is sorted by tag (WOFF's is too, but a writer may not have been careful).
  tables.sort((a, b) => a.tag - b.tag);
  let size = SFNT_HEADER + numTables * SFNT_ENTRY;
  const offsets = tables.map((t) => {
    const at = size;
    size += pad4(t.data.length);
    return at;
  });
  const out = Buffer.alloc(size); // zero-filled, so table padding is zeros as the format requires
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offsets[i], at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offsets[i]);
  });
  return out;
}
