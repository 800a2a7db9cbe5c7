import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { teamVector, skillMatches } from "@/lib/scoring";
import { parseLevel, parseClipboardGrid, setRatingSchema } from "@/lib/validation/rating";
import { createTeamSchema } from "@/lib/validation/team";
import { saveRequirementSchema } from "@/lib/validation/requirement";
import type { Actor } from "./actor";
import type { DomainError } from "@/lib/errors/domain-error";
import { db } from "./db";
import { clearOverride, clearRating, pasteRatings, setOverride, setRating } from "./ratings";
import { getTeamFit, removeRequirement, saveRequirement } from "./requirements";
import { createSkill, deleteSkill, listSkills, updateSkill } from "./skills";
import { addMember, createTeam, getTeam, listTeams, moveMember, removeMember, updateMember, updateTeam } from "./teams";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let demo: Seeded;
let other: Seeded;
const actors: Record<string, Actor> = {};
let foreignLead: Actor;

async function actorOf(s: Seeded, key: string): Promise<Actor> {
  const userId = s.users.get(key)!;
  const m = await db.membership.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: s.workspace.id, userId } },
  });
  return { userId, workspaceId: s.workspace.id, role: m.role };
}

beforeAll(async () => {
  demo = await seedDemoWorkspace(db, { slug: "demo-a", emailDomain: "a.example" });
  other = await seedDemoWorkspace(db, { slug: "demo-b", emailDomain: "b.example" });
  for (const key of ["admin", "ada", "lead", "viewer"]) actors[key] = await actorOf(demo, key);
  foreignLead = await actorOf(other, "lead");
}, 60_000);

/** A fresh team of three with the Order platform ratings, through the data layer. */
async function orderTeam(name: string) {
  const lead = actors.lead;
  const { id: teamId } = await createTeam(lead, { name, description: "", aggregation: "top2" });
  const ids: string[] = [];
  for (const n of ["Mei", "Tomás", "Lina"]) ids.push((await addMember(lead, { teamId, name: n, userId: null })).id);
  const sk = (k: string) => demo.skillIds.get(k)!;
  const table: [number, string, number][] = [
    [0, "amqp", 10],
    [0, "jms", 6],
    [0, "streaming", 7],
    [1, "amqp", 6],
    [1, "jms", 4],
    [1, "streaming", 5],
    [2, "amqp", 4],
    [2, "jms", 2],
    [2, "streaming", 3],
  ];
  for (const [m, s, level] of table) await setRating(lead, { memberId: ids[m], skillId: sk(s), level, version: null });
  return { teamId, members: ids, sk };
}

