// The unpacked fonts are the same fonts: fontkit reads the same glyphs, metrics and outlines from the sfnt bytes as
// from the WOFF file, and every table's checksum (computed here by the OpenType rule, not by the converter) matches
// the one the WOFF directory recorded for the original font.
import { readFileSync } from "node:fs";
import path from "node:path";
import { create } from "fontkit";
import { describe, expect, test } from "vitest";
import { woffToSfnt } from "./woff-to-sfnt";

const FILES = [
  "noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff",
  "noto-sans-sc/files/noto-sans-sc-latin-ext-700-normal.woff",
  "noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff",
  "noto-emoji/files/noto-emoji-emoji-400-normal.woff",
];
const read = (f: string) => readFileSync(path.join("node_modules/@fontsource", f));

/** OpenType table checksum: the sum of the table's big-endian uint32 words (zero-padded), modulo 2³². */
function checksum(bytes: Buffer, tag: string): number {
  const padded = Buffer.alloc((bytes.length + 3) & ~3);
  bytes.copy(padded);
  // head's checksum is taken with checkSumAdjustment (bytes 8–11) set to zero.
  if (tag === "head") padded.fill(0, 8, 12);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe("woffToSfnt", () => {
  test.each(FILES)("%s: the same glyphs, metrics and outlines", (file) => {
    const woff = read(file);
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the WOFF's flavor is the sfnt version
    const a = create(woff);
    const b = create(sfnt);
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.postscriptName).toBe(a.postscriptName);
    expect(b.characterSet).toEqual(a.characterSet);
    // About 24 code points spread over the map (reading a glyph from the big WOFF is the slow part of this test).
    const step = Math.ceil(a.characterSet.length / 24);
    const sample = a.characterSet.filter((_, i) => i % step === 0);
    for (const cp of sample) {
      const [ga, gb] = [a.glyphForCodePoint(cp), b.glyphForCodePoint(cp)];
      expect([gb.id, gb.advanceWidth, gb.path.toSVG()]).toEqual([ga.id, ga.advanceWidth, ga.path.toSVG()]);
    }
  });

  test.each(FILES)("%s: table records, checksums and 4-byte alignment follow the sfnt layout", (file) => {
    const woff = read(file);
    const sfnt = woffToSfnt(woff);
    const numTables = woff.readUInt16BE(12);
    expect(sfnt.readUInt16BE(4)).toBe(numTables);
    // searchRange = 16 · (largest power of two ≤ numTables); e.g. 19 tables → 16 · 16 = 256, entrySelector 4.
    const pow = 2 ** Math.floor(Math.log2(numTables));
    expect([sfnt.readUInt16BE(6), sfnt.readUInt16BE(8), sfnt.readUInt16BE(10)]).toEqual([
      pow * 16,
      Math.log2(pow),
      numTables * 16 - pow * 16,
    ]);
    const woffChecksums = new Map<string, number>();
    for (let i = 0; i < numTables; i++)
      woffChecksums.set(woff.toString("latin1", 44 + i * 20, 48 + i * 20), woff.readUInt32BE(44 + i * 20 + 16));
    let previous = "";
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = sfnt.toString("latin1", at, at + 4);
      const offset = sfnt.readUInt32BE(at + 8);
      const length = sfnt.readUInt32BE(at + 12);
      expect(tag > previous).toBe(true);
      previous = tag;
      expect(offset % 4).toBe(0);
      expect(sfnt.readUInt32BE(at + 4)).toBe(woffChecksums.get(tag));
      expect(checksum(sfnt.subarray(offset, offset + length), tag)).toBe(woffChecksums.get(tag));
    }
  });

  test("refuses what is not WOFF 1.0", () => {
    const sfnt = woffToSfnt(read(FILES[0]));
    expect(() => woffToSfnt(sfnt)).toThrow("not a WOFF 1.0 font");
    expect(() => woffToSfnt(read(FILES[0]).subarray(0, 200))).toThrow("truncated WOFF font");
  });
});
