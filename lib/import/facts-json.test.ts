// The JSON exchange format carries measured facts (value, unit, source, measured-on day), and a file written before
// facts existed still imports: its metric scores become facts, the mean of the evaluators' values per cell.
import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import type { Actor } from "@/lib/server/actor";
import { exportDecisionJson, loadReportBundle } from "@/lib/server/exports";
import { applyJsonImport } from "@/lib/server/imports";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { readImportFile } from "./read-file";

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
const enc = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
  ada = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
});

async function importText(text: string) {
  const read = await readImportFile("x.json", enc(text));
  if (!read.ok || read.kind !== "json") throw new Error(JSON.stringify(read));
  return applyJsonImport(ada, read.json);
}

async function totals(decisionId: string) {
  const b = await loadReportBundle(ada, decisionId);
  const name = new Map(b.decision.candidates.map((c) => [c.id, c.name]));
  return Object.fromEntries(b.result!.ranking.map((r) => [name.get(r.candidateId), r.total]));
}

describe("facts in the JSON format", () => {
  test("the backend demo exports its measurements as facts with units and sources, and no metric scores", async () => {
    const json = await exportDecisionJson(ada, seeded.decisions.get("backend-language")!);
    expect(json.facts).toHaveLength(10);
    expect(json.facts[0]).toEqual({
      criterion: "Throughput",
      candidate: "Go",
      value: 9842,
      unit: "QPS",
      sourceUrl: "https://github.com/wg/wrk",
      note: "wrk, 64 connections, 5 min.",
      measuredOn: "2024-11-12",
      enteredBy: "ada@stackwise.demo",
    });
    const metric = new Set(json.criteria.filter((c) => c.kind === "METRIC").map((c) => c.name));
    expect(json.scores.filter((s) => metric.has(s.criterion))).toEqual([]);
    expect(new Set(json.facts.map((f) => f.unit))).toEqual(new Set(["QPS", "ms", "%", "MB"]));
  });

  test("export → import → export keeps every fact and the totals 8.68 / 4.09", async () => {
    const first = await exportDecisionJson(ada, seeded.decisions.get("backend-language")!);
    const { decisionId } = await importText(JSON.stringify(first));
    expect(await exportDecisionJson(ada, decisionId)).toEqual(first);
    const t = await totals(decisionId);
    expect(t.Go).toBeCloseTo(8.68, 10);
    expect(t.Python).toBeCloseTo(4.09, 10);
  });

  test("an old file's metric scores become facts: the mean of the evaluators' values per cell", async () => {
    const current = await exportDecisionJson(ada, seeded.decisions.get("backend-language")!);
    // As an older version wrote it: no `facts`, each measurement scored by both architects (values ±d around it).
    const { facts, ...rest } = current;
    const old = {
      ...rest,
      scores: [
        ...current.scores,
        ...facts.flatMap((f, i) => [
          {
            criterion: f.criterion,
            candidate: f.candidate,
            evaluator: "bo@stackwise.demo",
            value: f.value - i,
            rationale: "",
            evidenceUrl: "",
          },
          {
            criterion: f.criterion,
            candidate: f.candidate,
            evaluator: "ada@stackwise.demo",
            value: f.value + i,
            rationale: f.note,
            evidenceUrl: f.sourceUrl,
          },
        ]),
      ],
    };
    const { decisionId } = await importText(JSON.stringify(old));
    const again = await exportDecisionJson(ada, decisionId);
    expect(again.scores).toEqual(current.scores);
    // (v − i + v + i) / 2 = v for every cell; source and note from the first score that has one; credited to bo,
    // who comes first in the file.
    expect(again.facts.map((f) => [f.criterion, f.candidate, f.unit, f.sourceUrl, f.note, f.enteredBy])).toEqual(
      facts.map((f) => [f.criterion, f.candidate, f.unit, f.sourceUrl, f.note, "bo@stackwise.demo"]),
    );
    again.facts.forEach((f, i) => expect(f.value).toBeCloseTo(facts[i].value, 10));
    const t = await totals(decisionId);
    expect(t.Go).toBeCloseTo(8.68, 10);
    expect(t.Python).toBeCloseTo(4.09, 10);
  });

  test("a fact on a rating criterion, in a foreign unit or with a javascript: source is refused", async () => {
    const json = await exportDecisionJson(ada, seeded.decisions.get("backend-language")!);
    const bad = (patch: Record<string, unknown>) =>
      JSON.stringify({ ...json, facts: [{ ...json.facts[0], ...patch }, ...json.facts.slice(1)] });
    for (const [patch, key] of [
      [{ criterion: "Learning curve" }, "notMeasured"],
      [{ unit: "req/s" }, "unitMismatch"],
      [{ sourceUrl: "javascript:alert(1)" }, "sourceUrlInvalid"],
      [{ measuredOn: "2024-02-30" }, "measuredOnInvalid"],
    ] as const) {
      const read = await readImportFile("x.json", enc(bad(patch)));
      expect(read.ok, key).toBe(false);
      if (!read.ok) expect(read.issues.map((i) => i.key)).toContain(key);
    }
  });
});
