// /api/v1's removals, reorders and multi-field updates, end to end in one process (real SQLite, real data layer,
// the wrapper with real Requests). Each test reads the database itself to see what was (not) written; every response
// is checked against the OpenAPI document. The permission matrix of these operations is in ./api-matrix.test.ts.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_USERS, seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "@/lib/server/actor";
import { apiRule } from "@/lib/server/api-requests";
import { createApiToken } from "@/lib/server/api-tokens";
import { db } from "@/lib/server/db";
import { parseEnv } from "@/lib/env";
import { apiCaller, type ApiCallOptions } from "@/lib/testing/api-call";
import { conformanceChecker } from "@/lib/testing/openapi-conformance";
import { buildOpenApiDocument } from "./openapi";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ws: Seeded;
let architect: string;
let lead: string;
const conformance = conformanceChecker(buildOpenApiDocument());

const actorOf = (role: Role, key = DEMO_USERS.find((u) => u.role === role)!.key): Actor => ({
  userId: ws.users.get(key)!,
  workspaceId: ws.workspace.id,
  role,
});

const rawCall = apiCaller(conformance);
/** As the architect unless another token is given. */
const call = (method: string, path: string, opts: ApiCallOptions = {}) =>
  rawCall(method, path, { ...opts, token: opts.token ?? architect });

const tokenFor = async (actor: Actor) =>
  (await createApiToken(actor, { name: "writes", scopes: ["read", "write", "scores:write"], days: 7 })).token;

let decisionId: string;

beforeAll(async () => {
  ws = await seedDemoWorkspace(db);
  architect = await tokenFor(actorOf("ARCHITECT"));
  lead = await tokenFor(actorOf("TEAM_LEAD"));
  decisionId = (await call("POST", "/decisions", { body: { title: "Writes under test" } })).body.id;
}, 120_000);

