// Round trips and hostile files against a real migrated database. Row counts prove that a rejected file writes nothing.
import "@/lib/testing/use-temp-db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "@/lib/server/actor";
import { exportDecisionJson, loadReportBundle } from "@/lib/server/exports";
import { applyJsonImport, applyMatrixImport, planMatrixImport } from "@/lib/server/imports";
import { matrixCsv } from "@/lib/export/csv";
import { matrixXlsx } from "@/lib/export/xlsx";
import { readImportFile } from "./read-file";
import type { DomainError } from "@/lib/errors/domain-error";

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
const enc = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
  ada = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
});
afterAll(async () => {
  await db.$disconnect();
});

async function counts() {
  return {
    decisions: await db.decision.count(),
    criteria: await db.criterion.count(),
    candidates: await db.candidate.count(),
    scores: await db.score.count(),
  };
}

/** The matrix as a reader sees it: criteria with weights, candidates, aggregated points and totals by name. */
async function matrixOf(decisionId: string) {
  const b = await loadReportBundle(ada, decisionId);
  const crit = new Map(b.decision.criteria.map((c) => [c.id, c.name]));
  const cand = new Map(b.decision.candidates.map((c) => [c.id, c.name]));
  return {
    criteria: b.decision.criteria.map((c) => [c.name, c.weight, c.kind, c.direction]),
    candidates: b.decision.candidates.map((c) => c.name),
    points: b
      .result!.cells.map((c) => [
        crit.get(c.criterionId),
        cand.get(c.candidateId),
        c.points === null ? null : Number(c.points.toFixed(10)),
      ])
      .sort(),
    totals: b.result!.ranking.map((r) => [cand.get(r.candidateId), r.total.toFixed(2)]),
  };
}

