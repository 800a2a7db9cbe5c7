import "@/lib/testing/use-temp-db";
// Every place that copies a criterion or candidate row — undo of a removal, duplicate, the seed's template copy —
// must carry every column. The column lists come from the generated client (Prisma.<Model>ScalarFieldEnum, which
// Prisma generates from the schema's DMMF) and are checked against the table itself, so a column added later makes
// these tests fail until it has a distinctive value here, and then fail again if any copy path drops it.
import { beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { tableColumns } from "@/lib/testing/table-columns";
import { testProvider } from "@/lib/testing/temp-db";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { DecisionTemplate } from "@/lib/templates/types";
import type { CandidateValues } from "@/lib/validation/candidate";
import type { CriterionValues } from "@/lib/validation/criterion";
import type { Actor } from "./actor";
import { removeCandidate, restoreCandidate } from "./candidates";
import { removeCriterion, restoreCriterion } from "./criteria";
import { db } from "./db";
import { duplicateDecision } from "./decisions";

type Row = Record<string, unknown>;

/** Columns that say where a row is or when it was written, not what it holds. */
const BOOKKEEPING = [
  "id",
  "decisionId",
  "candidateId",
  "criterionId",
  "position",
  "version",
  "createdAt",
  "updatedAt",
  // Where a criterion sits in the tree: an id of the same decision, remapped by copies (criteria-tree.test.ts).
  "parentId",
];

/** Non-default members for the enum columns (SQLite stores enums as TEXT, so the table cannot tell). */
const ENUM_VALUES: Row = { kind: "METRIC", direction: "COST" };

/**
 * A value for every value column of `table`, derived from the table's own column types and each different from the
 * column's default (checked below), so a copy that drops a column shows — including a column added later.
 */
async function distinctValues(table: string, columns: Record<string, string>): Promise<Row> {
  const info = await tableColumns(db, table);
  const values: Row = {};
  for (const [i, { name, type }] of info.entries()) {
    if (!valueColumns(columns).includes(name)) continue;
    if (name in ENUM_VALUES) values[name] = ENUM_VALUES[name];
    else if (type === "TEXT") values[name] = `${name} of the round trip`;
    else if (type === "REAL") values[name] = 100 + i + 0.25;
    else if (type === "INTEGER") values[name] = 100 + i;
    else if (type === "BOOLEAN") values[name] = true;
    else if (type === "DATETIME") values[name] = new Date(Date.UTC(2020, 0, 1 + i));
    else throw new Error(`${table}.${name} (${type}): add a distinct value for this column type here`);
  }
  return values;
}
let criterionValues: Row;
let candidateValues: Row;
const CREATED = new Date("2021-03-04T05:06:07.000Z");

const columnsOf = (e: Record<string, string>) => Object.values(e);
const valueColumns = (e: Record<string, string>) => columnsOf(e).filter((c) => !BOOKKEEPING.includes(c));

/** The row as the database holds it, read without Prisma's model mapping. */
async function rawRow(table: string, id: string): Promise<Row> {
  const placeholder = testProvider() === "postgresql" ? "$1" : "?";
  const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table}" WHERE "id" = ${placeholder}`, id);
  expect(rows).toHaveLength(1);
  return rows[0];
}

const without = (row: Row, keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db, { slug: "copies", emailDomain: "copies.test" });
  ada = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
  criterionValues = await distinctValues("Criterion", Prisma.CriterionScalarFieldEnum);
  candidateValues = await distinctValues("Candidate", Prisma.CandidateScalarFieldEnum);
}, 120_000);

describe("the column lists are the tables' columns", () => {
  test.each([
    ["Criterion", Prisma.CriterionScalarFieldEnum],
    ["Candidate", Prisma.CandidateScalarFieldEnum],
  ])("%s: the generated column list is the table's, and every value column has a test value", async (table, e) => {
    const info = await tableColumns(db, table);
    expect(info.map((c) => c.name).sort()).toEqual(columnsOf(e).sort());
    const values = table === "Criterion" ? criterionValues : candidateValues;
    expect(Object.keys(values).sort()).toEqual(valueColumns(e).sort());
  });

  test("the test values differ from what a new row gets by default", async () => {
    const decisionId = seeded.decisions.get("broker")!;
    const c = await db.criterion.create({ data: { decisionId, name: "default", weight: 1, position: 99 } });
    const k = await db.candidate.create({ data: { decisionId, name: "default", position: 99 } });
    for (const [col, v] of Object.entries(criterionValues)) expect([col, (c as Row)[col]]).not.toEqual([col, v]);
    for (const [col, v] of Object.entries(candidateValues)) expect([col, (k as Row)[col]]).not.toEqual([col, v]);
    await db.criterion.delete({ where: { id: c.id } });
    await db.candidate.delete({ where: { id: k.id } });
  });
});

/** A fresh copy of the broker decision whose first criterion and candidate hold the distinctive values. */
async function decisionWithDistinctRows() {
  const { id } = await duplicateDecision(ada, seeded.decisions.get("broker")!, "(copies)");
  const criterion = await db.criterion.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "asc" } });
  const candidate = await db.candidate.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "asc" } });
  await db.criterion.update({ where: { id: criterion.id }, data: { ...criterionValues, createdAt: CREATED } });
  await db.candidate.update({ where: { id: candidate.id }, data: { ...candidateValues, createdAt: CREATED } });
  const evaluatorId = seeded.users.get("bo")!;
  await db.score.create({
    data: {
      criterionId: criterion.id,
      candidateId: candidate.id,
      evaluatorId,
      value: 420,
      rationale: "measured",
      evidenceUrl: "https://example.org/bench",
      createdAt: CREATED,
    },
  });
  return { decisionId: id, criterionId: criterion.id, candidateId: candidate.id };
}