describe("a PATCH of several fields is one write", () => {
  let id: string;
  beforeAll(async () => {
    id = (await call("POST", `/decisions/${decisionId}/criteria`, { body: { name: "Learning curve" } })).body.id;
  });
  const row = () => db.criterion.findUniqueOrThrow({ where: { id } });

  test("one valid and one refused field (scale 12..10) write nothing, and the answer names the bad field", async () => {
    const before = await row();
    expect(before).toMatchObject({ kind: "RATING", scaleMin: 0, scaleMax: 10, version: 1 });
    const r = await call("PATCH", `/decisions/${decisionId}/criteria/${id}`, {
      body: { name: "Renamed", description: "Should not stay", scaleMin: 12 },
      headers: { "If-Match": '"1"' },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ field: "scaleMin", code: "scaleOrder" }]);
    expect(await row()).toEqual(before);
  });

  test("a field refused by the request schema writes nothing either", async () => {
    const before = await row();
    const r = await call("PATCH", `/decisions/${decisionId}/criteria/${id}`, {
      body: { name: "Renamed", weight: -1 },
      headers: { "If-Match": '"1"' },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ field: "weight", code: "weightNegative" }]);
    expect(await row()).toEqual(before);
  });

  test("fields valid only together (min 12, max 20) are written at once, with one version bump and one audit event", async () => {
    const events = await db.auditEvent.count({ where: { entityId: id, action: "criterion.updated" } });
    const r = await call("PATCH", `/decisions/${decisionId}/criteria/${id}`, {
      body: { name: "Renamed", scaleMin: 12, scaleMax: 20 },
      headers: { "If-Match": '"1"' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: "Renamed", scaleMin: 12, scaleMax: 20, version: 2 });
    expect(r.headers.get("etag")).toBe('"2"');
    expect(await row()).toMatchObject({ name: "Renamed", scaleMin: 12, scaleMax: 20, version: 2 });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "criterion.updated" } })).toBe(events + 1);
  });

  test("a stale If-Match is a 412 with the row as it is; a candidate PATCH with a bad link writes nothing", async () => {
    const stale = await call("PATCH", `/decisions/${decisionId}/criteria/${id}`, {
      body: { description: "late" },
      headers: { "If-Match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id, version: 2, description: "" });

    const cand = (await call("POST", `/decisions/${decisionId}/candidates`, { body: { name: "Kafka" } })).body;
    const before = await db.candidate.findUniqueOrThrow({ where: { id: cand.id } });
    const bad = await call("PATCH", `/decisions/${decisionId}/candidates/${cand.id}`, {
      body: { description: "fine", link: "javascript:alert(1)" },
      headers: { "If-Match": '"1"' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "link", code: "urlInvalid" }]);
    expect(await db.candidate.findUniqueOrThrow({ where: { id: cand.id } })).toEqual(before);
  });
});

describe("removing and reordering criteria and candidates", () => {
  test("DELETE needs If-Match: 428 without, 412 stale, 204 with the ETag; the scores go with the row", async () => {
    const c = await call("POST", `/decisions/${decisionId}/criteria`, { body: { name: "Doomed" } });
    const cand = (await call("POST", `/decisions/${decisionId}/candidates`, { body: { name: "RabbitMQ" } })).body;
    const score = await call("PUT", `/decisions/${decisionId}/scores/mine`, {
      body: { criterionId: c.body.id, candidateId: cand.id, value: 7, version: null },
    });
    expect(score.status).toBe(200);
    const path = `/decisions/${decisionId}/criteria/${c.body.id}`;
    expect((await call("DELETE", path)).status).toBe(428);
    const stale = await call("DELETE", path, { headers: { "If-Match": '"9"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: c.body.id, version: 1 });
    expect(await db.criterion.count({ where: { id: c.body.id } })).toBe(1);
    const ok = await call("DELETE", path, { headers: { "If-Match": c.headers.get("etag")! } });
    expect(ok.status).toBe(204);
    expect(ok.body).toBe("");
    expect(await db.criterion.count({ where: { id: c.body.id } })).toBe(0);
    expect(await db.score.count({ where: { criterionId: c.body.id } })).toBe(0);
    expect((await call("DELETE", path, { headers: { "If-Match": "*" } })).status).toBe(404);

    const gone = await call("DELETE", `/decisions/${decisionId}/candidates/${cand.id}`, {
      headers: { "If-Match": '"1"' },
    });
    expect(gone.status).toBe(204);
    expect(await db.candidate.count({ where: { id: cand.id } })).toBe(0);
  });

  test("reorder writes the new order; an order read before someone else's change is a 409 naming the order now", async () => {
    const list = await call("GET", `/decisions/${decisionId}/candidates`);
    const ids: string[] = list.body.data.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    const added = (await call("POST", `/decisions/${decisionId}/candidates`, { body: { name: "Pulsar" } })).body.id;
    const stale = await call("PUT", `/decisions/${decisionId}/candidates/order`, {
      body: { ids: [...ids].reverse(), expected: ids },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.theirs).toEqual([...ids, added]);
    const now = [...ids, added];
    const ok = await call("PUT", `/decisions/${decisionId}/candidates/order`, {
      body: { ids: [...now].reverse(), expected: now },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((c: { id: string }) => c.id)).toEqual([...now].reverse());
    const bad = await call("PUT", `/decisions/${decisionId}/candidates/order`, {
      body: { ids: [now[0]], expected: [...now].reverse() },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "order", code: "orderInvalid" }]);
  });
});

describe("facts and one's own scores", () => {
  test("clearing a fact makes the cell missing; If-Match guards it", async () => {
    const metric = (
      await call("POST", `/decisions/${decisionId}/criteria`, { body: { name: "Throughput", kind: "METRIC" } })
    ).body;
    const cand = (await call("POST", `/decisions/${decisionId}/candidates`, { body: { name: "Gin" } })).body;
    const fact = await call("PUT", `/decisions/${decisionId}/facts`, {
      body: { criterionId: metric.id, candidateId: cand.id, value: 12000, measuredOn: "2026-11-30", version: null },
    });
    expect(fact.status).toBe(200);
    const path = `/decisions/${decisionId}/facts/${cand.id}/${metric.id}`;
    expect((await call("DELETE", path)).status).toBe(428);
    expect((await call("DELETE", path, { headers: { "If-Match": '"5"' } })).status).toBe(412);
    expect((await call("DELETE", path, { headers: { "If-Match": fact.headers.get("etag")! } })).status).toBe(204);
    expect(await db.fact.count({ where: { criterionId: metric.id, candidateId: cand.id } })).toBe(0);
    const facts = await call("GET", `/decisions/${decisionId}/facts`);
    expect(facts.body.data.some((f: { candidateId: string }) => f.candidateId === cand.id)).toBe(false);
  });

  test("deleting my score removes mine only: a second architect's score of the same cell stays", async () => {
    const broker = ws.decisions.get("broker")!;
    const ada = actorOf("ARCHITECT");
    const bo = { ...actorOf("ARCHITECT", "bo") };
    expect(bo.userId).not.toBe(ada.userId);
    const criterion = await db.criterion.findFirstOrThrow({ where: { decisionId: broker, kind: "RATING" } });
    const cand = await db.candidate.create({ data: { decisionId: broker, name: "NATS", position: 50 } });
    for (const evaluatorId of [ada.userId, bo.userId])
      await db.score.create({ data: { criterionId: criterion.id, candidateId: cand.id, evaluatorId, value: 4 } });
    const path = `/decisions/${broker}/scores/mine/${cand.id}/${criterion.id}`;
    const r = await call("DELETE", path, { headers: { "If-Match": '"1"' } });
    expect(r.status).toBe(204);
    const left = await db.score.findMany({ where: { criterionId: criterion.id, candidateId: cand.id } });
    expect(left.map((s) => s.evaluatorId)).toEqual([bo.userId]);
    // Nothing of Bo's is revealed or touched by a second call either: Ada has no score there now.
    const again = await call("DELETE", path, { headers: { "If-Match": "*" } });
    expect(again.status).toBe(204);
    expect(await db.score.count({ where: { criterionId: criterion.id, candidateId: cand.id } })).toBe(1);
  });
});

describe("teams, skills, ratings and requirements", () => {
  test("rename a team (412 when stale), rename and remove a member, clear a rating", async () => {
    const teamId = [...ws.teamIds.values()][0]!;
    const team = await call("GET", `/teams/${teamId}`, { token: lead });
    const etag = team.headers.get("etag")!;
    const renamed = await call("PATCH", `/teams/${teamId}`, {
      token: lead,
      body: { name: "Platform squad" },
      headers: { "If-Match": etag },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Platform squad", description: team.body.description });
    expect(
      (await call("PATCH", `/teams/${teamId}`, { token: lead, body: { name: "x" }, headers: { "If-Match": etag } }))
        .status,
    ).toBe(412);

    const member = (await call("POST", `/teams/${teamId}/members`, { token: lead, body: { name: "Lin" } })).body;
    const skillId = [...ws.skillIds.values()][0]!;
    const rating = await call("PUT", `/teams/${teamId}/ratings`, {
      token: lead,
      body: { memberId: member.id, skillId, level: 8, version: null },
    });
    expect(rating.status).toBe(200);
    const cell = `/teams/${teamId}/ratings/${member.id}/${skillId}`;
    expect((await call("DELETE", cell, { token: lead, headers: { "If-Match": '"1"' } })).status).toBe(204);
    expect(await db.skillRating.count({ where: { memberId: member.id } })).toBe(0);
    expect((await call("DELETE", cell, { token: lead, headers: { "If-Match": "*" } })).status).toBe(404);

    const m2 = await call("PATCH", `/teams/${teamId}/members/${member.id}`, {
      token: lead,
      body: { name: "Lin Wei" },
      headers: { "If-Match": '"1"' },
    });
    expect(m2.body).toMatchObject({ name: "Lin Wei", version: 2 });
    const moved = await call("POST", `/teams/${teamId}/members/${member.id}/move`, {
      token: lead,
      body: { direction: "up" },
      headers: { "If-Match": '"2"' },
    });
    expect(moved.status).toBe(200);
    const order = moved.body.data.map((m: { id: string }) => m.id);
    expect(order.indexOf(member.id)).toBe(order.length - 2);
    expect(
      (await call("DELETE", `/teams/${teamId}/members/${member.id}`, { token: lead, headers: { "If-Match": '"2"' } }))
        .status,
    ).toBe(204);
    expect(await db.teamMember.count({ where: { id: member.id } })).toBe(0);
  });

  test("a team override is set with a reason, changed only from the version read, and cleared with If-Match", async () => {
    const teamId = [...ws.teamIds.values()][0]!;
    const skill = (await call("POST", "/skills", { token: lead, body: { name: "Kafka Streams" } })).body;
    const path = `/teams/${teamId}/overrides`;
    const set = await call("PUT", path, {
      token: lead,
      body: { skillId: skill.id, level: 7.5, reason: "Two of us ran it in production", version: null },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ skillId: skill.id, level: 7.5, reason: "Two of us ran it in production", version: 1 });
    // A second "first" override of the same skill is a conflict naming the stored one; nothing changes.
    const again = await call("PUT", path, {
      token: lead,
      body: { skillId: skill.id, level: 2, reason: "Nobody knows it", version: null },
    });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ level: 7.5, version: 1 });
    const blank = await call("PUT", path, {
      token: lead,
      body: { skillId: skill.id, level: 8, reason: " ", version: 1 },
    });
    expect(blank.status).toBe(422);
    expect(blank.body.errors).toEqual([{ field: "reason", code: "reasonRequired" }]);
    const changed = await call("PUT", path, {
      token: lead,
      body: { skillId: skill.id, level: 8, reason: "After the workshop", version: 1 },
    });
    expect(changed.body).toMatchObject({ level: 8, version: 2 });
    const team = await call("GET", `/teams/${teamId}`, { token: lead });
    expect(team.body.overrides).toContainEqual({
      skillId: skill.id,
      level: 8,
      reason: "After the workshop",
      version: 2,
    });
    // Viewers and architects read teams but do not rate.
    expect((await call("PUT", path, { body: { skillId: skill.id, level: 1, reason: "x", version: 2 } })).status).toBe(
      403,
    );

    const one = `${path}/${skill.id}`;
    expect((await call("DELETE", one, { token: lead })).status).toBe(428);
    expect((await call("DELETE", one, { token: lead, headers: { "If-Match": '"1"' } })).status).toBe(412);
    expect((await call("DELETE", one, { token: lead, headers: { "If-Match": '"2"' } })).status).toBe(204);
    expect(await db.teamSkillOverride.count({ where: { teamId, skillId: skill.id } })).toBe(0);
    expect((await call("DELETE", one, { token: lead, headers: { "If-Match": "*" } })).status).toBe(404);
  });

  test("a skill is renamed and deleted; a requirement removed", async () => {
    const skill = (await call("POST", "/skills", { token: lead, body: { name: "gRPC" } })).body;
    const up = await call("PATCH", `/skills/${skill.id}`, {
      token: lead,
      body: { category: "Protocols" },
      headers: { "If-Match": '"1"' },
    });
    expect(up.body).toMatchObject({ name: "gRPC", category: "Protocols", version: 2 });
    const cand = await db.candidate.findFirstOrThrow({ where: { decisionId } });
    const req = await call("PUT", `/decisions/${decisionId}/requirements`, {
      token: lead,
      body: { candidateId: cand.id, skillId: skill.id, weight: 3, minLevel: null, version: null },
    });
    expect(req.status).toBe(200);
    const path = `/decisions/${decisionId}/requirements/${req.body.id}`;
    expect((await call("DELETE", path, { token: lead, headers: { "If-Match": '"1"' } })).status).toBe(204);
    expect(await db.skillRequirement.count({ where: { id: req.body.id } })).toBe(0);
    expect((await call("DELETE", `/skills/${skill.id}`, { token: lead, headers: { "If-Match": '"1"' } })).status).toBe(
      412,
    );
    expect((await call("DELETE", `/skills/${skill.id}`, { token: lead, headers: { "If-Match": '"2"' } })).status).toBe(
      204,
    );
    expect(await db.skill.count({ where: { id: skill.id } })).toBe(0);
  });
});

describe("archive, duplicate and share links", () => {
  test("archive and bring back with If-Match; the list leaves archived decisions out", async () => {
    const d = await call("GET", `/decisions/${decisionId}`);
    expect(d.body.archived).toBe(false);
    const a = await call("POST", `/decisions/${decisionId}/archive`, {
      headers: { "If-Match": d.headers.get("etag")! },
    });
    expect(a.status).toBe(200);
    expect(a.body.archived).toBe(true);
    const list = await call("GET", "/decisions?limit=100");
    expect(list.body.data.some((x: { id: string }) => x.id === decisionId)).toBe(false);
    expect((await call("POST", `/decisions/${decisionId}/unarchive`)).status).toBe(428);
    const u = await call("POST", `/decisions/${decisionId}/unarchive`, {
      headers: { "If-Match": a.headers.get("etag")! },
    });
    expect(u.body.archived).toBe(false);
  });

  test("duplicate is a new draft with the same criteria and candidates, once per Idempotency-Key", async () => {
    const src = await call("GET", `/decisions/${decisionId}`);
    const headers = { "Idempotency-Key": "dup-1" };
    const first = await call("POST", `/decisions/${decisionId}/duplicate`, { headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ title: "Writes under test (copy)", status: "DRAFT", archived: false });
    expect(first.body.criteria.map((c: { name: string }) => c.name)).toEqual(
      src.body.criteria.map((c: { name: string }) => c.name),
    );
    expect(first.body.id).not.toBe(decisionId);
    const again = await call("POST", `/decisions/${decisionId}/duplicate`, { headers });
    expect(again.body.id).toBe(first.body.id);
    expect(await db.decision.count({ where: { title: "Writes under test (copy)" } })).toBe(1);
  });

  test("a share link is shown once (a replay says null, the record keeps no secret), listed and revoked", async () => {
    const headers = { "Idempotency-Key": "share-1", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "sw.example" };
    const created = await call("POST", `/decisions/${decisionId}/share-links`, { body: { days: 7 }, headers });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^https:\/\/sw\.example\/share\/\S+$/);
    const token = created.body.url.split("/share/")[1];
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.body.id } });
    const { createHash } = await import("node:crypto");
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const replay = await call("POST", `/decisions/${decisionId}/share-links`, { body: { days: 7 }, headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual({ ...created.body, url: null });
    const records = await db.idempotencyKey.findMany();
    expect(records.some((r) => r.body.includes(token))).toBe(false);

    const bad = await call("POST", `/decisions/${decisionId}/share-links`, { body: { days: 5 } });
    expect(bad.body.errors).toEqual([{ field: "days", code: "expiryInvalid" }]);
    const list = await call("GET", `/decisions/${decisionId}/share-links`);
    expect(list.body.data).toEqual([expect.objectContaining({ id: created.body.id, state: "active" })]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const other = ws.decisions.get("broker")!;
    expect((await call("DELETE", `/decisions/${other}/share-links/${created.body.id}`)).status).toBe(404);
    expect((await call("DELETE", `/decisions/${decisionId}/share-links/${created.body.id}`)).status).toBe(204);
    const after = await call("GET", `/decisions/${decisionId}/share-links`);
    expect(after.body.data[0].state).toBe("revoked");
  });

  test("viewers create links only while the workspace allows it", async () => {
    const viewer = await createApiToken(actorOf("VIEWER"), { name: "v", scopes: ["read", "write"], days: 7 });
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { viewerShareLinks: false } });
    const off = await call("POST", `/decisions/${decisionId}/share-links`, { token: viewer.token, body: { days: 1 } });
    expect(off.status).toBe(403);
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { viewerShareLinks: true } });
    const on = await call("POST", `/decisions/${decisionId}/share-links`, { token: viewer.token, body: { days: 1 } });
    expect(on.status).toBe(201);
  });
});

describe("the API rate limit comes from the environment", () => {
  test("unset: 300 per 60 s; set: the given count and window; nonsense is refused at start", () => {
    expect(apiRule()).toEqual({ free: 300, baseDelayMs: 60_000, maxDelayMs: 60_000, windowMs: 60_000 });
    const e = parseEnv({ STACKWISE_API_RATE_LIMIT: "50", STACKWISE_API_RATE_WINDOW_SECONDS: "10" });
    expect([e.STACKWISE_API_RATE_LIMIT, e.STACKWISE_API_RATE_WINDOW_SECONDS]).toEqual([50, 10]);
    expect(parseEnv({}).STACKWISE_API_RATE_LIMIT).toBe(300);
    expect(() => parseEnv({ STACKWISE_API_RATE_LIMIT: "0" })).toThrow(/STACKWISE_API_RATE_LIMIT/);
    expect(() => parseEnv({ STACKWISE_API_RATE_LIMIT: "lots" })).toThrow(/STACKWISE_API_RATE_LIMIT/);
    expect(() => parseEnv({ STACKWISE_API_RATE_WINDOW_SECONDS: "1.5" })).toThrow(/STACKWISE_API_RATE_WINDOW_SECONDS/);
  });
});
