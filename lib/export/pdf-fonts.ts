// Fonts of the PDF report and what they can print. react-pdf picks, per character, the first family of the style's
// fontFamily array that has a glyph; a character none of them has falls back to Helvetica, which prints wrong glyphs
// for anything outside Latin-1 and crashes on astral code points ("unsupported number"). So every string is first
// passed through coverText: what the embedded fonts cannot print becomes one clean placeholder per character.
//
// Families: Noto Sans SC in three WOFF subsets (latin, latin-ext, Simplified Chinese, about 8,000 characters) and
// monochrome Noto Emoji (about 1,500 emoji and symbols), handed to react-pdf unpacked to sfnt (see sfntSource); pdfkit
// embeds only the glyphs a report prints. A colour emoji font (Debian's fonts-noto-color-emoji, CBDT
// bitmaps) cannot be embedded by react-pdf; the outline font prints emoji in black, like the rest of the text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openSync } from "fontkit";
import { Font } from "@react-pdf/renderer";
import { woffToSfnt } from "./woff-to-sfnt";

const FONTSOURCE = path.join(process.cwd(), "node_modules", "@fontsource");
const FAMILIES = [
  { family: "SWLatin", file: (w: number) => `noto-sans-sc/files/noto-sans-sc-latin-${w}-normal.woff` },
  { family: "SWLatinExt", file: (w: number) => `noto-sans-sc/files/noto-sans-sc-latin-ext-${w}-normal.woff` },
  { family: "SWChinese", file: (w: number) => `noto-sans-sc/files/noto-sans-sc-chinese-simplified-${w}-normal.woff` },
  { family: "SWEmoji", file: (w: number) => `noto-emoji/files/noto-emoji-emoji-${w}-normal.woff` },
] as const;
const WEIGHTS = [400, 700] as const;
/** Characters beyond which a word may be broken anywhere. */
const LONG_WORD = 14;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** The fallback chain for every style. */
export const FONT_FAMILY = FAMILIES.map((f) => f.family);

/** Printed instead of a character no embedded font has (WHITE LARGE SQUARE, from the emoji font). */
export const PLACEHOLDER = "\u2b1c";

let registered = false;
let covered: Set<number> | null = null;

export function registerFonts(): void {
  if (registered) return;
  for (const { family, file } of FAMILIES) {
    Font.register({
      family,
      fonts: WEIGHTS.map((fontWeight) => ({ src: sfntSource(file(fontWeight)), fontWeight })),
    });
  }
  // No dictionary hyphenation (Chinese has none, and it split Latin words at odd places); a word too long for a
  // narrow table column may break between any two characters instead of running into the next column.
  // CJK runs are left whole: textkit already breaks between ideographs, and splitting them made layout minutes slow.
  Font.registerHyphenationCallback((word) => (word.length > LONG_WORD && !CJK.test(word) ? Array.from(word) : [word]));
  registered = true;
}

/**
 * The font as react-pdf's source: the WOFF file unpacked to plain sfnt bytes in a data URL. Registering the WOFF path
 * made fontkit inflate the whole glyph table again for every glyph it read (woff-to-sfnt.ts): 20–100 s per Chinese
 * report instead of well under one. react-pdf parses each source once per process and keeps it in its font store.
 */
export function sfntSource(file: string): string {
  return `data:font/ttf;base64,${woffToSfnt(readFileSync(path.join(FONTSOURCE, file))).toString("base64")}`;
}

/** Code points every weight can print: the intersection over weights of the union over families. */
function coverage(): Set<number> {
  if (covered) return covered;
  const perWeight = WEIGHTS.map((w) => {
    const set = new Set<number>();
    for (const { file } of FAMILIES)
      for (const cp of openSync(path.join(FONTSOURCE, file(w))).characterSet) set.add(cp);
    return set;
  });
  covered = new Set([...perWeight[0]].filter((cp) => perWeight.every((s) => s.has(cp))));
  return covered;
}

// Invisible on their own (controls, joiners, direction marks, variation selectors, combining marks): dropped when no
// font has them, rather than shown as a box. Newlines and tabs are layout, not glyphs.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Zl}\p{Zp}]$/u;
const LAYOUT = new Set([0x0a, 0x09]);
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Code points the text fonts (not the emoji font) have. */
function textCoverage(): Set<number> {
  if (textCovered) return textCovered;
  textCovered = new Set<number>();
  for (const { file } of FAMILIES.slice(0, -1))
    for (const cp of openSync(path.join(FONTSOURCE, file(400))).characterSet) textCovered.add(cp);
  return textCovered;
}
let textCovered: Set<number> | null = null;

// react-pdf 4.9 prints the second of two adjacent glyphs taken from a fallback font as .notdef (and drops the space
// after it) when the style has a font stack; a zero-width joiner between them avoids it. Seen with pdftoppm.
const JOINER = "\u200d";

/** The text with every character the embedded fonts cannot print replaced (one placeholder per grapheme). */
export function coverText(text: string): string {
  const fonts = coverage();
  const textFonts = textCoverage();
  let out = "";
  let previousWasEmoji = false;
  for (const { segment } of graphemes.segment(text)) {
    let kept = "";
    let missing = false;
    for (const ch of segment) {
      const cp = ch.codePointAt(0)!;
      if (fonts.has(cp) || LAYOUT.has(cp)) kept += ch;
      else if (cp >= 0xd800 && cp <= 0xdfff)
        missing = true; // a lone surrogate: no character at all
      else if (!INVISIBLE.test(ch)) missing = true;
    }
    const shown = missing ? PLACEHOLDER : kept;
    const emoji = shown !== "" && !textFonts.has(shown.codePointAt(0)!);
    out += (previousWasEmoji && emoji ? JOINER : "") + shown;
    if (shown !== "") previousWasEmoji = emoji;
  }
  return out;
}

/** coverText over every string of a plain-data value (the report bundle), leaving its shape alone. */
export function coverStrings<T>(value: T): T {
  if (typeof value === "string") return coverText(value) as T;
  if (Array.isArray(value)) return value.map(coverStrings) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coverStrings(v)])) as T;
  }
  return value;
}