describe("remove → undo restores every column", () => {
  test("criterion (and its score)", async () => {
    const d = await decisionWithDistinctRows();
    const before = await rawRow("Criterion", d.criterionId);
    const score = await db.score.findFirstOrThrow({ where: { criterionId: d.criterionId } });
    const scoreBefore = await rawRow("Score", score.id);
    const { undoToken } = await removeCriterion(ada, d.criterionId);
    await restoreCriterion(ada, { decisionId: d.decisionId, undoToken });
    const after = await rawRow("Criterion", d.criterionId);
    expect(without(after, ["version", "updatedAt"])).toEqual(without(before, ["version", "updatedAt"]));
    expect(after.version).toBe(Number(before.version) + 1);
    const scoreAfter = await rawRow("Score", score.id);
    expect(without(scoreAfter, ["version", "updatedAt"])).toEqual(without(scoreBefore, ["version", "updatedAt"]));
  });

  test("candidate (and its score and skill requirements)", async () => {
    const d = await decisionWithDistinctRows();
    const before = await rawRow("Candidate", d.candidateId);
    const requirements = await db.skillRequirement.findMany({ where: { candidateId: d.candidateId } });
    expect(requirements.length).toBeGreaterThan(0);
    const requirementsBefore = await Promise.all(requirements.map((r) => rawRow("SkillRequirement", r.id)));
    const { undoToken } = await removeCandidate(ada, d.candidateId);
    await restoreCandidate(ada, { decisionId: d.decisionId, undoToken });
    const after = await rawRow("Candidate", d.candidateId);
    expect(without(after, ["version", "updatedAt"])).toEqual(without(before, ["version", "updatedAt"]));
    expect(after.version).toBe(Number(before.version) + 1);
    const requirementsAfter = await Promise.all(requirements.map((r) => rawRow("SkillRequirement", r.id)));
    expect(requirementsAfter.map((r) => without(r, ["version", "updatedAt"]))).toEqual(
      requirementsBefore.map((r) => without(r, ["version", "updatedAt"])),
    );
    expect(await db.score.count({ where: { candidateId: d.candidateId, value: 420, rationale: "measured" } })).toBe(1);
  });
});

describe("copies carry every value column", () => {
  test("duplicate copies criteria, candidates and requirements", async () => {
    const d = await decisionWithDistinctRows();
    const { id } = await duplicateDecision(ada, d.decisionId, "(again)");
    const pairs = async (table: "Criterion" | "Candidate") => {
      const query = { orderBy: { position: "asc" as const }, select: { id: true } };
      const src =
        table === "Criterion"
          ? await db.criterion.findMany({ where: { decisionId: d.decisionId }, ...query })
          : await db.candidate.findMany({ where: { decisionId: d.decisionId }, ...query });
      const dst =
        table === "Criterion"
          ? await db.criterion.findMany({ where: { decisionId: id }, ...query })
          : await db.candidate.findMany({ where: { decisionId: id }, ...query });
      expect(dst).toHaveLength(src.length);
      return Promise.all(src.map(async (s, i) => [await rawRow(table, s.id), await rawRow(table, dst[i].id)]));
    };
    const skip = ["id", "decisionId", "version", "createdAt", "updatedAt"];
    for (const [a, b] of await pairs("Criterion")) expect(without(b, skip)).toEqual(without(a, skip));
    for (const [a, b] of await pairs("Candidate")) expect(without(b, skip)).toEqual(without(a, skip));
    const first = await db.candidate.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "asc" } });
    expect(without(first as Row, skip)).toMatchObject(candidateValues);
    const reqs = async (candidateId: string) =>
      (await db.skillRequirement.findMany({ where: { candidateId }, orderBy: { skillId: "asc" } })).map((r) =>
        without(r as Row, ["id", "candidateId", "version", "updatedAt"]),
      );
    expect(await reqs(first.id)).toEqual(await reqs(d.candidateId));
  });

  test("the seed's template copy writes every value a template gives", async () => {
    const template: DecisionTemplate = {
      key: "copies",
      title: "Copies",
      context: "",
      team: "",
      criteria: [{ key: "c", ...(criterionValues as CriterionValues) }],
      candidates: [
        {
          key: "k",
          ...(candidateValues as CandidateValues),
          requirements: [{ skill: "amqp", weight: 3, minLevel: 6 }],
        },
      ],
      scores: [],
    };
    const d = await createDecisionFromTemplate(db, {
      workspaceId: seeded.workspace.id,
      template,
      evaluatorIds: [],
      skillIds: seeded.skillIds,
    });
    const c = await db.criterion.findFirstOrThrow({ where: { decisionId: d.id } });
    const k = await db.candidate.findFirstOrThrow({ where: { decisionId: d.id }, include: { requirements: true } });
    expect(c).toMatchObject(criterionValues);
    expect(k).toMatchObject(candidateValues);
    expect(k.requirements.map((r) => [r.skillId, r.weight, r.minLevel])).toEqual([[seeded.skillIds.get("amqp"), 3, 6]]);
  });
});
