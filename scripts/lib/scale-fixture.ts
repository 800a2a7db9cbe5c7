// The organisation `npm run bench:scale` measures, written with the raw drivers after prepareDatabase migrated the
// schema: one workspace with `users` members (admins, architects, team leads, viewers; one password hash computed
// once and reused), `teams` teams of ten members rated on 30 skills, decisions of the sizes scale-plan chose (scores
// by real members, a measured fact per cell of the metric criterion), audit events in proportion to each decision's
// scores, and a session for each load user. Ids look like the app's cuids; values come from a fixed-seed PRNG.
import { SESSION_COOKIE } from "@/lib/auth/policy";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { API_TOKEN_PREFIX } from "@/lib/validation/api-token";
import { hashPassword } from "@/lib/auth/password";
import { statusRankOf, titleSearchOf } from "@/lib/db/derived-columns";
import { Sfc32 } from "@/lib/scoring/prng";
import type { Cell, RawWriter } from "./raw-writer";
import { type DecisionShape, scoresOf, splitByWeight } from "./scale-plan";

export interface ScaleFixture {
  workspaceId: string;
  /** Decision 0: the 12 × 20 × 8 decision. */
  targetDecisionId: string;
  target: { criteria: string[]; candidates: string[] };
  /** Decision 1: the 30 × 50 × 12 one. */
  largestDecisionId: string;
  /** Every decision, in the order seeded (the two above first). */
  decisionIds: string[];
  /** Rating cells load users may write: [teamId, memberId, skillId], each at version 1. */
  ratingCells: [string, string, string][];
  adminIds: string[];
  /** One read-scoped API token per admin (`Authorization: Bearer …`). */
  apiTokens: string[];
  /** A session cookie for every member, by role: exports are throttled per user, so their load spreads over all. */
  cookies: Record<"ADMIN" | "ARCHITECT" | "TEAM_LEAD" | "VIEWER" | "ALL", string[]>;
  counts: Record<string, number>;
}

const SKILLS = 30;
const STATUSES = ["DRAFT", "IN_REVIEW", "DECIDED", "SUPERSEDED"] as const;
const NOUNS = ["message queue", "database", "frontend framework", "CI system", "cache", "search engine", "CDN"];

/** cuid-shaped ids (25 characters, "c" + base-36), unique within a run; the app only needs them unique. */
function idMaker(prefix: string) {
  const stem = `c${Date.now().toString(36)}${prefix}`;
  let n = 0;
  return () => `${stem}${(n++).toString(36).padStart(25 - stem.length, "0")}`;
}

