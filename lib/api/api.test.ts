// /api/v1 end to end inside one process: real SQLite, real data layer, the wrapper called with real Requests. Every
// response is checked against the generated OpenAPI document, which itself is validated by an OpenAPI validator.
import "@/lib/testing/use-temp-db";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_USERS, seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "@/lib/server/actor";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { db } from "@/lib/server/db";
import { apiCaller, type ApiCall } from "@/lib/testing/api-call";
import { conformanceChecker } from "@/lib/testing/openapi-conformance";
import { addCostCriterion } from "@/lib/testing/cost-criterion";
import type { ApiScope } from "@/lib/validation/api-token";
import { handleApiRequest } from "./handle";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS } from "./operations";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let own: Seeded;
let foreign: Seeded;
const doc = buildOpenApiDocument();
const conformance = conformanceChecker(doc);

const actorOf = (ws: Seeded, role: Role): Actor => {
  const key = DEMO_USERS.find((u) => u.role === role)!.key;
  return { userId: ws.users.get(key)!, workspaceId: ws.workspace.id, role };
};

async function tokenFor(actor: Actor, scopes: ApiScope[] = ["read", "write", "scores:write"]) {
  return (await createApiToken(actor, { name: `test ${scopes.join(",")}`, scopes, days: 30 })).token;
}

const call = apiCaller(conformance);

let architect: string;

beforeAll(async () => {
  own = await seedDemoWorkspace(db);
  foreign = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  architect = await tokenFor(actorOf(own, "ARCHITECT"));
}, 120_000);

describe("the OpenAPI document", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  test("lists every operation once, with a unique operationId", () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const inDoc = Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(item as Record<string, { operationId?: string }>).map((o) => o.operationId),
    );
    expect(inDoc.sort()).toEqual([...ids].sort());
  });
});

const problemType = "application/problem+json";