describe("authorisation", () => {
  test("viewers and architects cannot change teams, skills or ratings; leads and admins can", async () => {
    const t = await orderTeam("Authz team");
    for (const who of ["viewer", "ada"]) {
      const a = actors[who];
      await expect(createTeam(a, { name: `x-${who}`, description: "", aggregation: "top2" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(createSkill(a, { name: `x-${who}`, category: "", description: "" })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(
        setRating(a, { memberId: t.members[0], skillId: t.sk("kubernetes"), level: 5, version: null }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(addMember(a, { teamId: t.teamId, name: "Nope", userId: null })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(
      createTeam(actors.admin, { name: "Admin team", description: "", aggregation: "max" }),
    ).resolves.toHaveProperty("id");
    // Everyone reads.
    expect((await listTeams(actors.viewer)).map((x) => x.name)).toContain("Authz team");
    expect(await getTeam(actors.viewer, t.teamId)).not.toBeNull();
  });

  test("ids from another workspace behave as missing", async () => {
    const t = await orderTeam("Foreign probe");
    expect(await getTeam(foreignLead, t.teamId)).toBeNull();
    await expect(
      setRating(foreignLead, { memberId: t.members[0], skillId: t.sk("amqp"), level: 1, version: 1 }),
    ).rejects.toMatchObject({ code: "notFound" });
    // A skill of the other workspace on a member of ours.
    await expect(
      setRating(actors.lead, { memberId: t.members[0], skillId: other.skillIds.get("amqp")!, level: 1, version: null }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      updateTeam(foreignLead, { teamId: t.teamId, version: 1, name: "Hijack", description: "", aggregation: "top2" }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(removeMember(foreignLead, { memberId: t.members[0], version: 1 })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(
      updateSkill(foreignLead, {
        skillId: demo.skillIds.get("go")!,
        version: 1,
        name: "x",
        category: "",
        description: "",
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      pasteRatings(foreignLead, {
        teamId: t.teamId,
        cells: [{ memberId: t.members[0], skillId: t.sk("amqp"), text: "1", version: 2 }],
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      saveRequirement(foreignLead, {
        decisionId: demo.decisions.get("broker")!,
        candidateId: "x",
        skillId: "y",
        weight: 1,
        minLevel: null,
        version: null,
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    // Linking a member to a user outside the workspace.
    await expect(
      addMember(actors.lead, { teamId: t.teamId, name: "Spy", userId: other.users.get("ada")! }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("teams and members", () => {
  test("rename with a stale version is a conflict carrying the current row; duplicate names are refused", async () => {
    const { id } = await createTeam(actors.lead, { name: "Rename me", description: "", aggregation: "top2" });
    const { version } = await updateTeam(actors.lead, {
      teamId: id,
      version: 1,
      name: "Renamed",
      description: "d",
      aggregation: "mean",
    });
    expect(version).toBe(2);
    const err = await updateTeam(actors.admin, {
      teamId: id,
      version: 1,
      name: "Late",
      description: "",
      aggregation: "top2",
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    expect((err as DomainError).current).toMatchObject({ name: "Renamed", aggregation: "mean", version: 2 });
    await expect(
      createTeam(actors.lead, { name: "Renamed", description: "", aggregation: "top2" }),
    ).rejects.toMatchObject({ code: "nameTaken" });
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["team.created", "team.updated"]);
  });

  test("members: link to a workspace user, rename, reorder, remove", async () => {
    const { id: teamId } = await createTeam(actors.lead, { name: "Members", description: "", aggregation: "top2" });
    const a = await addMember(actors.lead, { teamId, name: "A", userId: actors.ada.userId });
    const b = await addMember(actors.lead, { teamId, name: "B", userId: null });
    await updateMember(actors.lead, { memberId: b.id, version: 1, name: "Bea", userId: null });
    await moveMember(actors.lead, { memberId: b.id, version: 2, direction: "up" });
    let team = (await getTeam(actors.lead, teamId))!;
    expect(team.members.map((m) => [m.name, m.userName])).toEqual([
      ["Bea", null],
      ["A", "Ada Architect"],
    ]);
    // Reordering does not bump versions, so a colleague's rename of A (version 1) still applies.
    await updateMember(actors.admin, { memberId: a.id, version: 1, name: "Ada", userId: actors.ada.userId });
    await expect(removeMember(actors.lead, { memberId: b.id, version: 1 })).rejects.toMatchObject({ code: "stale" });
    await removeMember(actors.lead, { memberId: b.id, version: 2 });
    team = (await getTeam(actors.lead, teamId))!;
    expect(team.members.map((m) => m.name)).toEqual(["Ada"]);
  });
});

describe("ratings", () => {
  test("team vector and skill match from the ratings (top-2), and the change after raising Lina's AMQP", async () => {
    const t = await orderTeam("Vector team");
    const load = async () => {
      const team = (await getTeam(actors.viewer, t.teamId))!;
      return teamVector(
        { members: team.members, ratings: team.ratings, overrides: team.overrides },
        team.skills,
        team.aggregation,
      );
    };
    const level = (v: Awaited<ReturnType<typeof load>>, k: string) => v.skills.find((s) => s.skillId === t.sk(k))!;
    let v = await load();
    // top-2: AMQP (10+6)/2 = 8, JMS (6+4)/2 = 5, Streaming (7+5)/2 = 6; bus factor AMQP 1 (only Mei ≥ 7).
    expect([level(v, "amqp").level, level(v, "jms").level, level(v, "streaming").level]).toEqual([8, 5, 6]);
    expect(level(v, "amqp").busFactor).toBe(1);
    const reqs = [
      { candidateId: "rabbit", skillId: t.sk("amqp"), weight: 0.7 },
      { candidateId: "rabbit", skillId: t.sk("jms"), weight: 0.3 },
    ];
    expect(skillMatches(["rabbit"], reqs, v)[0].match).toBeCloseTo(7.1, 10); // .7·8 + .3·5 = 5.6 + 1.5

    const lina = (await getTeam(actors.lead, t.teamId))!.ratings.find(
      (r) => r.memberId === t.members[2] && r.skillId === t.sk("amqp"),
    )!;
    await setRating(actors.lead, { memberId: t.members[2], skillId: t.sk("amqp"), level: 9, version: lina.version });
    v = await load();
    // AMQP top-2 = (10 + 9)/2 = 9.5; bus factor 2 (Mei 10, Lina 9). Match .7·9.5 + .3·5 = 6.65 + 1.5 = 8.15.
    expect(level(v, "amqp").level).toBe(9.5);
    expect(level(v, "amqp").busFactor).toBe(2);
    expect(skillMatches(["rabbit"], reqs, v)[0].match).toBeCloseTo(8.15, 10);
  });

  test("stale versions conflict with the current value; creating a rating another tab created first conflicts; different cells never do", async () => {
    const t = await orderTeam("Conflict team");
    const k8s = t.sk("kubernetes");
    await setRating(actors.lead, { memberId: t.members[0], skillId: k8s, level: 5, version: null });
    const created = await setRating(actors.admin, {
      memberId: t.members[0],
      skillId: k8s,
      level: 6,
      version: null,
    }).catch((e) => e);
    expect(created).toMatchObject({ code: "stale" });
    expect((created as DomainError).current).toEqual({ level: 5, version: 1 });
    await setRating(actors.admin, { memberId: t.members[0], skillId: k8s, level: 6, version: 1 });
    const stale = await setRating(actors.lead, { memberId: t.members[0], skillId: k8s, level: 7, version: 1 }).catch(
      (e) => e,
    );
    expect((stale as DomainError).current).toEqual({ level: 6, version: 2 });
    await expect(clearRating(actors.lead, { memberId: t.members[0], skillId: k8s, version: 1 })).rejects.toMatchObject({
      code: "stale",
    });
    // Two people on different cells, both from version 1: no conflict.
    await setRating(actors.lead, { memberId: t.members[1], skillId: t.sk("amqp"), level: 7, version: 1 });
    await setRating(actors.admin, { memberId: t.members[1], skillId: t.sk("jms"), level: 7, version: 1 });
    await clearRating(actors.lead, { memberId: t.members[0], skillId: k8s, version: 2 });
    expect(await db.skillRating.count({ where: { memberId: t.members[0], skillId: k8s } })).toBe(0);
  });

  test("paste is all-or-nothing: one invalid value or one stale cell writes nothing", async () => {
    const t = await orderTeam("Paste team");
    const snapshot = async () =>
      (
        await db.skillRating.findMany({
          where: { member: { teamId: t.teamId } },
          orderBy: [{ memberId: "asc" }, { skillId: "asc" }],
        })
      ).map((r) => [r.memberId, r.skillId, r.level, r.version]);
    const before = await snapshot();
    const skills = ["amqp", "jms", "streaming"].map(t.sk);
    const block = parseClipboardGrid("1\t2\t3\n4\t11\t6\n7\tabc\t-1\n");
    expect(block).toEqual([
      ["1", "2", "3"],
      ["4", "11", "6"],
      ["7", "abc", "-1"],
    ]);
    const cells = block.flatMap((row, i) =>
      row.map((text, j) => ({ memberId: t.members[i], skillId: skills[j], text, version: 1 })),
    );
    const err = await pasteRatings(actors.lead, { teamId: t.teamId, cells }).catch((e) => e);
    expect(err).toMatchObject({ code: "pasteInvalid" });
    expect(((err as DomainError).details as { error: string }[]).map((c) => c.error)).toEqual([
      "levelOutOfRange",
      "levelNotNumber",
      "levelOutOfRange",
    ]);
    expect(await snapshot()).toEqual(before);

    // Valid values but one stale version: still nothing written.
    const good = cells.map((c, i) => ({ ...c, text: String(i % 10), version: i === 4 ? 7 : 1 }));
    const stale = await pasteRatings(actors.lead, { teamId: t.teamId, cells: good }).catch((e) => e);
    expect(stale).toMatchObject({ code: "stale" });
    expect((stale as DomainError).current).toEqual([
      { memberId: t.members[1], skillId: skills[1], current: { level: 4, version: 1 } },
    ]);
    expect(await snapshot()).toEqual(before);

    const ok = await pasteRatings(actors.lead, { teamId: t.teamId, cells: good.map((c) => ({ ...c, version: 1 })) });
    expect(ok.map((c) => c.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await db.auditEvent.count({ where: { action: "rating.pasted", entityId: t.teamId } })).toBe(1);
  });

  test("override replaces the team level with a reason but not the bus factor", async () => {
    const t = await orderTeam("Override team");
    const o = await setOverride(actors.lead, {
      teamId: t.teamId,
      skillId: t.sk("jms"),
      level: 8,
      reason: "Tomás did JMS at his last job",
      version: null,
    });
    await expect(
      setOverride(actors.admin, { teamId: t.teamId, skillId: t.sk("jms"), level: 2, reason: "x", version: null }),
    ).rejects.toMatchObject({ code: "stale" });
    const team = (await getTeam(actors.viewer, t.teamId))!;
    const jms = teamVector(
      { members: team.members, ratings: team.ratings, overrides: team.overrides },
      team.skills,
      team.aggregation,
    ).skills.find((s) => s.skillId === t.sk("jms"))!;
    expect(jms).toMatchObject({
      level: 8,
      aggregated: 5,
      busFactor: 0,
      override: { level: 8, reason: "Tomás did JMS at his last job" },
    });
    await clearOverride(actors.lead, { teamId: t.teamId, skillId: t.sk("jms"), version: o.version });
    expect(await db.teamSkillOverride.count({ where: { teamId: t.teamId } })).toBe(0);
  });
});

describe("skills", () => {
  test("catalog counts usage; removal names its version and takes ratings with it", async () => {
    const t = await orderTeam("Skill team");
    const { id } = await createSkill(actors.lead, { name: "NATS", category: "Messaging", description: "" });
    await setRating(actors.lead, { memberId: t.members[0], skillId: id, level: 4, version: null });
    expect((await listSkills(actors.viewer)).find((s) => s.id === id)).toMatchObject({
      ratingCount: 1,
      requirementCount: 0,
    });
    await expect(createSkill(actors.lead, { name: "NATS", category: "", description: "" })).rejects.toMatchObject({
      code: "nameTaken",
    });
    await updateSkill(actors.lead, {
      skillId: id,
      version: 1,
      name: "NATS JetStream",
      category: "Messaging",
      description: "",
    });
    await expect(deleteSkill(actors.lead, { skillId: id, version: 1 })).rejects.toMatchObject({ code: "stale" });
    await deleteSkill(actors.lead, { skillId: id, version: 2 });
    expect(await db.skillRating.count({ where: { skillId: id } })).toBe(0);
  });
});

describe("requirements", () => {
  test("create, change with versions, remove; a decided decision refuses edits", async () => {
    const decisionId = demo.decisions.get("gc")!;
    const fit = (await getTeamFit(actors.lead, decisionId))!;
    expect(fit.editable).toBe(true);
    expect((await getTeamFit(actors.viewer, decisionId))!.editable).toBe(false);
    const candidateId = fit.decision.candidates[0].id;
    const skillId = demo.skillIds.get("kubernetes")!;
    const r = await saveRequirement(actors.lead, {
      decisionId,
      candidateId,
      skillId,
      weight: 0.2,
      minLevel: 6,
      version: null,
    });
    await expect(
      saveRequirement(actors.admin, { decisionId, candidateId, skillId, weight: 0.5, minLevel: null, version: null }),
    ).rejects.toMatchObject({ code: "stale" });
    const r2 = await saveRequirement(actors.lead, {
      decisionId,
      candidateId,
      skillId,
      weight: 0.3,
      minLevel: null,
      version: r.version,
    });
    await expect(
      saveRequirement(actors.ada, {
        decisionId,
        candidateId,
        skillId,
        weight: 0.3,
        minLevel: null,
        version: r2.version,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeRequirement(actors.lead, { decisionId, requirementId: r.id, version: 1 })).rejects.toMatchObject(
      { code: "stale" },
    );
    await removeRequirement(actors.lead, { decisionId, requirementId: r.id, version: r2.version });

    await db.decision.update({ where: { id: decisionId }, data: { status: "DECIDED" } });
    await expect(
      saveRequirement(actors.lead, { decisionId, candidateId, skillId, weight: 1, minLevel: null, version: null }),
    ).rejects.toMatchObject({ code: "decisionLocked" });
    expect((await getTeamFit(actors.lead, decisionId))!.editable).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: r.id } })).toBe(3);
  });
});

describe("validation schemas", () => {
  test.each([
    ["11", "levelOutOfRange"],
    ["-1", "levelOutOfRange"],
    ["abc", "levelNotNumber"],
    ["", "levelRequired"],
    ["7,5", null],
    ["0", null],
    ["10", null],
  ])("level %j → %s", (text, error) => {
    const r = parseLevel(text);
    expect(r.ok ? null : r.error).toBe(error);
  });

  test("numbers outside 0–10, bad aggregation and negative weights are refused", () => {
    expect(setRatingSchema.safeParse({ memberId: "m", skillId: "s", level: 10.5, version: null }).success).toBe(false);
    expect(
      createTeamSchema.safeParse({ name: " ", aggregation: "median" }).error?.issues.map((i) => i.message),
    ).toEqual(["nameRequired", "aggregationInvalid"]);
    expect(
      saveRequirementSchema.safeParse({
        decisionId: "d",
        candidateId: "c",
        skillId: "s",
        weight: -1,
        minLevel: null,
        version: null,
      }).error?.issues[0].message,
    ).toBe("weightNegative");
  });
});
