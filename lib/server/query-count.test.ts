// No N+1: every page's data-layer loaders send the same number of SQL statements for a small workspace and for an
// organisation-sized one (1,000 decisions, 200 members, 30 teams of 8, 60 skills, 2,000 audit events, and one
// 12 candidates × 20 criteria × 8 evaluators decision with 1,920 scores). A loader that read rows one by one would
// send more statements for the large fixture. The expected counts are what each loader's code asks for, listed so a
// change to them is deliberate; the equality is the point.
import "@/lib/testing/use-temp-db";
import { statementsOf } from "@/lib/testing/counting-db";
import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "./actor";
import { listAuditEvents } from "./audit";
import { db } from "./db";
import { renderDownload } from "./export-downloads";
import { withoutReadMemo } from "./read-memo";
import { getDecision, getDecisionHeader, getSetupData, listDecisions, listTeamOptions } from "./decisions";
import { exportDecisionJson } from "./exports";
import { getAhpView } from "./judgments";
import { listMembers } from "./members";
import { listScenarios } from "./scenarios";
import { getScoreGrid } from "./scores";
import { listSkillsPage } from "./skills";
import { getTeam, listTeamsPage } from "./teams";

interface Size {
  decisions: number;
  users: number;
  teams: number;
  membersPerTeam: number;
  skills: number;
  audit: number;
  /** The one decision every decision page is measured on. */
  big: { criteria: number; candidates: number; evaluators: number };
}

const SMALL: Size = {
  decisions: 3,
  users: 3,
  teams: 1,
  membersPerTeam: 2,
  skills: 3,
  audit: 5,
  big: { criteria: 2, candidates: 2, evaluators: 1 },
};
const LARGE: Size = {
  decisions: 1000,
  users: 200,
  teams: 30,
  membersPerTeam: 8,
  skills: 60,
  audit: 2000,
  big: { criteria: 20, candidates: 12, evaluators: 8 },
};

