// countChildren (child-counts.ts) on a migrated database: every kind's count equals Prisma's own count of that
// parent's children, for a page and for a list longer than one statement's chunk of ids.
import "@/lib/testing/use-temp-db";
import { beforeAll, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { countChildren } from "./child-counts";
import { db } from "./db";

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await seedDemoWorkspace(db)).workspace.id;
}, 120_000);

test("each decision's criteria and candidates, among 2,500 ids of which most match nothing", async () => {
  const decisions = await db.decision.findMany({ where: { workspaceId }, select: { id: true } });
  const real = decisions.map((d) => d.id);
  const ids = [...Array.from({ length: 2500 - real.length }, (_, i) => `missing-${i}`), ...real];
  const counts = await countChildren(workspaceId, ids, ["decisionCriteria", "decisionCandidates"]);
  for (const id of real) {
    expect([id, counts.decisionCriteria(id), counts.decisionCandidates(id)]).toEqual([
      id,
      await db.criterion.count({ where: { decisionId: id } }),
      await db.candidate.count({ where: { decisionId: id } }),
    ]);
  }
  expect(real.some((id) => counts.decisionCriteria(id) > 0)).toBe(true);
  expect(counts.decisionCriteria("missing-0")).toBe(0);
});

test("teams' members and decisions, and skills' ratings, requirements and overrides", async () => {
  const teams = await db.team.findMany({ where: { workspaceId }, select: { id: true } });
  const t = await countChildren(
    workspaceId,
    teams.map((x) => x.id),
    ["teamMembers", "teamDecisions"],
  );
  for (const { id } of teams) {
    expect([t.teamMembers(id), t.teamDecisions(id)]).toEqual([
      await db.teamMember.count({ where: { teamId: id } }),
      await db.decision.count({ where: { teamId: id } }),
    ]);
  }
  const skills = await db.skill.findMany({ where: { workspaceId }, select: { id: true } });
  const s = await countChildren(
    workspaceId,
    skills.map((x) => x.id),
    ["skillRatings", "skillRequirements", "skillOverrides"],
  );
  for (const { id } of skills) {
    expect([s.skillRatings(id), s.skillRequirements(id), s.skillOverrides(id)]).toEqual([
      await db.skillRating.count({ where: { skillId: id } }),
      await db.skillRequirement.count({ where: { skillId: id } }),
      await db.teamSkillOverride.count({ where: { skillId: id } }),
    ]);
  }
  expect(skills.some(({ id }) => s.skillRatings(id) > 0)).toBe(true);
});

test("no ids, no statement and every count zero", async () => {
  const counts = await countChildren(workspaceId, [], ["teamMembers"]);
  expect(counts.teamMembers("anything")).toBe(0);
});
