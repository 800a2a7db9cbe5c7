// The criteria tree through the real data layer on a migrated database. Hand and numpy values: the demo broker
// decision (mean scores Kafka 6/5/9/7/8, RabbitMQ 8/7/7/9/6, Pulsar 5/4/8/5/9) with Learning cost 20 and
// Operational complexity 25 moved under a new group Operations 30: top level 30 / 15 / 30 / 10 → Operations .352941,
// Learning .352941 · 20/45 = .156863, Operational complexity .196078; totals Kafka 6.9216, RabbitMQ 7.7451,
// Pulsar 5.8039 (numpy P @ g).
import "@/lib/testing/use-temp-db";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { matrixCsv } from "@/lib/export/csv";
import { decisionMarkdown } from "@/lib/export/markdown";
import { reportPdf } from "@/lib/export/pdf";
import { matrixXlsx } from "@/lib/export/xlsx";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import type { DomainError } from "@/lib/errors/domain-error";
import { evaluateDecision } from "@/lib/scoring";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { parseDecisionJson } from "@/lib/validation/decision-json";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import type { Actor } from "./actor";
import { addCriterion, removeCriterion, restoreCriterion, setCriterionParent, updateCriterionFields } from "./criteria";
import { db } from "./db";
import { getDecision } from "./decisions";
import { exportDecisionJson, loadReportBundle } from "./exports";
import { applyJsonImport } from "./imports";
import { applyAhpWeights, saveJudgment } from "./judgments";
import { saveScore } from "./scores";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
let viewer: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = { userId: demo.users.get("ada")!, workspaceId: demo.workspace.id, role: "ARCHITECT" };
  viewer = { userId: demo.users.get("viewer")!, workspaceId: demo.workspace.id, role: "VIEWER" };
}, 120_000);

async function broker() {
  const d = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template: BROKER_TEMPLATE,
    teamId: null,
    evaluatorIds: [demo.users.get("ada")!, demo.users.get("bo")!],
    skillIds: demo.skillIds,
    title: `Tree ${Math.random()}`,
  });
  const rows = await db.criterion.findMany({ where: { decisionId: d.id } });
  const byName = (name: string) => rows.find((c) => c.name === name)!;
  return { id: d.id, byName };
}

/** Operations 30 with Learning cost and Operational complexity under it. */
async function withGroup() {
  const d = await broker();
  const group = await addCriterion(ada, { decisionId: d.id, name: "Operations", weight: 30 });
  for (const name of ["Learning cost", "Operational complexity"]) {
    const c = d.byName(name);
    await setCriterionParent(ada, { criterionId: c.id, version: c.version, parentId: group.id });
  }
  return { ...d, group };
}

async function evaluate(decisionId: string, options = {}) {
  const d = (await getDecision(ada, decisionId))!;
  const outcome = evaluateDecision(toScoringModel(d), { monteCarlo: { samples: 0 }, ...options });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { d, r: outcome.result };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
};