interface Fixture {
  admin: Actor;
  decisionId: string;
  /** A decided decision: its setup offers "superseded by" with every other decision. */
  decidedId: string;
  teamId: string;
  /** The middle event of the audit trail, as an older and a newer page's keyset. */
  auditMiddle: { at: Date; id: string };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function build(tag: string, size: Size): Promise<Fixture> {
  const ws = await db.workspace.create({ data: { name: tag, slug: tag } });
  const userIds = range(size.users).map((i) => `${tag}-u${i}`);
  await db.user.createMany({ data: userIds.map((id, i) => ({ id, email: `${id}@q.test`, name: `User ${i}` })) });
  await db.membership.createMany({
    data: userIds.map((userId, i) => ({ workspaceId: ws.id, userId, role: i === 0 ? "ADMIN" : "ARCHITECT" })),
  });
  const skillIds = range(size.skills).map((i) => `${tag}-s${i}`);
  await db.skill.createMany({
    data: skillIds.map((id, i) => ({ id, workspaceId: ws.id, name: `Skill ${i}`, category: `Cat ${i % 5}` })),
  });
  const teamIds = range(size.teams).map((i) => `${tag}-t${i}`);
  await db.team.createMany({ data: teamIds.map((id, i) => ({ id, workspaceId: ws.id, name: `Team ${i}` })) });
  const memberIds = teamIds.flatMap((teamId) => range(size.membersPerTeam).map((i) => `${teamId}-m${i}`));
  await db.teamMember.createMany({
    data: memberIds.map((id, i) => ({ id, teamId: id.replace(/-m\d+$/, ""), name: `Member ${i}`, position: i })),
  });
  await db.skillRating.createMany({
    data: memberIds.flatMap((memberId, m) =>
      skillIds.map((skillId, s) => ({ memberId, skillId, level: (m + s) % 11 })),
    ),
  });
  await db.decision.createMany({
    data: range(size.decisions).map((i) => ({
      workspaceId: ws.id,
      teamId: teamIds[i % teamIds.length],
      title: `Decision ${i}`,
      status: (["DRAFT", "IN_REVIEW", "DECIDED", "SUPERSEDED"] as const)[i % 4],
    })),
  });

  const { big } = size;
  const decisionId = `${tag}-big`;
  await db.decision.create({ data: { id: decisionId, workspaceId: ws.id, teamId: teamIds[0], title: "Big one" } });
  const criterionIds = range(big.criteria).map((i) => `${decisionId}-cr${i}`);
  await db.criterion.createMany({
    data: criterionIds.map((id, i) => ({ id, decisionId, name: `Criterion ${i}`, weight: 1 + i, position: i })),
  });
  const candidateIds = range(big.candidates).map((i) => `${decisionId}-ca${i}`);
  await db.candidate.createMany({
    data: candidateIds.map((id, i) => ({ id, decisionId, name: `Candidate ${i}`, position: i })),
  });
  await db.skillRequirement.createMany({
    data: candidateIds.flatMap((candidateId) =>
      skillIds.slice(0, 3).map((skillId) => ({ candidateId, skillId, weight: 1 })),
    ),
  });
  await db.score.createMany({
    data: criterionIds.flatMap((criterionId, c) =>
      candidateIds.flatMap((candidateId, k) =>
        userIds.slice(0, big.evaluators).map((evaluatorId, e) => ({
          criterionId,
          candidateId,
          evaluatorId,
          value: (c + k + e) % 11,
        })),
      ),
    ),
  });
  // Every evaluator's AHP judgment of every pair: 190 pairs × 8 = 1,520 rows for the large decision.
  await db.pairwiseJudgment.createMany({
    data: criterionIds.flatMap((a, i) =>
      criterionIds.slice(i + 1).flatMap((b) =>
        userIds.slice(0, big.evaluators).map((evaluatorId) => ({
          decisionId,
          evaluatorId,
          criterionAId: a,
          criterionBId: b,
          value: 3,
        })),
      ),
    ),
  });
  await db.scenario.createMany({
    data: range(3).map((i) => ({ decisionId, name: `Scenario ${i}`, weights: {} })),
  });
  await db.auditEvent.createMany({
    data: range(size.audit).map((i) => ({
      workspaceId: ws.id,
      actorId: userIds[i % userIds.length],
      action: "decision.updated",
      entityType: "Decision",
      entityId: decisionId,
      decisionId,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    })),
  });
  const decided = await db.decision.findFirstOrThrow({ where: { workspaceId: ws.id, status: "DECIDED" } });
  const middleAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(size.audit / 2) * 1000);
  const middle = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.id, createdAt: middleAt } });
  return {
    auditMiddle: { at: middle.createdAt, id: middle.id },
    admin: { userId: userIds[0], workspaceId: ws.id, role: "ADMIN" },
    decisionId,
    decidedId: decided.id,
    teamId: teamIds[0],
  };
}

let small: Fixture;
let large: Fixture;
beforeAll(async () => {
  small = await build("small", SMALL);
  large = await build("large", LARGE);
}, 300_000);

