// fontkit ships no types; these are the calls the PDF export and its tests make (a font's character map and glyphs).
declare module "fontkit" {
  export interface Font {
    characterSet: number[];
    numGlyphs: number;
    postscriptName: string;
    glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; path: { toSVG(): string } };
  }
  export function openSync(path: string): Font;
  export function create(buffer: Uint8Array): Font;
}