describe("criteria tree", () => {
  test("moving two criteria under a group: global shares and totals as numpy gives them", async () => {
    const d = await withGroup();
    const { d: detail, r } = await evaluate(d.id);
    const name = new Map(detail.criteria.map((c) => [c.id, c.name]));
    const node = (n: string) => r.tree!.nodes.find((x) => name.get(x.criterionId) === n)!;
    expect(node("Operations").globalShare).toBeCloseTo(30 / 85, 12);
    expect(node("Operations").leaf).toBe(false);
    expect(node("Learning cost").localShare).toBeCloseTo(20 / 45, 12);
    expect(node("Learning cost").globalShare).toBeCloseTo(0.156862745, 8);
    expect(node("Operational complexity").globalShare).toBeCloseTo(0.196078431, 8);
    const total = (n: string) =>
      r.ranking.find((x) => detail.candidates.find((c) => c.id === x.candidateId)!.name === n)!.total;
    expect(total("Kafka")).toBeCloseTo(6.921568627, 8);
    expect(total("RabbitMQ")).toBeCloseTo(7.745098039, 8);
    expect(total("Pulsar")).toBeCloseTo(5.803921569, 8);
    // The group has no cells: it is not scored.
    expect(r.cells.some((c) => c.criterionId === d.group.id)).toBe(false);
  });

  test("refusals change nothing: another decision's criterion, a loop, six levels, a stale version, a viewer", async () => {
    const d = await withGroup();
    const other = await broker();
    const learning = (await db.criterion.findUniqueOrThrow({ where: { id: d.byName("Learning cost").id } }))!;
    const group = await db.criterion.findUniqueOrThrow({ where: { id: d.group.id } });
    const before = await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { id: "asc" } });

    const foreign = await refusal(
      setCriterionParent(ada, {
        criterionId: learning.id,
        version: learning.version,
        parentId: other.byName("Team familiarity").id,
      }),
    );
    expect(foreign.fieldErrors).toEqual({ parentId: "parentUnknown" });
    const loop = await refusal(
      setCriterionParent(ada, { criterionId: group.id, version: group.version, parentId: learning.id }),
    );
    expect(loop.fieldErrors).toEqual({ parentId: "parentCycle" });
    const stale = await refusal(
      setCriterionParent(ada, { criterionId: learning.id, version: learning.version - 1, parentId: null }),
    );
    expect(stale.code).toBe("stale");
    const forbidden = await refusal(
      setCriterionParent(viewer, { criterionId: learning.id, version: learning.version, parentId: null }),
    );
    expect(forbidden.code).toBe("forbidden");
    // Operations › Learning cost is two levels; four more criteria chained under it make six.
    let parent = learning.id;
    const chain: string[] = [];
    for (let k = 0; k < 3; k++) {
      const c = await addCriterion(ada, { decisionId: d.id, name: `Level ${k + 3}` });
      const moved = await setCriterionParent(ada, { criterionId: c.id, version: c.version, parentId: parent });
      parent = moved.id;
      chain.push(moved.id);
    }
    const sixth = await addCriterion(ada, { decisionId: d.id, name: "Level 6" });
    const deep = await refusal(
      setCriterionParent(ada, { criterionId: sixth.id, version: sixth.version, parentId: parent }),
    );
    expect(deep.fieldErrors).toEqual({ parentId: "treeTooDeep" });
    const after = await db.criterion.findMany({
      where: { decisionId: d.id, id: { in: before.map((c) => c.id) } },
      orderBy: { id: "asc" },
    });
    // Only Learning cost changed: it became the group of the chain (a parent, never moved itself).
    expect(after.map((c) => [c.id, c.parentId, c.version])).toEqual(before.map((c) => [c.id, c.parentId, c.version]));
  });

  test("a group is scored through its sub-criteria: scores, pasted or typed, and cross-group judgments are refused", async () => {
    const d = await withGroup();
    const kafka = await db.candidate.findFirstOrThrow({ where: { decisionId: d.id, name: "Kafka" } });
    const score = await refusal(
      saveScore(ada, { decisionId: d.id, criterionId: d.group.id, candidateId: kafka.id, value: 5, version: null }),
    );
    expect(score.fieldErrors).toEqual({ value: "groupNotScored" });
    const judgment = await refusal(
      saveJudgment(ada, {
        decisionId: d.id,
        criterionAId: d.byName("Learning cost").id,
        criterionBId: d.byName("Team familiarity").id,
        value: 3,
        version: null,
      }),
    );
    expect(judgment.fieldErrors).toEqual({ criterionBId: "notSiblings" });
    expect(await db.score.count({ where: { criterionId: d.group.id } })).toBe(0);
    expect(await db.pairwiseJudgment.count({ where: { decisionId: d.id } })).toBe(0);
  });

  test("AHP per group: the group's own answers give its sub-criteria's weights; applied, they are local", async () => {
    const d = await withGroup();
    // Learning cost 1/3 × Operational complexity → ¼ and ¾ (a 2×2 reciprocal matrix is exactly consistent).
    await saveJudgment(ada, {
      decisionId: d.id,
      criterionAId: d.byName("Learning cost").id,
      criterionBId: d.byName("Operational complexity").id,
      value: 1 / 3,
      version: null,
    });
    const members = await db.criterion.findMany({ where: { parentId: d.group.id } });
    const applied = await applyAhpWeights(ada, {
      decisionId: d.id,
      criteria: members.map((c) => ({ id: c.id, version: c.version })),
    });
    const byId = new Map(applied.map((a) => [a.criterionId, a.weight]));
    expect(byId.get(d.byName("Learning cost").id)).toBeCloseTo(25, 6);
    expect(byId.get(d.byName("Operational complexity").id)).toBeCloseTo(75, 6);
    // Top-level weights are untouched.
    expect((await db.criterion.findUniqueOrThrow({ where: { id: d.byName("Team familiarity").id } })).weight).toBe(30);
    const { r } = await evaluate(d.id);
    const ops = r.weights.find((w) => w.criterionId === d.byName("Operational complexity").id)!;
    expect(ops.share).toBeCloseTo((30 / 85) * 0.75, 10);
    // A mixed set (one sub-criterion with a top-level criterion) is not a set that can be applied.
    const mixed = await refusal(
      applyAhpWeights(ada, {
        decisionId: d.id,
        criteria: [
          members[0],
          await db.criterion.findUniqueOrThrow({ where: { id: d.byName("Team familiarity").id } }),
        ].map((c) => ({ id: c.id, version: c.version })),
      }),
    );
    expect(mixed.code).toBe("stale");
  });

  test("a group with sub-criteria is not removed; a removed sub-criterion comes back in its group (or at the top once the group went)", async () => {
    const d = await withGroup();
    const refused = await refusal(removeCriterion(ada, d.group.id));
    expect(refused.fieldErrors).toEqual({ id: "hasSubCriteria" });
    const learning = d.byName("Learning cost");
    const removed = await removeCriterion(ada, learning.id);
    const back = await restoreCriterion(ada, { decisionId: d.id, undoToken: removed.undoToken });
    expect(back.parentId).toBe(d.group.id);

    // Empty the group, remove it, then undo a sub-criterion's removal: it returns at the top level.
    const ops = d.byName("Operational complexity");
    const first = await removeCriterion(ada, learning.id);
    await removeCriterion(ada, ops.id);
    await removeCriterion(ada, d.group.id);
    const orphan = await restoreCriterion(ada, { decisionId: d.id, undoToken: first.undoToken });
    expect(orphan.parentId).toBeNull();
    const { r } = await evaluate(d.id);
    expect(r.tree).toBeNull();
  });

  test("the API's PATCH moves and edits in one write; a refused field writes neither", async () => {
    const d = await withGroup();
    const eco = await db.criterion.findUniqueOrThrow({ where: { id: d.byName("Ecosystem compatibility").id } });
    const bad = await refusal(
      updateCriterionFields(ada, { criterionId: eco.id, version: eco.version, values: { weight: -1 } }, d.group.id),
    );
    expect(bad.fieldErrors).toMatchObject({ weight: "weightNegative" });
    expect((await db.criterion.findUniqueOrThrow({ where: { id: eco.id } })).parentId).toBeNull();
    const moved = await updateCriterionFields(
      ada,
      { criterionId: eco.id, version: eco.version, values: { weight: 12 } },
      d.group.id,
    );
    expect([moved.parentId, moved.weight, moved.version]).toEqual([d.group.id, 12, eco.version + 1]);
  });

  test("the JSON format carries the tree by name; an import gives the same totals; a loop in a file is refused by path", async () => {
    const d = await withGroup();
    const json = await exportDecisionJson(ada, d.id);
    const parents = Object.fromEntries(json.criteria.map((c) => [c.name, c.parent]));
    expect(parents).toMatchObject({
      "Learning cost": "Operations",
      "Operational complexity": "Operations",
      Operations: null,
    });
    const { decisionId } = await applyJsonImport(ada, json);
    const a = await evaluate(d.id);
    const b = await evaluate(decisionId);
    expect(b.r.ranking.map((x) => x.total)).toEqual(a.r.ranking.map((x) => x.total));
    expect(b.r.tree!.nodes.map((n) => n.globalShare)).toEqual(a.r.tree!.nodes.map((n) => n.globalShare));

    const looped = {
      ...json,
      criteria: json.criteria.map((c) => (c.name === "Operations" ? { ...c, parent: "Learning cost" } : c)),
    };
    const parsed = parseDecisionJson(looped);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const at = json.criteria.findIndex((c) => c.name === "Operations");
      expect(parsed.issues).toContainEqual(
        expect.objectContaining({ path: `criteria.${at}.parent`, key: "parentCycle" }),
      );
    }
    // Files written before the tree have no `parent` and import flat.
    const old = { ...json, criteria: json.criteria.map(({ parent: _p, ...c }) => c) };
    expect(parseDecisionJson(old).ok).toBe(true);
  });

  test("exports of a tree: the leaves with their global shares in the PDF (both languages), ADR, CSV and XLSX", async () => {
    const d = await withGroup();
    const b = await loadReportBundle(ada, d.id, "export.read");
    const dir = mkdtempSync(path.join(os.tmpdir(), "tree-"));
    for (const locale of ["en", "zh-CN"] as const) {
      const file = path.join(dir, `report-${locale}.pdf`);
      writeFileSync(file, await reportPdf(b, locale));
      const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
      // The totals of the tree (numpy: 7.7451, 6.9216, 5.8039) and the sub-criteria's shares of the goal.
      for (const figure of ["7.75", "6.92", "5.80", "15.7", "19.6"]) expect(text).toContain(figure);
    }
    const en = execFileSync("pdftotext", [path.join(dir, "report-en.pdf"), "-"])
      .toString()
      .replace(/\s+/g, " ");
    expect(en).toContain("Criteria tree");
    expect(en).toContain("Operations (group)");
    expect(en).toContain("44.4% of Operations");
    // The group is not a scored row: no "missing" cells for it.
    expect(en).not.toContain("missing");
    const md = decisionMarkdown(b, "en");
    expect(md).toContain("7.75");
    expect(md).toContain("Learning cost");
    expect(md).toContain("* **Operations (group)**: 35.3% of the goal");
    expect(md).toContain("  * Learning cost: 44.4% of Operations, 15.7% of the goal");
    const csv = matrixCsv(b, "en");
    expect(csv).toContain("Learning cost");
    expect(csv).not.toMatch(/^"?Operations"?,/m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await matrixXlsx(b, "en")) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });
});
