// A JSON decision file passes exactly the editors' rules (lib/validation/decision-json.ts reuses their schemas), and
// its evaluators must be members who may score. Each case is one of the outside probe's accepted files; each is now
// refused with a field-level issue naming the field, through the upload reader and through the data layer alike,
// and writes nothing.
import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "@/lib/server/actor";
import { exportDecisionJson, loadReportBundle } from "@/lib/server/exports";
import { applyJsonImport, planJsonImport } from "@/lib/server/imports";
import type { DomainError } from "@/lib/errors/domain-error";
import type { ImportIssue } from "@/lib/validation/import";
import { decisionMarkdown } from "@/lib/export/markdown";
import type { DecisionJsonFile as DecisionJson } from "@/lib/validation/decision-json";
import { readImportFile } from "./read-file";

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
let base: DecisionJson;

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
  ada = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
  base = await exportDecisionJson(ada, seeded.decisions.get("broker")!);
});
afterAll(async () => {
  await db.$disconnect();
});

const counts = async () => ({
  decisions: await db.decision.count(),
  criteria: await db.criterion.count(),
  candidates: await db.candidate.count(),
  scores: await db.score.count(),
  judgments: await db.pairwiseJudgment.count(),
});

const copy = (): DecisionJson => structuredClone(base);
const ratingIndex = () => base.criteria.findIndex((c) => c.kind === "RATING");

const fileCases: [string, (j: DecisionJson) => void, { key: string; path: string }][] = [
  [
    "99 on a 0–10 scale",
    (j) => {
      const name = j.criteria[ratingIndex()].name;
      j.scores.find((s) => s.criterion === name)!.value = 99;
    },
    { key: "outOfScale", path: "scores.*.value" },
  ],
  [
    "scale minimum above maximum",
    (j) => Object.assign(j.criteria[ratingIndex()], { scaleMin: 12, scaleMax: 5 }),
    { key: "scaleOrder", path: `criteria.*.scaleMin` },
  ],
  [
    "a metric whose worst equals its best",
    (j) => Object.assign(j.criteria[0], { kind: "METRIC", worst: 3, best: 3 }),
    { key: "referencesEqual", path: "criteria.0.worst" },
  ],
  [
    "an AHP judgment of 1e-300",
    (j) =>
      j.judgments.push({
        evaluator: j.scores[0].evaluator,
        criterionA: j.criteria[0].name,
        criterionB: j.criteria[1].name,
        value: 1e-300,
      }),
    { key: "judgmentInvalid", path: "judgments.*.value" },
  ],
  [
    "a criterion compared with itself",
    (j) =>
      j.judgments.push({
        evaluator: j.scores[0].evaluator,
        criterionA: j.criteria[0].name,
        criterionB: j.criteria[0].name,
        value: 3,
      }),
    { key: "sameCriterion", path: "judgments.*.criterionB" },
  ],
  [
    "DECIDED with no chosen candidate",
    (j) => Object.assign(j.decision, { status: "DECIDED", chosenCandidate: null, outcomeRationale: "because" }),
    { key: "chosenRequired", path: "decision.chosenCandidate" },
  ],
  [
    "a javascript: candidate link",
    (j) => (j.candidates[0].link = "javascript:alert(document.cookie)"),
    { key: "urlInvalid", path: "candidates.0.link" },
  ],
  [
    "a javascript: evidence URL",
    (j) => (j.scores[0].evidenceUrl = "javascript:alert(1)"),
    { key: "evidenceUrlInvalid", path: "scores.0.evidenceUrl" },
  ],
  [
    "a requirement weight the editor refuses",
    (j) => j.candidates[0].requirements.push({ skill: "Kotlin", weight: 1e9, minLevel: null }),
    { key: "weightTooLarge", path: "candidates.0.requirements.*.weight" },
  ],
];

const matches = (path: string) => new RegExp(`^${path.replace(/\./g, "\\.").replace(/\*/g, "\\d+")}$`);

describe("JSON import runs the editors' rules", () => {
  test.each(fileCases)("%s is refused with a field issue, nothing written", async (_label, mutate, expected) => {
    const j = copy();
    mutate(j);
    const before = await counts();
    const read = await readImportFile("d.json", new TextEncoder().encode(JSON.stringify(j)));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toContainEqual(
      expect.objectContaining({ key: expected.key, path: expect.stringMatching(matches(expected.path)) }),
    );
    // The data layer refuses the same object when handed to it directly (no reader in between).
    const err = await applyJsonImport(ada, j).catch((e) => e);
    expect(err).toMatchObject({ code: "importRejected" });
    expect(((err as DomainError).details as ImportIssue[]).map((i) => i.key)).toContain(expected.key);
    expect(await counts()).toEqual(before);
  });

  test("the out-of-scale issue carries the value and the scale for its message", async () => {
    const j = copy();
    fileCases[0][1](j);
    const read = await readImportFile("d.json", new TextEncoder().encode(JSON.stringify(j)));
    expect(!read.ok && read.issues.find((i) => i.key === "outOfScale")?.params).toEqual({ value: 99, min: 0, max: 10 });
  });

  test.each([
    ["a viewer", "viewer@stackwise.demo"],
    ["a team lead", "lead@stackwise.demo"],
  ])("scores attributed to %s (a member who may not score) are refused", async (_label, email) => {
    const j = copy();
    j.scores[0].evaluator = email;
    const before = await counts();
    for (const run of [() => planJsonImport(ada, j), () => applyJsonImport(ada, j)]) {
      const err = await run().catch((e) => e);
      expect(err).toMatchObject({ code: "importRejected" });
      expect((err as DomainError).details as ImportIssue[]).toEqual([
        { key: "evaluatorNotScorer", params: { email }, path: "scores.0.evaluator" },
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  test("an AHP judgment attributed to a viewer is refused", async () => {
    const j = copy();
    j.judgments = [
      { evaluator: "viewer@stackwise.demo", criterionA: j.criteria[0].name, criterionB: j.criteria[1].name, value: 3 },
    ];
    const err = await applyJsonImport(ada, j).catch((e) => e);
    expect((err as DomainError).details as ImportIssue[]).toEqual([
      { key: "evaluatorNotScorer", params: { email: "viewer@stackwise.demo" }, path: "judgments.0.evaluator" },
    ]);
  });

  test("the unmodified export still imports (the rules refuse nothing the editors allow)", async () => {
    const { decisionId } = await applyJsonImport(ada, copy());
    expect(await exportDecisionJson(ada, decisionId)).toEqual(base);
  });
});

describe("links in exports", () => {
  test("a javascript: link stored before the URL rule is written as inert text in the ADR, never as a link", async () => {
    const { decisionId } = await applyJsonImport(ada, copy());
    const c = await db.candidate.findFirstOrThrow({ where: { decisionId }, orderBy: { position: "asc" } });
    await db.candidate.update({ where: { id: c.id }, data: { link: "javascript:alert(1)" } });
    const md = decisionMarkdown(await loadReportBundle(ada, decisionId, "export.read"), "en");
    expect(md).not.toMatch(/<javascript:/i);
    expect(md).not.toMatch(/\]\(javascript:/i);
    // Plain text: parentheses need no escaping (MADR output escapes only what Markdown would read as structure).
    expect(md).toContain("javascript:alert(1)");
  });
});