export async function seedOrganisation(
  w: RawWriter,
  opts: { shapes: DecisionShape[]; users: number; teams: number; auditEvents: number; log?: (m: string) => void },
): Promise<ScaleFixture> {
  const rng = new Sfc32(1414);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.uniform() * xs.length)];
  const id = idMaker(
    Math.floor(Math.random() * 36 ** 2)
      .toString(36)
      .padStart(2, "0"),
  );
  const counts: Record<string, number> = {};
  const put = async (table: string, columns: string[], rows: Cell[][]) => {
    await w.insert(table, columns, rows);
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
  const yearAgo = Date.now() - 365 * 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const now = at(Date.now());

  const workspaceId = id();
  const slug = `org-${workspaceId.slice(-8)}`;
  await put(
    "Workspace",
    ["id", "name", "slug", "createdAt", "updatedAt"],
    [[workspaceId, "Organisation (bench)", slug, now, now]],
  );

  const hash = await hashPassword("stackwise-bench");
  const users = Array.from({ length: opts.users }, () => id());
  const roleOf = (i: number): "ADMIN" | "ARCHITECT" | "TEAM_LEAD" | "VIEWER" =>
    i < 10 ? "ADMIN" : i < 80 ? "ARCHITECT" : i < 110 ? "TEAM_LEAD" : "VIEWER";
  await put(
    "User",
    ["id", "email", "name", "createdAt", "updatedAt"],
    users.map((u, i) => [u, `user${i}@${slug}.bench.invalid`, `User ${i + 1}`, now, now]),
  );
  await put(
    "Account",
    ["id", "userId", "providerId", "accountId", "passwordHash", "createdAt", "updatedAt"],
    users.map((u, i) => [id(), u, "credential", `user${i}@${slug}.bench.invalid`, hash, now, now]),
  );
  await put(
    "Membership",
    ["id", "workspaceId", "userId", "role", "createdAt", "updatedAt"],
    users.map((u, i) => [id(), workspaceId, u, roleOf(i), now, now]),
  );

  const skills = Array.from({ length: SKILLS }, () => id());
  await put(
    "Skill",
    ["id", "workspaceId", "name", "category", "updatedAt"],
    skills.map((s, k) => [s, workspaceId, `Skill ${k + 1}`, `Area ${(k % 5) + 1}`, now]),
  );
  const teams = Array.from({ length: opts.teams }, () => id());
  await put(
    "Team",
    ["id", "workspaceId", "name", "description", "updatedAt"],
    teams.map((t, i) => [t, workspaceId, `Team ${i + 1}`, "Platform engineers", now]),
  );
  const members: Cell[][] = [];
  users.forEach((u, i) =>
    members.push([id(), teams[i % teams.length], `User ${i + 1}`, u, Math.floor(i / teams.length), now]),
  );
  await put("TeamMember", ["id", "teamId", "name", "userId", "position", "updatedAt"], members);
  const ratings: Cell[][] = [];
  const ratingCells: [string, string, string][] = [];
  for (const m of members)
    for (const s of skills) {
      ratings.push([id(), m[0], s, int(1, 10), now]);
      ratingCells.push([m[1] as string, m[0] as string, s]);
    }
  await put("SkillRating", ["id", "memberId", "skillId", "level", "updatedAt"], ratings);

  const evaluatorPool = users.slice(10, 110); // architects and team leads score
  const auditPerDecision = splitByWeight(opts.auditEvents, opts.shapes.map(scoresOf));
  let target: ScaleFixture["target"] = { criteria: [], candidates: [] };
  let targetDecisionId = "";
  let largestDecisionId = "";
  const decisionIds: string[] = [];
  const started = performance.now();
  for (let d = 0; d < opts.shapes.length; d++) {
    const s = opts.shapes[d];
    const decisionId = id();
    decisionIds.push(decisionId);
    const created = yearAgo + d * ((Date.now() - yearAgo) / opts.shapes.length);
    const status = d === 0 ? "IN_REVIEW" : pick(STATUSES);
    const title =
      d === 0 ? "Benchmark: 12 stacks × 20 criteria × 8 evaluators" : `Choose a ${pick(NOUNS)} for service ${d}`;
    // Raw rows bypass the client extension that keeps the list's search key and status rank: set them here.
    await put(
      "Decision",
      [
        "id",
        "workspaceId",
        "teamId",
        "title",
        "titleSearch",
        "statusRank",
        "context",
        "status",
        "createdById",
        "createdAt",
        "updatedAt",
      ],
      [
        [
          decisionId,
          workspaceId,
          teams[d % teams.length],
          title,
          titleSearchOf(title),
          statusRankOf(status),
          "Which option fits our load, our team and our budget best.",
          status,
          users[d % 10],
          at(created),
          at(created + 3_600_000),
        ],
      ],
    );
    const criteria = Array.from({ length: s.criteria }, () => id());
    const candidates = Array.from({ length: s.candidates }, () => id());
    // The last criterion of a decision with three or more is a measured cost (METRIC with facts); the rest ratings.
    const metric = s.criteria >= 3 ? s.criteria - 1 : -1;
    await put(
      "Criterion",
      [
        "id",
        "decisionId",
        "name",
        "weight",
        "kind",
        "direction",
        "scaleMin",
        "scaleMax",
        "unit",
        "worst",
        "best",
        "position",
        "updatedAt",
      ],
      criteria.map((c, i) =>
        i === metric
          ? [c, decisionId, "Monthly cost", int(5, 30), "METRIC", "COST", null, null, "USD", 10_000, 500, i, now]
          : [c, decisionId, `Criterion ${i + 1}`, int(1, 30), "RATING", "BENEFIT", 0, 10, null, null, null, i, now],
      ),
    );
    await put(
      "Candidate",
      ["id", "decisionId", "name", "description", "position", "updatedAt"],
      candidates.map((c, j) => [c, decisionId, `Option ${j + 1}`, "An option under review", j, now]),
    );
    const evaluators = Array.from(
      { length: s.evaluators },
      (_, e) => evaluatorPool[(d * 7 + e * 13) % evaluatorPool.length],
    );
    const scores: Cell[][] = [];
    const facts: Cell[][] = [];
    criteria.forEach((c, i) =>
      candidates.forEach((k) => {
        if (i === metric) facts.push([id(), c, k, int(500, 10_000), "USD", at(created), evaluators[0], now]);
        const base = int(2, 9);
        for (const e of evaluators)
          scores.push([id(), c, k, e, Math.min(10, Math.max(0, base + int(-2, 2))), "", at(created), now]);
      }),
    );
    await put(
      "Score",
      ["id", "criterionId", "candidateId", "evaluatorId", "value", "rationale", "createdAt", "updatedAt"],
      scores,
    );
    if (facts.length)
      await put(
        "Fact",
        ["id", "criterionId", "candidateId", "value", "unit", "measuredOn", "enteredById", "updatedAt"],
        facts,
      );
    const events: Cell[][] = [];
    for (let a = 0; a < auditPerDecision[d]; a++) {
      const sc = scores[a % scores.length];
      events.push([
        id(),
        workspaceId,
        sc[3],
        "score.save",
        "Score",
        sc[0],
        decisionId,
        JSON.stringify({ value: Math.max(0, (sc[4] as number) - 1) }),
        JSON.stringify({ value: sc[4] }),
        at(created + a * 60_000),
      ]);
    }
    await put(
      "AuditEvent",
      [
        "id",
        "workspaceId",
        "actorId",
        "action",
        "entityType",
        "entityId",
        "decisionId",
        "before",
        "after",
        "createdAt",
      ],
      events,
    );
    if (d === 0) {
      targetDecisionId = decisionId;
      target = { criteria: criteria.filter((_, i) => i !== metric), candidates };
    }
    if (d === 1) largestDecisionId = decisionId;
    if (opts.log && d > 0 && d % 100 === 0)
      opts.log(
        `  ${d} decisions, ${counts.Score} scores, ${counts.AuditEvent} audit events (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }

  const cookies: ScaleFixture["cookies"] = { ADMIN: [], ARCHITECT: [], TEAM_LEAD: [], VIEWER: [], ALL: [] };
  const sessions: Cell[][] = [];
  users.forEach((u, i) => {
    const token = generateToken();
    sessions.push([id(), hashToken(token), u, workspaceId, now, now, at(Date.now() + 86_400_000)]);
    cookies[roleOf(i)].push(`${SESSION_COOKIE}=${token}`);
    cookies.ALL.push(`${SESSION_COOKIE}=${token}`);
  });
  await put(
    "Session",
    ["id", "tokenHash", "userId", "activeWorkspaceId", "createdAt", "lastSeenAt", "expiresAt"],
    sessions,
  );
  const apiTokens = users.slice(0, 10).map(() => API_TOKEN_PREFIX + generateToken());
  await put(
    "ApiToken",
    ["id", "workspaceId", "userId", "name", "tokenHash", "hint", "scopes", "expiresAt"],
    apiTokens.map((t, i) => [
      id(),
      workspaceId,
      users[i],
      "bench",
      hashToken(t),
      t.slice(0, API_TOKEN_PREFIX.length + 4),
      "read",
      at(Date.now() + 86_400_000),
    ]),
  );
  return {
    workspaceId,
    targetDecisionId,
    largestDecisionId,
    decisionIds,
    target,
    ratingCells,
    adminIds: users.slice(0, 10),
    apiTokens,
    cookies,
    counts,
  };
}
