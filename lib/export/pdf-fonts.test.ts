// The PDF's fonts: react-pdf gets plain sfnt fonts (a WOFF source made fontkit re-inflate the whole glyph table for
// every glyph it read: 20–100 s per Chinese report), and the Chinese report embeds only the glyphs it prints.
import "@/lib/testing/use-temp-db";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { Font } from "@react-pdf/renderer";
import { create } from "fontkit";
import { beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadReportBundle } from "@/lib/server/exports";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { ReportBundle } from "./bundle";
import { reportPdf } from "./pdf";
import { FONT_FAMILY, registerFonts } from "./pdf-fonts";
import { woffToSfnt } from "./woff-to-sfnt";

const CHINESE_WOFF = "node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff";
let bundle: ReportBundle;

beforeAll(async () => {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  const seeded = await seedDemoWorkspace(db);
  const id = seeded.decisions.get("broker")!;
  await db.decision.update({ where: { id }, data: { title: "消息中间件选型：订单事件" } });
  const viewer = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" as const };
  bundle = await loadReportBundle(viewer, id, "export.read");
  await db.$disconnect();
  registerFonts();
});

/** Every embedded TrueType font program of a PDF (pdfkit writes each as one Flate stream named by /FontFile2). */
function embeddedFonts(pdf: Buffer): { name: string; bytes: Buffer }[] {
  const text = pdf.toString("latin1");
  const fonts: { name: string; bytes: Buffer }[] = [];
  for (const d of text.matchAll(/\/FontName \/(\S+)[^]*?\/FontFile2 (\d+) 0 R/g)) {
    const obj = new RegExp(`\\n${d[2]} 0 obj\\n<<\\n/Length (\\d+)\\n/Filter /FlateDecode\\n>>\\nstream\\n`).exec(text);
    expect(obj, `font stream ${d[2]}`).not.toBeNull();
    const start = obj!.index + obj![0].length;
    fonts.push({ name: d[1], bytes: inflateSync(pdf.subarray(start, start + Number(obj![1]))) });
  }
  return fonts;
}

describe("PDF fonts", () => {
  test("react-pdf reads every family as sfnt font data, never as WOFF", () => {
    const registered = Font.getRegisteredFonts();
    for (const family of FONT_FAMILY) {
      const sources = registered[family]?.sources ?? [];
      expect(sources.length, family).toBeGreaterThan(0);
      for (const { src } of sources) {
        expect(src, family).toMatch(/^data:font\/ttf;base64,/);
        const head = Buffer.from(src.slice(src.indexOf(",") + 1, src.indexOf(",") + 9), "base64");
        expect(head.readUInt32BE(0), family).toBe(0x00010000); // TrueType outlines; "wOFF" is 0x774f4646
      }
    }
  });

  test("the Chinese report embeds a subset of Noto Sans SC, not the font", async () => {
    const full = woffToSfnt(readFileSync(path.resolve(CHINESE_WOFF)));
    const fullGlyphs = create(full).numGlyphs; // 8,248 glyphs, about 2.5 MB
    const pdf = await reportPdf(bundle, "zh-CN");
    const fonts = embeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC/); // the tag prefix marks a subset (PDF 32000-1 §9.6.4)
      // The broker report prints a few hundred distinct characters; a subset keeps those (plus .notdef).
      expect(create(f.bytes).numGlyphs).toBeLessThan(fullGlyphs / 10);
      expect(f.bytes.length).toBeLessThan(full.length / 20);
    }
    expect(pdf.length).toBeLessThan(full.length / 10);
  }, 120_000);
});
