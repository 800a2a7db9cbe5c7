// An XLSX file is a zip archive, and a few hundred kilobytes of zip can unpack to gigabytes. Before any XLSX reader
// sees the bytes, this walks the archive itself and refuses it at the first limit: too many entries, a declared
// unpacked size over the limit, entries hidden between the ones the central directory lists (a streaming reader
// would read those too), or an entry that inflates to more than it declared. Inflation runs with zlib's
// maxOutputLength, so even a lying entry costs at most the limit in memory and time.
import { inflateRawSync } from "node:zlib";
import {
  IMPORT_MAX_UNPACKED_BYTES,
  IMPORT_MAX_UNPACKED_ENTRY_BYTES,
  IMPORT_MAX_ZIP_ENTRIES,
  formatMegabytes,
  type ImportIssue,
} from "@/lib/validation/import";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipCheck =
  { ok: true; entries: ZipEntry[]; bytesInflated: number } | { ok: false; issue: ImportIssue; bytesInflated: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const unreadable = (bytesInflated = 0): ZipCheck => ({
  ok: false,
  issue: { key: "unreadable", params: { format: "XLSX" } },
  bytesInflated,
});
const tooLarge = (bytesInflated = 0): ZipCheck => ({
  ok: false,
  issue: { key: "tooLargeUnpacked", params: { max: formatMegabytes(IMPORT_MAX_UNPACKED_BYTES) } },
  bytesInflated,
});

export function checkZip(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.byteLength ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.byteLength ? view.getUint16(at, true) : -1);

  // End of central directory: the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--)
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) return unreadable();
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  // Multi-disk and zip64 archives are never what a spreadsheet program writes for a file this small.
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || count !== u16(eocd + 8)) return unreadable();
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return unreadable();
  if (count > IMPORT_MAX_ZIP_ENTRIES) return tooLarge();

  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let i = 0, at = cdOffset; i < count; i++) {
    if (u32(at) !== CENTRAL) return unreadable();
    const nameLength = u16(at + 28);
    const entry: ZipEntry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return unreadable();
    if (entry.size > IMPORT_MAX_UNPACKED_ENTRY_BYTES) return tooLarge();
    declared += entry.size;
    if (declared > IMPORT_MAX_UNPACKED_BYTES) return tooLarge();
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }

  // The local entries must tile the file up to the central directory with nothing in between, so a reader that
  // walks local headers (as streaming readers do) sees exactly the entries checked here.
  let next = 0;
  let inflated = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== next || u32(e.localOffset) !== LOCAL) return unreadable(inflated);
    const start = e.localOffset + 30 + u16(e.localOffset + 26) + u16(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > cdOffset) return unreadable(inflated);
    const data = bytes.subarray(start, end);
    let size: number;
    if (e.method === 0) size = data.byteLength;
    else {
      try {
        // One byte of headroom: an entry that inflates past its declared size fails here instead of being cut off.
        size = inflateRawSync(data, { maxOutputLength: e.size + 1 }).byteLength;
      } catch (err) {
        return (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooLarge(inflated) : unreadable(inflated);
      }
    }
    inflated += size;
    if (size !== e.size) return unreadable(inflated);
    next = end;
    if (e.flags & 8) next += u32(end) === DESCRIPTOR ? 16 : 12;
  }
  if (next !== cdOffset) return unreadable(inflated);
  return { ok: true, entries, bytesInflated: inflated };
}
