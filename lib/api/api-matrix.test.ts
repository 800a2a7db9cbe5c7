// The API operation matrix: every /api/v1 operation × every role × own / foreign workspace, through the real wrapper
// (token → scope → data layer). Exactly what PERMISSIONS allows succeeds in the own workspace; every other case is a
// 403 or 404 problem and changes nothing. A completeness check keeps the table in step with the operation list, and
// every response is checked against the OpenAPI document.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_USERS, seedDemoWorkspace } from "@/prisma/seed/demo";
import { createApiToken } from "@/lib/server/api-tokens";
import { can } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { conformanceChecker } from "@/lib/testing/openapi-conformance";
import { handleApiRequest } from "./handle";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./operations";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
const ROLES: Role[] = ["ADMIN", "ARCHITECT", "TEAM_LEAD", "VIEWER"];
let own: Seeded;
let foreign: Seeded;
const tokens = new Map<Role, string>();
const conformance = conformanceChecker(buildOpenApiDocument());
let seq = 0;
const unique = (what: string) => `Matrix ${what} ${++seq}`;

beforeAll(async () => {
  own = await seedDemoWorkspace(db);
  foreign = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  for (const role of ROLES) {
    const key = DEMO_USERS.find((u) => u.role === role)!.key;
    const actor = { userId: own.users.get(key)!, workspaceId: own.workspace.id, role };
    const scopes =
      role === "ADMIN"
        ? (["read", "write", "scores:write", "admin"] as const)
        : (["read", "write", "scores:write"] as const);
    tokens.set(role, (await createApiToken(actor, { name: "matrix", scopes: [...scopes], days: 7 })).token);
  }
}, 120_000);

interface Req {
  path: string;
  body?: unknown;
}

const decisionOf = (ws: Seeded) => ws.decisions.get("backend-language")!;
const metricOf = async (ws: Seeded) =>
  db.criterion.findFirstOrThrow({
    where: { decisionId: decisionOf(ws), kind: "METRIC" },
    orderBy: { position: "asc" },
  });
const ratingOf = async (ws: Seeded) =>
  db.criterion.findFirstOrThrow({
    where: { decisionId: decisionOf(ws), kind: "RATING" },
    orderBy: { position: "asc" },
  });
const candidateOf = async (ws: Seeded) =>
  db.candidate.findFirstOrThrow({ where: { decisionId: decisionOf(ws) }, orderBy: { position: "asc" } });
const teamOf = async (ws: Seeded) => [...ws.teamIds.values()][0]!;
const memberOf = async (ws: Seeded) =>
  db.teamMember.findFirstOrThrow({ where: { teamId: await teamOf(ws) }, orderBy: { position: "asc" } });
const skillOf = (ws: Seeded) => [...ws.skillIds.values()][0]!;
// Removals need a row of their own per case: each builder makes a fresh one in the target workspace (before the
// "nothing changed" snapshot is taken), so a refused removal can be told from one that had nothing to remove.
const freshCandidate = async (ws: Seeded) =>
  db.candidate.create({ data: { decisionId: decisionOf(ws), name: unique("fresh candidate"), position: 900 + ++seq } });
const freshMember = async (ws: Seeded) =>
  db.teamMember.create({ data: { teamId: await teamOf(ws), name: unique("fresh member"), position: 900 + ++seq } });
const freshDecision = async (ws: Seeded, archived = false) =>
  db.decision.create({
    data: { workspaceId: ws.workspace.id, title: unique("fresh decision"), archivedAt: archived ? new Date() : null },
  });
const userIds = (ws: Seeded) => DEMO_USERS.filter((u) => ws.users.has(u.key)).map((u) => ws.users.get(u.key)!);

