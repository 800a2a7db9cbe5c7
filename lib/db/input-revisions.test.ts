// The revision triggers (lib/db/input-revisions.ts) on a migrated database — SQLite here, PostgreSQL in npm test's
// second pass: every tracked table's insert, update and delete bumps exactly its own decision's, team's or
// workspace's counter and no other; a change of an untracked column (a user's locale) bumps nothing; bulk writes
// bump once per statement on PostgreSQL; and every model is classified.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { db, provider } from "@/lib/server/db";
import { NOT_INPUTS, TRACKED, triggerNames } from "./input-revisions";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ws: Seeded;
let other: Seeded;
let decisionId: string;
let teamId: string;

beforeAll(async () => {
  ws = await seedDemoWorkspace(db);
  // A second workspace: its counters must never move when the first one's rows change.
  other = await seedDemoWorkspace(db, { slug: "revisions-other", emailDomain: "other.test" });
  decisionId = ws.decisions.get("broker")!;
  teamId = (await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).teamId!;
}, 120_000);

/** Every counter of both workspaces, by "<Counter>:<id>". */
async function counters(): Promise<Map<string, number>> {
  const [d, t, w] = await Promise.all([
    db.decision.findMany({ select: { id: true, inputsRevision: true } }),
    db.team.findMany({ select: { id: true, inputsRevision: true } }),
    db.workspace.findMany({ select: { id: true, inputsRevision: true } }),
  ]);
  const out = new Map<string, number>();
  for (const [name, rows] of [
    ["Decision", d],
    ["Team", t],
    ["Workspace", w],
  ] as const)
    for (const r of rows) out.set(`${name}:${r.id}`, r.inputsRevision);
  return out;
}

