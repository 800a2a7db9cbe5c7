// Any Unicode in any user-entered name still gives a valid PDF: emoji, lone surrogates, right-to-left text,
// combining marks, CJK beyond the embedded subset, very long words. Checked by poppler's pdftotext.
import "@/lib/testing/use-temp-db";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadReportBundle } from "@/lib/server/exports";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { ReportBundle } from "./bundle";
import { reportPdf } from "./pdf";
import { coverText, PLACEHOLDER, registerFonts } from "./pdf-fonts";

const out = mkdtempSync(path.join(os.tmpdir(), "stackwise-pdf-unicode-"));
let base: ReportBundle;

beforeAll(async () => {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  const seeded = await seedDemoWorkspace(db);
  const viewer = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" as const };
  base = await loadReportBundle(viewer, seeded.decisions.get("broker")!, "export.read");
  await db.$disconnect();
  registerFonts();
});

function renamed(names: { title: string; candidates: string[]; criteria: string[] }): ReportBundle {
  const d = base.decision;
  return {
    ...base,
    decision: {
      ...d,
      title: names.title,
      candidates: d.candidates.map((c, i) => ({ ...c, name: names.candidates[i % names.candidates.length] })),
      criteria: d.criteria.map((c, i) => ({ ...c, name: names.criteria[i % names.criteria.length] })),
    },
  };
}

async function pdfText(b: ReportBundle, name: string): Promise<string> {
  const file = path.join(out, `${name}.pdf`);
  writeFileSync(file, await reportPdf(b, "en"));
  return execFileSync("pdftotext", [file, "-"]).toString(); // throws when poppler cannot read the file
}

describe("coverText", () => {
  test.each([
    ["Kafka", "Kafka"],
    ["消息队列", "消息队列"],
    ["Café Überweg", "Café Überweg"],
    ["🚀 Launch", "🚀 Launch"],
    ["\ud800 lone", `${PLACEHOLDER} lone`],
    ["a\u200bb\u200e", "ab"],
    ["\u0627\u0644\u0639\u0631\u0628\u064a\u0629", Array(7).fill(PLACEHOLDER).join("\u200d")],
    ["🚀🚀", "🚀\u200d🚀"],
    ["𠀋", PLACEHOLDER],
  ])("%j → %j", (input, expected) => expect(coverText(input)).toBe(expected));
});

describe("PDF with hostile names", () => {
  test("emoji print as emoji, long names wrap, nothing crashes", async () => {
    const text = await pdfText(
      renamed({
        title: "Broker 🚀 choice ❤️ 👩‍💻",
        candidates: ["🐇 RabbitMQ", "Kafka-with-an-extraordinarily-long-unbroken-candidate-name", "Pulsar 🌟"],
        criteria: ["Ops 🔧", "Learning curve 📚"],
      }),
      "emoji",
    );
    expect(text).toContain("RabbitMQ");
    expect(text).toContain("Broker");
  }, 240_000);

  test("characters no embedded font has (CJK extension B, Arabic, a lone surrogate) print as one placeholder each", async () => {
    const text = await pdfText(
      renamed({ title: "Rare 𠀋𡈽 \ud800 end", candidates: ["مرحبا", "Kafka", "Pulsar"], criteria: ["Ops"] }),
      "rare",
    );
    expect(text).toMatch(new RegExp(`Rare ${PLACEHOLDER}\u200d?${PLACEHOLDER} ${PLACEHOLDER} end`));
  }, 240_000);

  test("property: any Unicode in the title, candidate and criterion names gives a PDF poppler reads", async () => {
    const loneSurrogates = fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    });
    const name = fc.oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
      loneSurrogates.map((s) => `x${s}`),
      fc.constantFrom("שלום עולם", "مرحبا", "e\u0301\u0302\u0303", "👨‍👩‍👧‍👦🏳️‍🌈", "𠀋𡈽", "\u202eevil"),
      fc.string({ minLength: 200, maxLength: 400 }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 3, maxLength: 3 }), name, async ([a, b, c], title) => {
        const text = await pdfText(renamed({ title, candidates: [a, b, c], criteria: [c, a] }), `prop-${run++}`);
        expect(text.length).toBeGreaterThan(0);
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});