// [loader, statements it sends, the call]. Counts come from the loaders' shapes: a paged list is a count, the page,
// one statement per included relation (Prisma reads each relation with its own IN query on SQLite) and one for the
// rows' child counts (child-counts.ts); the audit trail is its rows, a capped count, the actors and, past the first
// page, one probe for the other direction (audit.ts); getDecision
// is the decision, criteria, candidates, judgments, candidate judgments, team, requirements, members, overrides,
// ratings, scores, their evaluators, facts, the facts' authors and the skill catalog (15) after the one-statement input stamp
// (lib/server/input-stamp.ts), and scores/export build on it. Reads the memo keeps (read-memo.ts) are counted as a
// miss costs: computed afresh each time; a hit is the stamp alone (the test below).
const LOADERS: [string, number, (f: Fixture) => Promise<unknown>][] = [
  ["decisions list, first page", 4, (f) => listDecisions(f.admin, {})],
  ["decisions list, page 40", 4, (f) => listDecisions(f.admin, { page: 40 })],
  ["decisions list, search", 4, (f) => listDecisions(f.admin, { q: "DECISION 1" })],
  ["decisions list, status + team filter", 4, (f) => listDecisions(f.admin, { status: "DECIDED", team: f.teamId })],
  ["decisions list, sort by status", 4, (f) => listDecisions(f.admin, { sort: "status" })],
  ["decisions list, team options", 1, (f) => listTeamOptions(f.admin)],
  ["results: getDecision", 16, (f) => getDecision(f.admin, f.decisionId)],
  ["results: getDecisionHeader", 2, (f) => getDecisionHeader(f.admin, f.decisionId)],
  ["results: listScenarios", 2, (f) => listScenarios(f.admin, f.decisionId)],
  ["AHP", 4, (f) => getAhpView(f.admin, f.decisionId)],
  // …plus one for the measured facts the value-curve editor draws.
  ["setup", 6, (f) => getSetupData(f.admin, f.decisionId)],
  ["setup, decided decision", 7, (f) => getSetupData(f.admin, f.decidedId)],
  ["scores", 19, (f) => getScoreGrid(f.admin, f.decisionId)],
  ["team page", 8, (f) => getTeam(f.admin, f.teamId)],
  ["audit trail, newest", 3, (f) => listAuditEvents(f.admin)],
  [
    "audit trail, older than the middle",
    4,
    (f) => listAuditEvents(f.admin, { keyset: { ...f.auditMiddle, dir: "older" } }),
  ],
  [
    "audit trail, newer than the middle",
    4,
    (f) => listAuditEvents(f.admin, { keyset: { ...f.auditMiddle, dir: "newer" } }),
  ],
  ["audit trail, up to a day", 4, (f) => listAuditEvents(f.admin, { until: "2026-01-01" })],
  ["members", 3, (f) => listMembers(f.admin, 2)],
  ["teams", 3, (f) => listTeamsPage(f.admin)],
  ["skills", 3, (f) => listSkillsPage(f.admin, 2)],
  // getDecision's 16 once more for the evaluation block, and the stored rows with their candidate judgments.
  ["JSON export", 29, (f) => exportDecisionJson(f.admin, f.decisionId)],
];

describe("SQL statements per page loader do not grow with the workspace", () => {
  test.each(LOADERS)("%s: %i statements, small and large alike", async (_name, expected, load) => {
    const s = await statementsOf(() => withoutReadMemo(() => load(small)));
    const l = await statementsOf(() => withoutReadMemo(() => load(large)));
    expect(l.length, l.join("\n")).toBe(s.length);
    expect(l.length, l.join("\n")).toBe(expected);
    // Prisma's relation `_count` aggregates the whole child table (`… WHERE 1=1 GROUP BY …`): a statement count
    // that stays flat while each statement reads every workspace's rows.
    for (const sql of l) expect(sql).not.toMatch(/WHERE 1=1/);
  });

  test("a memoised read served again is its input stamp: one statement", async () => {
    await getDecision(large.admin, large.decisionId);
    const again = await statementsOf(() => getDecision(large.admin, large.decisionId));
    expect(again.length, again.join("\n")).toBe(1);
    const json = () => renderDownload(large.admin, large.decisionId, "json", "en");
    await json();
    // The export's throttle is the route's, not the data layer's: the file itself is the stamp alone.
    expect((await statementsOf(json)).length).toBe(1);
  });

  test("the large fixture is as large as it says", async () => {
    const page40 = await listDecisions(large.admin, { page: 40 });
    expect([page40.page, page40.pageCount, page40.total, page40.items.length]).toEqual([40, 41, 1001, 25]);
    // Each row's counts are its own decision's, counted here one decision at a time.
    for (const item of page40.items) {
      const [criteria, candidates] = await Promise.all([
        db.criterion.count({ where: { decisionId: item.id } }),
        db.candidate.count({ where: { decisionId: item.id } }),
      ]);
      expect([item.id, item.criterionCount, item.candidateCount]).toEqual([item.id, criteria, candidates]);
    }
    const d = await getDecision(large.admin, large.decisionId);
    expect([d?.criteria.length, d?.candidates.length, d?.scores.length]).toEqual([20, 12, 1920]);
  });
});