/** Runs `write` and returns the counters it moved. */
async function moved(write: () => Promise<unknown>): Promise<string[]> {
  const before = await counters();
  await write();
  const after = await counters();
  return [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
}

const rating = () =>
  db.criterion.findFirstOrThrow({ where: { decisionId, kind: "RATING" }, orderBy: { position: "asc" } });
const candidate = () => db.candidate.findFirstOrThrow({ where: { decisionId }, orderBy: { position: "asc" } });
const admin = () => ws.users.get("admin")!;
let seq = 0;
const unique = (what: string) => `${what} ${++seq}`;

interface Fixture {
  /** Rows the tracked row hangs from that are not its counter's parents (made before anything is measured). */
  setup?: () => Promise<string>;
  /** Creates a row (given setup's id); returns its id. */
  create: (parent: string) => Promise<string>;
  update: (id: string) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  /** The counter a change must move. */
  expected: () => string[];
}

const decisionCounter = () => [`Decision:${decisionId}`];
const teamCounter = () => [`Team:${teamId}`];
const workspaceCounter = () => [`Workspace:${ws.workspace.id}`];

const FIXTURES: Record<string, Fixture> = {
  Criterion: {
    create: async () =>
      (await db.criterion.create({ data: { decisionId, name: unique("Crit"), weight: 5, position: 90 + seq } })).id,
    update: (id) => db.criterion.update({ where: { id }, data: { weight: 7 } }),
    remove: (id) => db.criterion.delete({ where: { id } }),
    expected: decisionCounter,
  },
  Candidate: {
    create: async () =>
      (await db.candidate.create({ data: { decisionId, name: unique("Cand"), position: 90 + seq } })).id,
    update: (id) => db.candidate.update({ where: { id }, data: { description: "changed" } }),
    remove: (id) => db.candidate.delete({ where: { id } }),
    expected: decisionCounter,
  },
  PairwiseJudgment: {
    create: async () => {
      const [a, b] = await db.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" }, take: 2 });
      const evaluatorId = ws.users.get("viewer")!;
      return (
        await db.pairwiseJudgment.create({
          data: { decisionId, evaluatorId, criterionAId: a.id, criterionBId: b.id, value: 3 },
        })
      ).id;
    },
    update: (id) => db.pairwiseJudgment.update({ where: { id }, data: { value: 5 } }),
    remove: (id) => db.pairwiseJudgment.delete({ where: { id } }),
    expected: decisionCounter,
  },
  CandidateJudgment: {
    create: async () => {
      const c = await db.criterion.findFirstOrThrow({ where: { decisionId }, orderBy: { position: "asc" } });
      const [a, b] = await db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" }, take: 2 });
      const evaluatorId = ws.users.get("viewer")!;
      return (
        await db.candidateJudgment.create({
          data: { decisionId, criterionId: c.id, evaluatorId, candidateAId: a.id, candidateBId: b.id, value: 3 },
        })
      ).id;
    },
    update: (id) => db.candidateJudgment.update({ where: { id }, data: { value: 5 } }),
    remove: (id) => db.candidateJudgment.delete({ where: { id } }),
    expected: decisionCounter,
  },
  Scenario: {
    create: async () => (await db.scenario.create({ data: { decisionId, name: unique("Scenario"), weights: {} } })).id,
    update: (id) => db.scenario.update({ where: { id }, data: { weights: { x: 1 } } }),
    remove: (id) => db.scenario.delete({ where: { id } }),
    expected: decisionCounter,
  },
  Score: {
    create: async () => {
      const [c, k] = await Promise.all([rating(), candidate()]);
      const evaluatorId = ws.users.get("viewer")!;
      return (await db.score.create({ data: { criterionId: c.id, candidateId: k.id, evaluatorId, value: 4 } })).id;
    },
    update: (id) => db.score.update({ where: { id }, data: { value: 6 } }),
    remove: (id) => db.score.delete({ where: { id } }),
    expected: decisionCounter,
  },
  Fact: {
    setup: async () =>
      (
        await db.criterion.create({
          data: { decisionId, name: unique("Metric"), weight: 5, kind: "METRIC", position: 90 + seq },
        })
      ).id,
    create: async (criterionId) => {
      const k = await db.candidate.create({ data: { decisionId, name: unique("Measured"), position: 90 + seq } });
      const id = (
        await db.fact.create({
          data: { criterionId, candidateId: k.id, value: 12, measuredOn: new Date("2026-11-01") },
        })
      ).id;
      return id;
    },
    update: (id) => db.fact.update({ where: { id }, data: { value: 13 } }),
    remove: (id) => db.fact.delete({ where: { id } }),
    expected: decisionCounter,
  },
  SkillRequirement: {
    setup: async () =>
      (await db.skill.create({ data: { workspaceId: ws.workspace.id, name: unique("Req skill") } })).id,
    create: async (skillId) => {
      const k = await db.candidate.create({ data: { decisionId, name: unique("Requires"), position: 90 + seq } });
      return (await db.skillRequirement.create({ data: { candidateId: k.id, skillId, weight: 2 } })).id;
    },
    update: (id) => db.skillRequirement.update({ where: { id }, data: { weight: 3 } }),
    remove: (id) => db.skillRequirement.delete({ where: { id } }),
    expected: decisionCounter,
  },
  TeamMember: {
    create: async () => (await db.teamMember.create({ data: { teamId, name: unique("Member") } })).id,
    update: (id) => db.teamMember.update({ where: { id }, data: { name: "Renamed" } }),
    remove: (id) => db.teamMember.delete({ where: { id } }),
    expected: teamCounter,
  },
  TeamSkillOverride: {
    setup: async () =>
      (await db.skill.create({ data: { workspaceId: ws.workspace.id, name: unique("Override skill") } })).id,
    create: async (skillId) =>
      (await db.teamSkillOverride.create({ data: { teamId, skillId, level: 3, reason: "r" } })).id,
    update: (id) => db.teamSkillOverride.update({ where: { id }, data: { level: 4 } }),
    remove: (id) => db.teamSkillOverride.delete({ where: { id } }),
    expected: teamCounter,
  },
  SkillRating: {
    setup: async () => (await db.skill.create({ data: { workspaceId: ws.workspace.id, name: unique("Rated") } })).id,
    create: async (skillId) => {
      const m = await db.teamMember.create({ data: { teamId, name: unique("Rated member") } });
      return (await db.skillRating.create({ data: { memberId: m.id, skillId, level: 2 } })).id;
    },
    update: (id) => db.skillRating.update({ where: { id }, data: { level: 3 } }),
    remove: (id) => db.skillRating.delete({ where: { id } }),
    expected: teamCounter,
  },
  Skill: {
    create: async () => (await db.skill.create({ data: { workspaceId: ws.workspace.id, name: unique("Skill") } })).id,
    update: (id) => db.skill.update({ where: { id }, data: { name: unique("Skill renamed") } }),
    remove: (id) => db.skill.delete({ where: { id } }),
    expected: workspaceCounter,
  },
};

describe("every tracked table moves its own counter", () => {
  const cases = TRACKED.filter((t) => !t.all).map((t) => ({ table: t.table, counter: t.counter }));
  test("each tracked table has a fixture", () => {
    expect(cases.map((c) => c.table).filter((t) => !(t in FIXTURES))).toEqual([]);
  });
  test.each(cases)("$table → $counter: insert, update, delete", async ({ table }) => {
    const f = FIXTURES[table];
    let id = "";
    // Set-up rows of another counter (a new skill) are made before anything is measured; parents on the same counter
    // (a candidate for a fact) move only the expected one.
    const parent = (await f.setup?.()) ?? "";
    expect(await moved(async () => (id = await f.create(parent))), `insert into ${table}`).toEqual(f.expected());
    expect(await moved(() => f.update(id)), `update of ${table}`).toEqual(f.expected());
    expect(await moved(() => f.remove(id)), `delete from ${table}`).toEqual(f.expected());
  });
});

describe("users: every workspace, only for the shown columns", () => {
  const allWorkspaces = async () =>
    (await db.workspace.findMany({ select: { id: true } })).map((w) => `Workspace:${w.id}`).sort();
  test("a name or e-mail change moves every workspace's counter", async () => {
    const id = ws.users.get("ada")!;
    expect((await moved(() => db.user.update({ where: { id }, data: { name: unique("Ada") } }))).sort()).toEqual(
      await allWorkspaces(),
    );
    expect(
      (
        await moved(() =>
          db.user.update({ where: { id }, data: { email: `${unique("ada")}@x.test`.replace(" ", "") } }),
        )
      ).sort(),
    ).toEqual(await allWorkspaces());
  });
  test("a locale change, or an update that changes nothing shown, moves nothing", async () => {
    const id = ws.users.get("ada")!;
    expect(await moved(() => db.user.update({ where: { id }, data: { locale: "zh-CN" } }))).toEqual([]);
    const u = await db.user.findUniqueOrThrow({ where: { id } });
    expect(await moved(() => db.user.update({ where: { id }, data: { name: u.name } }))).toEqual([]);
  });
  test("deleting a user moves every workspace's counter", async () => {
    const u = await db.user.create({ data: { email: "gone@revisions.test", name: "Gone" } });
    expect((await moved(() => db.user.delete({ where: { id: u.id } }))).sort()).toEqual(await allWorkspaces());
  });
});

describe("cascades and bulk writes", () => {
  test("deleting a criterion (and with it its scores) moves its decision only", async () => {
    const c = await db.criterion.create({ data: { decisionId, name: unique("Doomed"), weight: 5, position: 99 } });
    const k = await candidate();
    await db.score.create({ data: { criterionId: c.id, candidateId: k.id, evaluatorId: admin(), value: 5 } });
    expect(await moved(() => db.criterion.delete({ where: { id: c.id } }))).toEqual(decisionCounter());
  });
  test("deleting a whole decision succeeds and moves no other decision", async () => {
    const doomed = other.decisions.get("gc")!;
    const change = await moved(() => db.decision.delete({ where: { id: doomed } }));
    expect(change.filter((k) => k.startsWith("Decision:"))).toEqual([]);
  });
  test("a bulk update of many scores moves the counter (once per statement on PostgreSQL)", async () => {
    const before = (await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).inputsRevision;
    const { count } = await db.score.updateMany({
      where: { criterion: { decisionId } },
      data: { rationale: "bulk" },
    });
    expect(count).toBeGreaterThan(5);
    const after = (await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).inputsRevision;
    // SQLite's triggers are per row (two bumps an updated row: its old and its new decision); PostgreSQL's per
    // statement (one bump each for the old and the new rows' decisions).
    expect(after - before).toBe(provider === "postgresql" ? 2 : 2 * count);
  });
});

describe("the schema", () => {
  test("a migrated database has every trigger", async () => {
    const rows =
      provider === "postgresql"
        ? await db.$queryRaw<{ name: string }[]>`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`
        : await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger'`;
    const present = new Set(rows.map((r) => r.name));
    expect(triggerNames().filter((n) => !present.has(n))).toEqual([]);
  });
  test("every model is either tracked or listed as not an input", () => {
    const classified = new Set([...TRACKED.map((t) => t.table), ...Object.keys(NOT_INPUTS)]);
    expect(Object.values(Prisma.ModelName).filter((m) => !classified.has(m))).toEqual([]);
    expect([...classified].filter((m) => !(Object.values(Prisma.ModelName) as string[]).includes(m))).toEqual([]);
  });
});