describe("tokens", () => {
  test("no token, a malformed one, a revoked one and an expired one are all a 401 problem", async () => {
    const none = await call("GET", "/decisions");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe(problemType);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(none.body).toMatchObject({ status: 401, code: "tokenInvalid" });
    expect((await call("GET", "/decisions", { token: "sw_pat_short" })).status).toBe(401);

    const viewer = actorOf(own, "VIEWER");
    const revoked = await createApiToken(viewer, { name: "ci", scopes: ["read"], days: 7 });
    expect((await call("GET", "/me", { token: revoked.token })).status).toBe(200);
    await revokeApiToken(viewer, revoked.id);
    expect((await call("GET", "/me", { token: revoked.token })).status).toBe(401);

    const expired = await createApiToken(viewer, { name: "old", scopes: ["read"], days: 7 });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("GET", "/me", { token: expired.token })).status).toBe(401);
  });

  test("the secret has the sw_pat_ prefix and only its SHA-256 is stored; /me names the actor and scopes", async () => {
    const lead = actorOf(own, "TEAM_LEAD");
    const t = await createApiToken(lead, { name: "portal", scopes: ["read"], days: 30 });
    expect(t.token).toMatch(/^sw_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    const { createHash } = await import("node:crypto");
    expect(row.tokenHash).toBe(createHash("sha256").update(t.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(t.token.slice(7));
    const me = await call("GET", "/me", { token: t.token });
    expect(me.body).toEqual({
      userId: lead.userId,
      workspaceId: own.workspace.id,
      role: "TEAM_LEAD",
      scopes: ["read"],
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).not.toBeNull();
  });

  test("a scope narrows the role: a read token cannot write, and only admins may hold the admin scope", async () => {
    const read = await tokenFor(actorOf(own, "ARCHITECT"), ["read"]);
    const r = await call("POST", "/decisions", { token: read, body: { title: "Nope" } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: "scopeMissing", detail: "write" });
    expect(r.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    await expect(
      createApiToken(actorOf(own, "ARCHITECT"), { name: "x", scopes: ["admin"], days: 7 }),
    ).rejects.toMatchObject({ code: "invalidInput", fieldErrors: { scopes: "scopeAdminOnly" } });
    const adminAudit = await call("GET", "/audit", { token: await tokenFor(actorOf(own, "ADMIN"), ["admin"]) });
    expect(adminAudit.status).toBe(200);
    expect(adminAudit.body.data.length).toBeGreaterThan(0);
  });

  test("a removed member's token stops working at once", async () => {
    const ws = await seedDemoWorkspace(db, { slug: "leaving", emailDomain: "leaving.test" });
    const viewer = actorOf(ws, "VIEWER");
    const t = await tokenFor(viewer, ["read"]);
    expect((await call("GET", "/me", { token: t })).status).toBe(200);
    await db.membership.deleteMany({ where: { workspaceId: ws.workspace.id, userId: viewer.userId } });
    expect((await call("GET", "/me", { token: t })).status).toBe(401);
  });
});

describe("rate limit", () => {
  test("RateLimit headers count down and the request after the budget is a 429 with Retry-After", async () => {
    const t = await tokenFor(actorOf(own, "VIEWER"), ["read"]);
    const rule = { free: 2, baseDelayMs: 60_000, maxDelayMs: 60_000, windowMs: 60_000 };
    const a = await call("GET", "/me", { token: t, options: { rule } });
    expect(a.headers.get("ratelimit-limit")).toBe("2");
    expect(a.headers.get("ratelimit-remaining")).toBe("1");
    expect(a.headers.get("ratelimit-policy")).toBe("2;w=60");
    const reset = Number(a.headers.get("ratelimit-reset"));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    const b = await call("GET", "/me", { token: t, options: { rule } });
    expect(b.headers.get("ratelimit-remaining")).toBe("0");
    const c = await call("GET", "/me", { token: t, options: { rule } });
    expect(c.status).toBe(429);
    expect(c.body.code).toBe("rateLimited");
    expect(Number(c.headers.get("retry-after"))).toBeGreaterThan(0);
    // The state is a RateLimit row (shared by every instance), keyed by the token.
    const row = await db.apiToken.findFirstOrThrow({ where: { tokenHash: { not: "" }, lastUsedAt: { not: null } } });
    expect(row).toBeTruthy();
    expect(await db.rateLimit.count({ where: { key: { startsWith: "api-token:" } } })).toBeGreaterThan(0);
  });
});

describe("a benchmark snapshot from CI, end to end", () => {
  let decisionId: string;
  let throughputId: string;
  let latencyId: string;
  const names = ["Gin", "Echo", "Flask"];

  test("create a decision, retried with the same Idempotency-Key, gives one decision", async () => {
    const key = "ci-run-4711";
    const first = await call("POST", "/decisions", {
      token: architect,
      body: { title: "HTTP framework for the order service" },
      headers: { "Idempotency-Key": key },
    });
    expect(first.body).toMatchObject({ title: "HTTP framework for the order service" });
    expect(first.status).toBe(201);
    expect(first.headers.get("etag")).toBe('"1"');
    const again = await call("POST", "/decisions", {
      token: architect,
      body: { title: "HTTP framework for the order service" },
      headers: { "Idempotency-Key": key },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("etag")).toBe('"1"');
    expect(again.body.id).toBe(first.body.id);
    expect(await db.decision.count({ where: { title: "HTTP framework for the order service" } })).toBe(1);
    const other = await call("POST", "/decisions", {
      token: architect,
      body: { title: "Something else" },
      headers: { "Idempotency-Key": key },
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotencyKeyReused");
    decisionId = first.body.id;
  });

  test("criteria and candidates; updates need If-Match (428 without, 412 stale, 200 with the new ETag)", async () => {
    const tp = await call("POST", `/decisions/${decisionId}/criteria`, {
      token: architect,
      body: { name: "Throughput", weight: 60, kind: "METRIC" },
    });
    expect(tp.status).toBe(201);
    throughputId = tp.body.id;
    const lat = await call("POST", `/decisions/${decisionId}/criteria`, {
      token: architect,
      body: { name: "P99 latency", weight: 40, kind: "METRIC" },
    });
    latencyId = lat.body.id;
    const path = `/decisions/${decisionId}/criteria/${latencyId}`;
    const patch = { direction: "COST", unit: "ms" };
    expect((await call("PATCH", path, { token: architect, body: patch })).status).toBe(428);
    const stale = await call("PATCH", path, { token: architect, body: patch, headers: { "If-Match": '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: latencyId, version: 1, direction: "BENEFIT" });
    const ok = await call("PATCH", path, {
      token: architect,
      body: patch,
      headers: { "If-Match": lat.headers.get("etag")! },
    });
    expect(ok.status).toBe(200);
    // Both fields in one write: one version step.
    expect(ok.body).toMatchObject({ direction: "COST", unit: "ms", version: 2 });
    expect(ok.headers.get("etag")).toBe('"2"');
    const unitTp = await call("PATCH", `/decisions/${decisionId}/criteria/${throughputId}`, {
      token: architect,
      body: { unit: "QPS" },
      headers: { "If-Match": '"1"' },
    });
    expect(unitTp.status).toBe(200);
    const bad = await call("PATCH", `/decisions/${decisionId}/criteria/${throughputId}`, {
      token: architect,
      body: { weight: -1 },
      headers: { "If-Match": '"2"' },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe(problemType);
    expect(bad.body.errors).toEqual([{ field: "weight", code: "weightNegative" }]);
    // Money is a measured cost: a benefit metric cannot carry a currency, a malformed code is refused, both by field.
    const moneyOnBenefit = await call("PATCH", `/decisions/${decisionId}/criteria/${throughputId}`, {
      token: architect,
      body: { currency: "USD" },
      headers: { "If-Match": '"2"' },
    });
    expect(moneyOnBenefit.status).toBe(422);
    expect(moneyOnBenefit.body.errors).toEqual([{ field: "currency", code: "moneyNeedsCost" }]);
    const badCode = await call("PATCH", path, {
      token: architect,
      body: { currency: "US$" },
      headers: { "If-Match": '"2"' },
    });
    expect(badCode.status).toBe(422);
    expect(badCode.body.errors).toEqual([{ field: "currency", code: "currencyInvalid" }]);
    const money = await call("PATCH", path, {
      token: architect,
      body: { currency: "EUR" },
      headers: { "If-Match": '"2"' },
    });
    expect(money.status).toBe(200);
    expect(money.body).toMatchObject({ currency: "EUR", version: 3 });
    const back = await call("PATCH", path, {
      token: architect,
      body: { currency: null },
      headers: { "If-Match": '"3"' },
    });
    expect(back.body).toMatchObject({ currency: null, version: 4 });
    // A value curve travels as [raw, points] pairs; one that rises for a cost is refused by field, nothing written.
    const rising = await call("PATCH", path, {
      token: architect,
      body: {
        valueCurve: [
          [30, 0],
          [150, 10],
        ],
      },
      headers: { "If-Match": '"4"' },
    });
    expect(rising.status).toBe(422);
    expect(rising.body.errors).toEqual([{ field: "valueCurve", code: "curveRisesForCost" }]);
    const curved = await call("PATCH", path, {
      token: architect,
      body: {
        valueCurve: [
          [30, 10],
          [60, 6],
          [60, 4],
          [150, 0],
        ],
      },
      headers: { "If-Match": '"4"' },
    });
    expect(curved.status).toBe(200);
    expect(curved.body).toMatchObject({
      valueCurve: [
        [30, 10],
        [60, 6],
        [60, 4],
        [150, 0],
      ],
      version: 5,
    });
    const listed = await call("GET", `/decisions/${decisionId}/criteria`, { token: architect });
    expect(listed.body.data.find((c: { id: string }) => c.id === latencyId).valueCurve).toEqual([
      [30, 10],
      [60, 6],
      [60, 4],
      [150, 0],
    ]);
    const linear = await call("PATCH", path, {
      token: architect,
      body: { valueCurve: null },
      headers: { "If-Match": '"5"' },
    });
    expect(linear.body).toMatchObject({ valueCurve: null, version: 6 });
    for (const name of names) {
      const c = await call("POST", `/decisions/${decisionId}/candidates`, { token: architect, body: { name } });
      expect(c.status).toBe(201);
    }
  });

  test("a snapshot with bad rows is refused as a whole, naming each row and field", async () => {
    const r = await call("POST", `/decisions/${decisionId}/facts/bulk`, {
      token: architect,
      body: {
        rows: [
          { candidate: "Gin", criterion: "Throughput", value: 12000, unit: "QPS", measuredAt: "2026-11-30" },
          { candidate: "Django", criterion: "Throughput", value: 900, unit: "QPS", measuredAt: "2026-11-30" },
          { candidate: "Echo", criterion: "P99 latency", value: 8, unit: "s", measuredAt: "2026-11-30" },
          { candidate: "Echo", criterion: "Throughput", value: "fast", measuredAt: "2026-11-30" },
        ],
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ field: "rows.3.value", code: "valueNotNumber" }]);
    const r2 = await call("POST", `/decisions/${decisionId}/facts/bulk`, {
      token: architect,
      body: {
        rows: [
          { candidate: "Gin", criterion: "Throughput", value: 12000, unit: "QPS", measuredAt: "2026-11-30" },
          { candidate: "Django", criterion: "Throughput", value: 900, unit: "QPS", measuredAt: "2026-11-30" },
          { candidate: "Echo", criterion: "P99 latency", value: 8, unit: "s", measuredAt: "2026-11-30" },
          { candidate: "gin", criterion: "throughput", value: 1, measuredAt: "2026-11-30" },
        ],
      },
    });
    expect(r2.status).toBe(422);
    expect(r2.body.errors).toEqual([
      { field: "rows.1.candidate", code: "candidateUnknown" },
      { field: "rows.2.unit", code: "unitMismatch" },
      { field: "rows.3.candidate", code: "duplicateCell" },
    ]);
    expect(await db.fact.count({ where: { criterion: { decisionId } } })).toBe(0);

    // A candidate id of another workspace is refused exactly like a made-up one: ids reveal nothing.
    const foreignCandidate = await db.candidate.findFirstOrThrow({
      where: { decision: { workspaceId: foreign.workspace.id } },
    });
    const refusals = [];
    for (const candidate of [foreignCandidate.id, "made-up-id"]) {
      const x = await call("POST", `/decisions/${decisionId}/facts/bulk`, {
        token: architect,
        body: { rows: [{ candidate, criterion: "Throughput", value: 1, unit: "QPS", measuredAt: "2026-11-30" }] },
      });
      refusals.push(x.body);
    }
    expect(refusals[0]).toEqual(refusals[1]);
    expect(refusals[0].errors).toEqual([{ field: "rows.0.candidate", code: "candidateUnknown" }]);
  });

  test("a good snapshot is written and the results follow (hand-computed totals 9.75 / 9.40 / 0)", async () => {
    const rows = [
      ["Gin", "Throughput", 12000, "QPS"],
      ["Echo", "Throughput", 11000, "QPS"],
      ["Flask", "Throughput", 2000, "QPS"],
      ["Gin", "P99 latency", 10, "ms"],
      ["Echo", "P99 latency", 8, "ms"],
      ["Flask", "P99 latency", 40, "ms"],
    ].map(([candidate, criterion, value, unit]) => ({
      candidate,
      criterion,
      value,
      unit,
      source: "https://github.com/mcollina/autocannon",
      note: "autocannon -c 64 -d 30",
      measuredAt: "2026-11-30T08:15:00Z",
    }));
    const r = await call("POST", `/decisions/${decisionId}/facts/bulk`, { token: architect, body: { rows } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 6, updated: 0 });
    expect(r.body.facts[0]).toMatchObject({ value: 12000, unit: "QPS", measuredOn: "2026-11-30" });

    // By hand: throughput (benefit, observed 2000..12000) → Gin 10, Echo 9, Flask 0; p99 (cost, observed 8..40) →
    // Gin 10·(40−10)/32 = 9.375, Echo 10, Flask 0. Weights 60/40 → 0.6/0.4.
    // Gin 0.6·10 + 0.4·9.375 = 9.75; Echo 0.6·9 + 0.4·10 = 9.40; Flask 0.
    const res = await call("GET", `/decisions/${decisionId}/results?samples=2000`, { token: architect });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    const totals = Object.fromEntries(
      res.body.ranking.map((x: { candidate: string; total: number }) => [x.candidate, x.total]),
    );
    expect(totals.Gin).toBeCloseTo(9.75, 10);
    expect(totals.Echo).toBeCloseTo(9.4, 10);
    expect(totals.Flask).toBeCloseTo(0, 10);
    expect(res.body.ranking.map((x: { candidate: string; rank: number }) => [x.candidate, x.rank])).toEqual([
      ["Gin", 1],
      ["Echo", 2],
      ["Flask", 3],
    ]);
    expect(res.body.weights.map((w: { share: number }) => w.share)).toEqual([0.6, 0.4]);
    expect(res.body.monteCarlo.samples).toBe(2000);
    // Measured facts only: nobody's opinion to compare.
    expect(res.body.consensus).toEqual({ overall: null, evaluatorIds: [], criteria: [] });
    const gin = res.body.ranking[0].candidateId;
    expect(res.body.winnerId).toBe(gin);
    expect(res.body.verdict.key).toMatch(/^verdict\./);
    // Sensitivity, by hand: with throughput's weight t, Gin − Echo = t·(10−9) + (1−t)·(9.375−10) = 1.625t − 0.625,
    // zero at t = 0.625/1.625 = 0.384615…; Gin stays first for t ≥ 0.3846.
    const tp = res.body.sensitivity.criteria.find((c: { criterionId: string }) => c.criterionId === throughputId);
    expect(tp.stableFrom).toBeCloseTo(0.625 / 1.625, 9);
    expect(tp.stableTo).toBeCloseTo(1, 9);

    // A newer run updates in place: Echo's throughput 13000 → Echo 10 and Gin (12000−2000)/11000·10 = 9.0909…
    const again = await call("POST", `/decisions/${decisionId}/facts/bulk`, {
      token: architect,
      body: { rows: [{ ...rows[1]!, value: 13000 }] },
    });
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    const res2 = await call("GET", `/decisions/${decisionId}/results?samples=0`, { token: architect });
    const t2 = Object.fromEntries(
      res2.body.ranking.map((x: { candidate: string; total: number }) => [x.candidate, x.total]),
    );
    expect(t2.Echo).toBeCloseTo(10, 10);
    expect(t2.Gin).toBeCloseTo(0.6 * (100 / 11) + 0.4 * 9.375, 10);
    expect(res2.body.monteCarlo).toBeNull();
  });

  test("status flow with If-Match; a decided decision is locked for the API too", async () => {
    const d = await call("GET", `/decisions/${decisionId}`, { token: architect });
    const review = await call("POST", `/decisions/${decisionId}/status`, {
      token: architect,
      body: { to: "IN_REVIEW" },
      headers: { "If-Match": d.headers.get("etag")! },
    });
    expect(review.status).toBe(200);
    expect(review.body.status).toBe("IN_REVIEW");
    const missing = await call("POST", `/decisions/${decisionId}/status`, {
      token: architect,
      body: { to: "DECIDED" },
      headers: { "If-Match": review.headers.get("etag")! },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        { field: "chosenCandidateId", code: "chosenRequired" },
        { field: "outcomeRationale", code: "rationaleRequired" },
      ]),
    );
    const decided = await call("POST", `/decisions/${decisionId}/status`, {
      token: architect,
      body: { to: "DECIDED", chosenCandidateId: review.body.candidates[1].id, outcomeRationale: "Fastest p99." },
      headers: { "If-Match": review.headers.get("etag")! },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "DECIDED", chosenCandidateId: review.body.candidates[1].id });
    const locked = await call("PATCH", `/decisions/${decisionId}`, {
      token: architect,
      body: { title: "Renamed" },
      headers: { "If-Match": decided.headers.get("etag")! },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe("decisionLocked");
  });
});

describe("lists", () => {
  test.each(["/teams", "/skills"])("%s pages with the same cursor and covers the list exactly once", async (path) => {
    const all = await call("GET", path, { token: architect });
    expect(all.body.page.nextCursor).toBeNull();
    expect(all.body.data.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page: ApiCall = await call("GET", `${path}?limit=2${q}`, { token: architect });
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((d: { id: string }) => d.id));
      cursor = page.body.page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((d: { id: string }) => d.id));
    expect(pages).toBe(Math.ceil(seen.length / 2));
    expect((await call("GET", `${path}?cursor=%%%`, { token: architect })).status).toBe(422);
  });

  test("cursor pagination walks the whole filtered list exactly once", async () => {
    const all = await call("GET", "/decisions?limit=100", { token: architect });
    expect(all.body.page.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page: ApiCall = await call("GET", `/decisions?limit=2${q}`, { token: architect });
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((d: { id: string }) => d.id));
      cursor = page.body.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((d: { id: string }) => d.id));
    const decided = await call("GET", "/decisions?status=DECIDED", { token: architect });
    expect(decided.body.data.every((d: { status: string }) => d.status === "DECIDED")).toBe(true);
    const bad = await call("GET", "/decisions?limit=1000&cursor=%%%", { token: architect });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain("query.limit");
  });

  test("/audit pages by keyset in both directions and refuses a garbled cursor or day field by field", async () => {
    // Seven more events, four of them on one instant, so pages of two split a tie.
    const at = new Date(Date.UTC(2026, 10, 30, 8));
    await db.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        workspaceId: own.workspace.id,
        action: "decision.updated",
        entityType: "Decision",
        createdAt: new Date(at.getTime() + Math.max(0, i - 3) * 60_000),
      })),
    });
    const admin = await tokenFor(actorOf(own, "ADMIN"), ["admin"]);
    const all = await call("GET", "/audit?limit=100", { token: admin });
    expect(all.status).toBe(200);
    expect([all.body.total, all.body.totalCapped]).toEqual([all.body.data.length, false]);
    expect(all.body.data.length).toBeGreaterThan(4);
    const older: string[][] = [];
    let page: ApiCall = await call("GET", "/audit?limit=2", { token: admin });
    expect(page.body.page.previousCursor).toBeNull();
    for (;;) {
      older.push(page.body.data.map((e: { id: string }) => e.id));
      if (!page.body.page.nextCursor) break;
      const q = encodeURIComponent(page.body.page.nextCursor);
      page = await call("GET", `/audit?limit=2&cursor=${q}`, { token: admin });
    }
    expect(older.flat()).toEqual(all.body.data.map((e: { id: string }) => e.id));
    // And back up from the oldest page: the same pages, newest last.
    const back: string[][] = [];
    for (;;) {
      back.push(page.body.data.map((e: { id: string }) => e.id));
      if (!page.body.page.previousCursor) break;
      const q = encodeURIComponent(page.body.page.previousCursor);
      page = await call("GET", `/audit?limit=2&cursor=${q}`, { token: admin });
    }
    // The walk back ends on a full newest page; the pages between match the walk down.
    expect(back.at(-1)).toEqual(older[0]);
    expect(back.slice(0, older.length - 1).every((p, i) => p.length === older[older.length - 1 - i]!.length)).toBe(
      true,
    );

    const bad = await call("GET", "/audit?cursor=%%%&until=2026-02-30&limit=0", { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: "query.until", code: "untilInvalid" },
        { field: "query.limit", code: "limitInvalid" },
      ]),
    );
    const offsetCursor = Buffer.from(JSON.stringify({ o: 2 })).toString("base64url");
    const foreignCursor = await call("GET", `/audit?cursor=${offsetCursor}`, { token: admin });
    expect([foreignCursor.status, foreignCursor.body.errors]).toEqual([
      422,
      [{ field: "query.cursor", code: "cursorInvalid" }],
    ]);
    const future = await call("GET", "/audit?until=2999-12-31&limit=100", { token: admin });
    expect(future.body.data).toEqual(all.body.data);
  });

  test("another workspace's decision is a 404, exactly like a missing one", async () => {
    const foreignId = [...foreign.decisions.values()][0]!;
    const a = await call("GET", `/decisions/${foreignId}`, { token: architect });
    const b = await call("GET", "/decisions/does-not-exist", { token: architect });
    expect(a.status).toBe(404);
    expect(a.body).toEqual(b.body);
  });

  test("unknown paths are 404 and a wrong method is 405 with Allow", async () => {
    const r = await handleApiRequest(new Request("http://127.0.0.1/api/v1/nope"), ["nope"]);
    expect(r.status).toBe(404);
    const m = await handleApiRequest(new Request("http://127.0.0.1/api/v1/teams", { method: "DELETE" }), ["teams"]);
    expect(m.status).toBe(405);
    expect(m.headers.get("allow")).toBe("GET, POST");
  });
});

describe("the evaluators' agreement in the results", () => {
  test("the broker's two architects, overall and per criterion (Kendall's W, checked against scipy)", async () => {
    // As a viewer: the broker is open with blind scoring on, so an architect or admin sees only their own scores.
    const viewer = await tokenFor(actorOf(own, "VIEWER"));
    const res = await call("GET", `/decisions/${own.decisions.get("broker")!}/results?samples=0`, { token: viewer });
    expect(res.status).toBe(200);
    const c = res.body.consensus;
    // Totals Ada 6.35 7.35 5.00, Bo 7.05 8.05 6.20: the same order. friedmanchisquare → χ² = 4, W = 4 / (2·2) = 1,
    // p = chi2.sf(4, 2) = e^−2 = 0.1353352832366127.
    expect(c.evaluatorIds).toEqual([own.users.get("ada"), own.users.get("bo")]);
    expect(c.overall).toMatchObject({ raters: 2, items: 3, df: 2, tied: false });
    expect(c.overall.w).toBeCloseTo(1, 12);
    expect(c.overall.chiSquare).toBeCloseTo(4, 12);
    expect(c.overall.pValue).toBeCloseTo(Math.exp(-2), 12);
    // Learning cost: Ada 6 8 2, Bo 6 8 8 (a tie) → friedmanchisquare χ² = 2, W = 0.5, p = e^−1.
    const names = new Map(
      (res.body.weights as { criterionId: string; criterion: string }[]).map((w) => [w.criterionId, w.criterion]),
    );
    const learning = c.criteria.find((x: { criterionId: string }) => names.get(x.criterionId) === "Learning cost");
    expect(learning.concordance).toMatchObject({ raters: 2, items: 3, tied: true });
    expect(learning.concordance.w).toBeCloseTo(0.5, 12);
    expect(learning.concordance.pValue).toBeCloseTo(Math.exp(-1), 12);
    expect(c.criteria).toHaveLength(5);
  });
});

describe("the discussion list and a cell's opinions", () => {
  // The broker's weights 20/25/15/30/10 (shares .2 .25 .15 .3 .1), two architects, every criterion 0–10. Cells they
  // scored differently: learning·Pulsar 2 and 8 (swing .2·6 = 1.2), ops·Kafka 4 and 6, ops·RabbitMQ 6 and 8
  // (.25·2 = 0.5 each), ecosystem·Kafka 7 and 9, ecosystem·RabbitMQ 5 and 7 (.1·2 = 0.2 each); Σ = 2.6.
  // Totals 6.70, 7.70, 5.60: Pulsar at its highest view is 5.60 + .2·3 = 6.20 < 6.70, so no cell moves a rank.
  test("as a viewer: the five cells by swing, none changing the order", async () => {
    const viewer = await tokenFor(actorOf(own, "VIEWER"));
    const broker = own.decisions.get("broker")!;
    const res = await call("GET", `/decisions/${broker}/results?samples=0`, { token: viewer });
    const names = new Map<string, string>([
      ...(res.body.weights as { criterionId: string; criterion: string }[]).map(
        (w) => [w.criterionId, w.criterion] as [string, string],
      ),
      ...(res.body.ranking as { candidateId: string; candidate: string }[]).map(
        (r) => [r.candidateId, r.candidate] as [string, string],
      ),
    ]);
    const list = res.body.discussion as {
      criterionId: string;
      candidateId: string;
      swing: number;
      portion: number;
      changesRank: boolean;
      changesLeader: boolean;
    }[];
    expect(list.map((c) => `${names.get(c.criterionId)} · ${names.get(c.candidateId)}`)).toEqual([
      "Learning cost · Pulsar",
      "Operational complexity · Kafka",
      "Operational complexity · RabbitMQ",
      "Ecosystem compatibility · Kafka",
      "Ecosystem compatibility · RabbitMQ",
    ]);
    const expected = [1.2, 0.5, 0.5, 0.2, 0.2];
    list.forEach((c, i) => {
      expect(c.swing).toBeCloseTo(expected[i], 12);
      expect(c.portion).toBeCloseTo(expected[i] / 2.6, 12);
      expect([c.changesLeader, c.changesRank]).toEqual([false, false]);
    });
  });

  test("everyone's view of the disputed cell side by side, lowest first, for a viewer", async () => {
    const viewer = await tokenFor(actorOf(own, "VIEWER"));
    const broker = own.decisions.get("broker")!;
    const learning = await db.criterion.findFirstOrThrow({ where: { decisionId: broker, name: "Learning cost" } });
    const pulsar = await db.candidate.findFirstOrThrow({ where: { decisionId: broker, name: "Pulsar" } });
    const path = `/decisions/${broker}/cells/${pulsar.id}/${learning.id}/opinions`;
    const res = await call("GET", path, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.opinions.map((o: { evaluatorId: string; value: number }) => [o.evaluatorId, o.value])).toEqual([
      [own.users.get("ada"), 2],
      [own.users.get("bo"), 8],
    ]);
    expect(res.body.opinions[0].rationale).toMatch(/BookKeeper/);
    expect(res.body.opinions[1].rationale).toMatch(/client API/);
  });

  test("blind scoring: an admin who has not scored sees no opinion and no list; foreign ids are 404", async () => {
    const broker = own.decisions.get("broker")!;
    const learning = await db.criterion.findFirstOrThrow({ where: { decisionId: broker, name: "Learning cost" } });
    const pulsar = await db.candidate.findFirstOrThrow({ where: { decisionId: broker, name: "Pulsar" } });
    // The broker is open with blind scoring on. Ada and Bo scored every cell, so the blind has lifted for them; Alex
    // (admin, may score) has scored nothing, so the blind holds for him.
    const alex = await tokenFor(actorOf(own, "ADMIN"));
    const cell = `/decisions/${broker}/cells/${pulsar.id}/${learning.id}/opinions`;
    const hidden = await call("GET", cell, { token: alex });
    expect(hidden.status).toBe(200);
    expect(hidden.body.opinions).toEqual([]);
    const results = await call("GET", `/decisions/${broker}/results?samples=0`, { token: alex });
    expect(results.body.discussion).toEqual([]);
    // Ada, who has scored everything, sees both.
    const ada = await call("GET", cell, { token: architect });
    expect(ada.body.opinions).toHaveLength(2);

    const foreignBroker = foreign.decisions.get("broker")!;
    const foreignCell = await call("GET", `/decisions/${foreignBroker}/cells/${pulsar.id}/${learning.id}/opinions`, {
      token: architect,
    });
    expect(foreignCell.status).toBe(404);
    const wrongCriterion = await call("GET", `/decisions/${broker}/cells/${pulsar.id}/does-not-exist/opinions`, {
      token: architect,
    });
    expect(wrongCriterion.status).toBe(404);
    // A criterion of another decision of the same workspace is not this decision's cell.
    const other = await db.criterion.findFirstOrThrow({
      where: { decisionId: own.decisions.get("backend-language")! },
    });
    const crossed = await call("GET", `/decisions/${broker}/cells/${pulsar.id}/${other.id}/opinions`, {
      token: architect,
    });
    expect(crossed.status).toBe(404);
  });
});

describe("value for money in the results", () => {
  test("null without money; with a monthly USD cost of weight 0, the demo totals are the benefit", async () => {
    const viewer = await tokenFor(actorOf(own, "VIEWER"));
    const id = own.decisions.get("backend-language")!;
    const before = await call("GET", `/decisions/${id}/results?samples=0`, { token: viewer });
    expect(before.body.valueForMoney).toBeNull();
    // Go 8.68 at $150 against Python 4.09 at $200: Go is cheaper and better, Python is dominated.
    const cost = await addCostCriterion(db, id, {
      name: "Hosting cost",
      unit: "/month",
      currency: "USD",
      amounts: { Go: 150, Python: 200 },
    });
    const go = await db.candidate.findFirstOrThrow({ where: { decisionId: id, name: "Go" } });
    const py = await db.candidate.findFirstOrThrow({ where: { decisionId: id, name: "Python" } });
    try {
      const res = await call("GET", `/decisions/${id}/results?samples=0`, { token: viewer });
      const v = res.body.valueForMoney;
      expect(v).toMatchObject({ kind: "ok", currency: "USD", unit: "/month", moneyCriterionIds: [cost.id] });
      expect(v.benefitShare).toBeCloseTo(1, 12);
      expect(v.frontier).toEqual([go.id]);
      const byId = new Map(v.points.map((p: { candidateId: string }) => [p.candidateId, p]));
      expect(byId.get(go.id)).toMatchObject({ cost: 150, dominated: false });
      expect(byId.get(py.id)).toMatchObject({ cost: 200, dominated: true, dominatedBy: [go.id] });
      expect((byId.get(go.id) as { benefit: number }).benefit).toBeCloseTo(8.68, 10);
    } finally {
      await db.criterion.delete({ where: { id: cost.id } });
    }
  });
});

describe("blind scoring holds in the API", () => {
  test("scores/mine returns only the token owner's scores, and a second architect sees none of the first one's", async () => {
    const broker = own.decisions.get("broker")!;
    const ada = actorOf(own, "ARCHITECT");
    const mine = await call("GET", `/decisions/${broker}/scores/mine`, { token: architect });
    expect(mine.status).toBe(200);
    expect(mine.body.data.every((s: { evaluatorId: string }) => s.evaluatorId === ada.userId)).toBe(true);
    const bo = { userId: own.users.get("bo")!, workspaceId: own.workspace.id, role: "ARCHITECT" as const };
    const boToken = await tokenFor(bo);
    const boScores = await call("GET", `/decisions/${broker}/scores/mine`, { token: boToken });
    expect(boScores.body.data.every((s: { evaluatorId: string }) => s.evaluatorId === bo.userId)).toBe(true);
    expect(JSON.stringify(boScores.body)).not.toContain(ada.userId);
  });
});

describe("candidates compared in pairs", () => {
  test("a pairwise criterion over HTTP: answer, conflict in the other orientation, refusals, the list", async () => {
    const { createDecision } = await import("@/lib/server/decision-create");
    const { addCriterion } = await import("@/lib/server/criteria");
    const { addCandidate } = await import("@/lib/server/candidates");
    const ada = actorOf(own, "ARCHITECT");
    const { id } = await createDecision(ada, { title: "Pairs over HTTP", teamId: null, template: "" });
    const ops = await addCriterion(ada, { decisionId: id, name: "Operability" });
    const eco = await addCriterion(ada, { decisionId: id, name: "Ecosystem" });
    const [k, r] = [
      await addCandidate(ada, { decisionId: id, name: "Kafka" }),
      await addCandidate(ada, { decisionId: id, name: "RabbitMQ" }),
    ];
    const on = await call("PATCH", `/decisions/${id}/criteria/${ops.id}`, {
      token: architect,
      body: { pairwise: true },
      headers: { "If-Match": `"${ops.version}"` },
    });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ pairwise: true });
    const path = `/decisions/${id}/candidate-judgments/mine`;
    const body = { criterionId: ops.id, candidateAId: r.id, candidateBId: k.id, value: 3, version: null };
    const saved = await call("PUT", path, { token: architect, body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ candidateAId: r.id, candidateBId: k.id, value: 3, version: 1 });
    // The same pair asked the other way round: a conflict carrying the stored answer as asked (1/3).
    const again = await call("PUT", path, {
      token: architect,
      body: { ...body, candidateAId: k.id, candidateBId: r.id, value: 5 },
    });
    expect(again.status).toBe(409);
    expect(again.body.current.value).toBeCloseTo(1 / 3, 12);
    const off = await call("PUT", path, { token: architect, body: { ...body, criterionId: eco.id } });
    expect(off.status).toBe(422);
    expect(off.body.errors).toEqual([{ field: "criterionId", code: "notPairwise" }]);
    const outOfScale = await call("PUT", path, { token: architect, body: { ...body, value: 4.5 } });
    expect(outOfScale.status).toBe(422);
    expect(outOfScale.body.errors).toEqual([{ field: "value", code: "judgmentInvalid" }]);
    const same = await call("PUT", path, { token: architect, body: { ...body, candidateBId: r.id } });
    expect(same.body.errors).toEqual([{ field: "candidateBId", code: "sameCandidate" }]);
    const viewer = await tokenFor(actorOf(own, "VIEWER"), ["read"]);
    expect((await call("PUT", path, { token: viewer, body })).status).toBe(403);
    const foreignToken = await tokenFor(actorOf(foreign, "ARCHITECT"));
    expect((await call("PUT", path, { token: foreignToken, body })).status).toBe(404);
    const listed = await call("GET", `/decisions/${id}/candidate-judgments`, { token: architect });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      { criterionId: ops.id, evaluatorId: ada.userId, candidateAId: r.id, candidateBId: k.id, value: 3 },
    ]);
    expect(listed.body.mine).toHaveLength(1);
    // The results carry the criterion's AHP of the candidates: RabbitMQ 3× Kafka → priorities 1/4, 3/4 (by hand),
    // ideal-mode points 3.333 and 10; no CR for two candidates.
    const results = await call("GET", `/decisions/${id}/results?samples=0`, { token: architect });
    expect(results.status).toBe(200);
    const pw = results.body.pairwise.find((x: { criterionId: string }) => x.criterionId === ops.id);
    expect(pw.status).toBe("ok");
    expect(pw.cr).toBeNull();
    expect(pw.priorities.map((x: { priority: number }) => x.priority)).toEqual([
      expect.closeTo(0.25, 12),
      expect.closeTo(0.75, 12),
    ]);
    expect(pw.priorities.map((x: { points: number }) => x.points)).toEqual([expect.closeTo(10 / 3, 12), 10]);
    expect(await db.candidateJudgment.count({ where: { decisionId: id } })).toBe(1);
  });
});