/** A valid request for every operation, built from the target workspace's ids. Keyed by operationId. */
const REQUESTS: Record<string, (t: Seeded) => Promise<Req>> = {
  getTokenInfo: async () => ({ path: "/me" }),
  listDecisions: async () => ({ path: "/decisions" }),
  createDecision: async () => ({ path: "/decisions", body: { title: unique("decision") } }),
  getDecision: async (t) => ({ path: `/decisions/${decisionOf(t)}` }),
  updateDecision: async (t) => ({ path: `/decisions/${decisionOf(t)}`, body: { context: unique("context") } }),
  changeDecisionStatus: async (t) => {
    const d = await db.decision.findUniqueOrThrow({ where: { id: decisionOf(t) } });
    return { path: `/decisions/${d.id}/status`, body: { to: d.status === "DRAFT" ? "IN_REVIEW" : "DRAFT" } };
  },
  listCriteria: async (t) => ({ path: `/decisions/${decisionOf(t)}/criteria` }),
  createCriterion: async (t) => ({ path: `/decisions/${decisionOf(t)}/criteria`, body: { name: unique("criterion") } }),
  updateCriterion: async (t) => ({
    path: `/decisions/${decisionOf(t)}/criteria/${(await ratingOf(t)).id}`,
    body: { description: unique("description") },
  }),
  listCandidates: async (t) => ({ path: `/decisions/${decisionOf(t)}/candidates` }),
  createCandidate: async (t) => ({
    path: `/decisions/${decisionOf(t)}/candidates`,
    body: { name: unique("candidate") },
  }),
  updateCandidate: async (t) => ({
    path: `/decisions/${decisionOf(t)}/candidates/${(await candidateOf(t)).id}`,
    body: { description: unique("description") },
  }),
  listFacts: async (t) => ({ path: `/decisions/${decisionOf(t)}/facts` }),
  setFact: async (t) => {
    const c = await metricOf(t);
    const cand = await candidateOf(t);
    const f = await db.fact.findUnique({
      where: { criterionId_candidateId: { criterionId: c.id, candidateId: cand.id } },
    });
    return {
      path: `/decisions/${decisionOf(t)}/facts`,
      body: {
        criterionId: c.id,
        candidateId: cand.id,
        value: 100 + ++seq,
        measuredOn: "2026-11-01",
        version: f?.version ?? null,
      },
    };
  },
  importFactSnapshot: async (t) => {
    const c = await metricOf(t);
    const cand = await candidateOf(t);
    return {
      path: `/decisions/${decisionOf(t)}/facts/bulk`,
      body: { rows: [{ candidate: cand.name, criterion: c.name, value: 200 + ++seq, measuredAt: "2026-11-02" }] },
    };
  },
  listMyScores: async (t) => ({ path: `/decisions/${decisionOf(t)}/scores/mine` }),
  getCellOpinions: async (t) => ({
    path: `/decisions/${decisionOf(t)}/cells/${(await candidateOf(t)).id}/${(await ratingOf(t)).id}/opinions`,
  }),
  listCandidateJudgments: async (t) => ({ path: `/decisions/${decisionOf(t)}/candidate-judgments` }),
  saveMyCandidateJudgment: async (t) => {
    // A fresh pairwise criterion per run, so "create" (version null) is always right.
    const c = await db.criterion.create({
      data: { decisionId: decisionOf(t), name: unique("pairwise"), weight: 1, pairwise: true, position: 900 + ++seq },
    });
    const [a, b] = await db.candidate.findMany({
      where: { decisionId: decisionOf(t) },
      orderBy: { id: "asc" },
      take: 2,
    });
    return {
      path: `/decisions/${decisionOf(t)}/candidate-judgments/mine`,
      body: { criterionId: c.id, candidateAId: a.id, candidateBId: b.id, value: 3, version: null },
    };
  },
  saveMyScore: async (t) => {
    const c = await ratingOf(t);
    const cand = await candidateOf(t);
    // The evaluator is the token's user: a fresh cell per run, so "create" (version null) is always right.
    const other = await db.candidate.create({
      data: { decisionId: decisionOf(t), name: unique("scored"), position: 900 + ++seq },
    });
    void cand;
    return {
      path: `/decisions/${decisionOf(t)}/scores/mine`,
      body: { criterionId: c.id, candidateId: other.id, value: 7, version: null },
    };
  },
  getResults: async (t) => ({ path: `/decisions/${decisionOf(t)}/results?samples=0` }),
  exportDecision: async (t) => ({ path: `/decisions/${decisionOf(t)}/export/json` }),
  listAuditEvents: async () => ({ path: "/audit" }),
  listTeams: async () => ({ path: "/teams" }),
  createTeam: async () => ({ path: "/teams", body: { name: unique("team") } }),
  getTeam: async (t) => ({ path: `/teams/${await teamOf(t)}` }),
  addTeamMember: async (t) => ({ path: `/teams/${await teamOf(t)}/members`, body: { name: unique("member") } }),
  setRating: async (t) => {
    const m = await memberOf(t);
    const skillId = skillOf(t);
    const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId } } });
    return {
      path: `/teams/${await teamOf(t)}/ratings`,
      body: { memberId: m.id, skillId, level: (++seq % 10) + 0.5, version: r?.version ?? null },
    };
  },
  listSkills: async () => ({ path: "/skills" }),
  createSkill: async () => ({ path: "/skills", body: { name: unique("skill") } }),
  updateTeam: async (t) => ({ path: `/teams/${await teamOf(t)}`, body: { description: unique("team text") } }),
  updateTeamMember: async (t) => ({
    path: `/teams/${await teamOf(t)}/members/${(await memberOf(t)).id}`,
    body: { name: unique("renamed") },
  }),
  moveTeamMember: async (t) => ({
    path: `/teams/${await teamOf(t)}/members/${(await memberOf(t)).id}/move`,
    body: { direction: "down" },
  }),
  removeTeamMember: async (t) => ({ path: `/teams/${await teamOf(t)}/members/${(await freshMember(t)).id}` }),
  clearRating: async (t) => {
    const m = await freshMember(t);
    await db.skillRating.create({ data: { memberId: m.id, skillId: skillOf(t), level: 6 } });
    return { path: `/teams/${await teamOf(t)}/ratings/${m.id}/${skillOf(t)}` };
  },
  setOverride: async (t) => {
    const teamId = await teamOf(t);
    const skillId = skillOf(t);
    const o = await db.teamSkillOverride.findUnique({ where: { teamId_skillId: { teamId, skillId } } });
    return {
      path: `/teams/${teamId}/overrides`,
      body: { skillId, level: (++seq % 10) + 0.5, reason: unique("judged in review"), version: o?.version ?? null },
    };
  },
  clearOverride: async (t) => {
    const teamId = await teamOf(t);
    const s = await db.skill.create({ data: { workspaceId: t.workspace.id, name: unique("overridden skill") } });
    await db.teamSkillOverride.create({ data: { teamId, skillId: s.id, level: 7, reason: "judged in review" } });
    return { path: `/teams/${teamId}/overrides/${s.id}` };
  },
  updateSkill: async (t) => ({ path: `/skills/${skillOf(t)}`, body: { description: unique("skill text") } }),
  deleteSkill: async (t) => {
    const s = await db.skill.create({ data: { workspaceId: t.workspace.id, name: unique("doomed skill") } });
    return { path: `/skills/${s.id}` };
  },
  removeRequirement: async (t) => {
    const cand = await freshCandidate(t);
    const r = await db.skillRequirement.create({ data: { candidateId: cand.id, skillId: skillOf(t), weight: 2 } });
    return { path: `/decisions/${decisionOf(t)}/requirements/${r.id}` };
  },
  deleteCriterion: async (t) => {
    const c = await db.criterion.create({
      data: { decisionId: decisionOf(t), name: unique("doomed criterion"), weight: 1, position: 900 + ++seq },
    });
    return { path: `/decisions/${decisionOf(t)}/criteria/${c.id}` };
  },
  deleteCandidate: async (t) => ({ path: `/decisions/${decisionOf(t)}/candidates/${(await freshCandidate(t)).id}` }),
  reorderCriteria: async (t) => {
    const ids = (
      await db.criterion.findMany({
        where: { decisionId: decisionOf(t) },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      })
    ).map((c) => c.id);
    return { path: `/decisions/${decisionOf(t)}/criteria/order`, body: { ids: [...ids].reverse(), expected: ids } };
  },
  reorderCandidates: async (t) => {
    const ids = (
      await db.candidate.findMany({
        where: { decisionId: decisionOf(t) },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      })
    ).map((c) => c.id);
    return { path: `/decisions/${decisionOf(t)}/candidates/order`, body: { ids: [...ids].reverse(), expected: ids } };
  },
  clearFact: async (t) => {
    const c = await metricOf(t);
    const cand = await freshCandidate(t);
    await db.fact.create({
      data: { criterionId: c.id, candidateId: cand.id, value: 42, measuredOn: new Date("2026-11-03") },
    });
    return { path: `/decisions/${decisionOf(t)}/facts/${cand.id}/${c.id}` };
  },
  deleteMyScore: async (t) => {
    // Every user of the workspace scored the cell: whoever the token is, exactly their own score may go.
    const c = await ratingOf(t);
    const cand = await freshCandidate(t);
    for (const evaluatorId of userIds(t))
      await db.score.create({ data: { criterionId: c.id, candidateId: cand.id, evaluatorId, value: 5 } });
    return { path: `/decisions/${decisionOf(t)}/scores/mine/${cand.id}/${c.id}` };
  },
  archiveDecision: async (t) => ({ path: `/decisions/${(await freshDecision(t)).id}/archive` }),
  unarchiveDecision: async (t) => ({ path: `/decisions/${(await freshDecision(t, true)).id}/unarchive` }),
  duplicateDecision: async (t) => ({ path: `/decisions/${decisionOf(t)}/duplicate` }),
  listShareLinks: async (t) => ({ path: `/decisions/${decisionOf(t)}/share-links` }),
  createShareLink: async (t) => ({ path: `/decisions/${decisionOf(t)}/share-links`, body: { days: 7 } }),
  revokeShareLink: async (t) => {
    const link = await db.shareLink.create({
      data: {
        decisionId: decisionOf(t),
        tokenHash: `matrix-${++seq}-${t.workspace.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { path: `/decisions/${decisionOf(t)}/share-links/${link.id}` };
  },
  listRequirements: async (t) => ({ path: `/decisions/${decisionOf(t)}/requirements` }),
  saveRequirement: async (t) => {
    const cand = await candidateOf(t);
    const skillId = skillOf(t);
    const r = await db.skillRequirement.findFirst({ where: { candidateId: cand.id, skillId } });
    return {
      path: `/decisions/${decisionOf(t)}/requirements`,
      body: { candidateId: cand.id, skillId, weight: (++seq % 5) + 1, minLevel: null, version: r?.version ?? null },
    };
  },
};

/** The rows an operation could change (rate-limit counters, lastUsedAt and idempotency records excluded). */
async function snapshot(): Promise<string> {
  const asc = { orderBy: { id: "asc" as const } };
  return JSON.stringify(
    await Promise.all([
      db.decision.findMany(asc),
      db.criterion.findMany(asc),
      db.candidate.findMany(asc),
      db.fact.findMany(asc),
      db.score.findMany(asc),
      db.team.findMany(asc),
      db.teamMember.findMany(asc),
      db.skill.findMany(asc),
      db.skillRating.findMany(asc),
      db.teamSkillOverride.findMany(asc),
      db.skillRequirement.findMany(asc),
      db.auditEvent.findMany(asc),
      db.shareLink.findMany(asc),
      db.pairwiseJudgment.findMany(asc),
    ]),
  );
}

async function send(method: string, req: Req, token: string, ifMatch: boolean) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = "*";
  const request = new Request(`http://127.0.0.1/api/v1${req.path}`, {
    method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  });
  const url = new URL(request.url);
  const res = await handleApiRequest(request, url.pathname.replace(/^\/api\/v1\//, "").split("/"));
  const type = res.headers.get("content-type");
  const text = await res.text();
  const body = type?.includes("json") ? JSON.parse(text) : text;
  conformance.check(method, url.pathname, res.status, type, body);
  return { status: res.status, body };
}

test("every operation has a matrix request (and no stale ones)", () => {
  expect(OPERATIONS.map((o) => o.operationId).sort()).toEqual(Object.keys(REQUESTS).sort());
});

const cases = OPERATIONS.flatMap((op) =>
  ROLES.flatMap((role) => (["own", "foreign"] as const).map((scope) => ({ id: op.operationId, op, role, scope }))),
);

describe("API operation × role × workspace", () => {
  test.each(cases)("$id × $role × $scope", async ({ op, role, scope }) => {
    const target = scope === "own" ? own : foreign;
    const req = await REQUESTS[op.operationId]!(target);
    const before = await snapshot();
    const res = await send(op.method, req, tokens.get(role)!, Boolean(op.ifMatch));
    const allowed = can(role, op.permission) && (op.scope !== "admin" || role === "ADMIN");
    const mutation = op.method !== "GET";
    // Operations without an id in the path act on the token's own workspace only: "foreign" has nothing to name.
    const idLess = !/\{/.test(op.path);

    if (allowed && (scope === "own" || idLess)) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      if (idLess) expect(JSON.stringify(res.body)).not.toContain(foreign.workspace.id);
      return;
    }
    if (idLess || scope === "own") {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.code).toMatch(/^(forbidden|scopeMissing)$/);
    } else {
      expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
      if (allowed) expect(res.status).toBe(404);
    }
    if (mutation) expect(await snapshot()).toBe(before);
  });
});

test("the matrix reached every operation of the document", () => {
  const documented = OPERATIONS.map((o) => `${o.method} ${o.path}`);
  expect(documented.filter((k) => !conformance.seen.has(k))).toEqual([]);
});