describe("round trips", () => {
  test("JSON → import → JSON is identical", async () => {
    for (const key of ["broker", "backend-language", "gc"]) {
      const first = await exportDecisionJson(ada, seeded.decisions.get(key)!);
      const read = await readImportFile("x.json", enc(JSON.stringify(first)));
      expect(read.ok).toBe(true);
      if (!read.ok || read.kind !== "json") throw new Error("unreadable");
      const { decisionId } = await applyJsonImport(ada, read.json);
      expect(await exportDecisionJson(ada, decisionId)).toEqual(first);
    }
  });

  test.each(["csv", "xlsx"] as const)(
    "%s export → import as a new decision → same matrix and totals",
    async (format) => {
      const source = seeded.decisions.get("broker")!;
      const b = await loadReportBundle(ada, source, "export.read");
      const bytes = format === "csv" ? enc(matrixCsv(b, "zh-CN")) : new Uint8Array(await matrixXlsx(b, "en"));
      const read = await readImportFile(`broker.${format}`, bytes);
      if (!read.ok || read.kind !== "matrix") throw new Error(JSON.stringify(read));
      expect(read.matrix.title).toBe(b.decision.title);
      const target = { mode: "new" as const };
      const plan = await planMatrixImport(ada, read.matrix, target);
      const { decisionId } = await applyMatrixImport(ada, read.matrix, target, plan.fingerprint);
      const [a, c] = [await matrixOf(source), await matrixOf(decisionId)];
      expect(c).toEqual(a);
      // Hand-computed: 6.70 / 7.70 / 5.60 (see lib/export/exports.test.ts).
      expect(Object.fromEntries(c.totals)).toEqual({ Kafka: "6.70", RabbitMQ: "7.70", Pulsar: "5.60" });
    },
  );

  test("import into an existing decision writes the importer's own scores and refuses a stale preview", async () => {
    const target = { mode: "existing" as const, decisionId: seeded.decisions.get("gc")! };
    const csv = "Criterion,Weight,Newcomer\r\nBrand new criterion,5,7\r\n";
    const read = await readImportFile("m.csv", enc(csv));
    if (!read.ok || read.kind !== "matrix") throw new Error("unreadable");
    const plan = await planMatrixImport(ada, read.matrix, target);
    expect(plan.newCriteria).toEqual(["Brand new criterion"]);
    expect(plan.newCandidates).toEqual(["Newcomer"]);
    const before = await counts();
    await expect(applyMatrixImport(ada, read.matrix, target, "not-the-fingerprint")).rejects.toMatchObject({
      code: "stale",
    });
    expect(await counts()).toEqual(before);
    await applyMatrixImport(ada, read.matrix, target, plan.fingerprint);
    const score = await db.score.findFirstOrThrow({
      where: { candidate: { name: "Newcomer", decisionId: target.decisionId } },
    });
    expect(score.evaluatorId).toBe(ada.userId);
    expect(score.value).toBe(7);
  });

  test("a decided decision is read-only for imports", async () => {
    const id = seeded.decisions.get("backend-language")!;
    await db.decision.update({ where: { id }, data: { status: "DECIDED" } });
    const read = await readImportFile("m.csv", enc("Criterion,Weight,X\r\nA,1,5\r\n"));
    if (!read.ok || read.kind !== "matrix") throw new Error("unreadable");
    await expect(planMatrixImport(ada, read.matrix, { mode: "existing", decisionId: id })).rejects.toMatchObject({
      code: "decisionLocked",
    });
    await db.decision.update({ where: { id }, data: { status: "DRAFT" } });
  });

  test("a viewer cannot import", async () => {
    const viewer: Actor = { ...ada, userId: seeded.users.get("viewer")!, role: "VIEWER" };
    const read = await readImportFile("m.csv", enc("Criterion,Weight,X\r\nA,1,5\r\n"));
    if (!read.ok || read.kind !== "matrix") throw new Error("unreadable");
    await expect(planMatrixImport(viewer, read.matrix, { mode: "new" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("malformed and hostile files give clear errors and write nothing", () => {
  const cases: [string, string, string | Uint8Array, { key: string; row?: number; column?: number }[]][] = [
    ["wrong columns", "a.csv", "Name,Importance,Kafka\r\nx,1,2\r\n", [{ key: "noHeader", row: 1 }]],
    ["no weight column", "a.csv", "Criterion,Kafka\r\nx,2\r\n", [{ key: "missingColumn", row: 1 }]],
    [
      "text in a number cell",
      "a.csv",
      "Criterion,Weight,Kafka,Pulsar\r\nSpeed,2,fast,5\r\nCost,abc,1,2\r\n",
      [
        { key: "notANumber", row: 2, column: 3 },
        { key: "notANumber", row: 3, column: 2 },
      ],
    ],
    [
      "formula in a number cell",
      "a.csv",
      "Criterion,Weight,Kafka\r\nSpeed,=1+1,5\r\n",
      [{ key: "notANumber", row: 2, column: 2 }],
    ],
    [
      "duplicate criteria",
      "a.csv",
      "Criterion,Weight,Kafka\r\nSpeed,1,5\r\nspeed,2,6\r\n",
      [{ key: "duplicateCriterion", row: 3, column: 1 }],
    ],
    [
      "duplicate candidates",
      "a.csv",
      "Criterion,Weight,Kafka,KAFKA\r\nSpeed,1,5,6\r\n",
      [{ key: "duplicateCandidate", row: 1, column: 4 }],
    ],
    [
      "score outside the scale",
      "a.csv",
      "Criterion,Weight,Kafka\r\nSpeed,1,11\r\n",
      [{ key: "outOfScale", row: 2, column: 3 }],
    ],
    [
      "negative weight",
      "a.csv",
      "Criterion,Weight,Kafka\r\nSpeed,-1,5\r\nCost,1,5\r\n",
      [{ key: "weightNegative", row: 2, column: 2 }],
    ],
    [
      "control characters",
      "a.csv",
      "Criterion,Weight,Kafka\r\nSp\u0007eed,1,5\r\n",
      [{ key: "controlCharacters", row: 2, column: 1 }],
    ],
    ["unterminated quote", "a.csv", 'Criterion,Weight,Kafka\r\n"Speed,1,5\r\n', [{ key: "unreadable" }]],
    [
      "too many rows",
      "a.csv",
      "Criterion,Weight,Kafka\r\n" + Array.from({ length: 600 }, (_, i) => `c${i},1,5`).join("\r\n"),
      [{ key: "tooManyRows" }],
    ],
    [
      "too many columns",
      "a.csv",
      "Criterion,Weight," + Array.from({ length: 80 }, (_, i) => `k${i}`).join(",") + "\r\nA,1\r\n",
      [{ key: "tooManyColumns" }],
    ],
    ["huge file", "a.csv", new Uint8Array(2 * 1024 * 1024 + 1), [{ key: "fileTooLarge" }]],
    ["wrong extension", "a.exe", "MZ", [{ key: "fileType" }]],
    ["empty file", "a.csv", "\r\n\r\n", [{ key: "empty" }]],
    ["not an xlsx", "a.xlsx", "PK-not-really", [{ key: "unreadable" }]],
    ["not JSON", "a.json", "{nope", [{ key: "invalidJson" }]],
    ["foreign JSON", "a.json", '{"format":"other","version":1}', [{ key: "formatUnknown" }]],
  ];
  test.each(cases)("%s", async (_label, name, content, expected) => {
    const before = await counts();
    const read = await readImportFile(name, typeof content === "string" ? enc(content) : content);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    for (const e of expected) expect(read.issues).toContainEqual(expect.objectContaining(e));
    expect(await counts()).toEqual(before);
  });

  test("JSON naming an unknown evaluator or skill is rejected whole", async () => {
    const json = await exportDecisionJson(ada, seeded.decisions.get("broker")!);
    json.scores[0].evaluator = "stranger@example.com";
    json.candidates[0].requirements.push({ skill: "Cobol", weight: 1, minLevel: null });
    const before = await counts();
    const err = await applyJsonImport(ada, json).catch((e) => e);
    expect(err).toMatchObject({ code: "importRejected" });
    expect(((err as DomainError).details as { key: string }[]).map((i) => i.key).sort()).toEqual([
      "unknownEvaluator",
      "unknownSkill",
    ]);
    expect(await counts()).toEqual(before);
  });

  test("an XLSX whose text cells hold formulas imports their cached values, never the formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("m");
    ws.addRow(["Criterion", "Weight", "Kafka"]);
    ws.addRow(["Speed", 2, { formula: "1+4", result: 5 }]);
    const read = await readImportFile("f.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!read.ok || read.kind !== "matrix") throw new Error(JSON.stringify(read));
    expect(read.matrix.criteria[0].values).toEqual([5]);
  });

  test("hostile names survive the round trip as text and are neutralised in the CSV", async () => {
    const csv = "Criterion,Weight,'=cmd|' /C calc'!A0\r\n'@SUM(1),1,5\r\n";
    const read = await readImportFile("h.csv", enc(csv));
    if (!read.ok || read.kind !== "matrix") throw new Error(JSON.stringify(read));
    expect(read.matrix.candidates).toEqual(["=cmd|' /C calc'!A0"]);
    expect(read.matrix.criteria[0].name).toBe("@SUM(1)");
    const plan = await planMatrixImport(ada, read.matrix, { mode: "new", title: "+hostile" });
    const { decisionId } = await applyMatrixImport(
      ada,
      read.matrix,
      { mode: "new", title: "+hostile" },
      plan.fingerprint,
    );
    const out = matrixCsv(await loadReportBundle(ada, decisionId, "export.read"), "en");
    expect(out).toContain("'+hostile");
    expect(out).toContain("'@SUM(1)");
    expect(out).not.toMatch(/(^|,)[=+@]/m);
  });
});
