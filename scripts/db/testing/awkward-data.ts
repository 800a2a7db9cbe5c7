// Rows whose values are easy to get wrong when moving between SQLite and PostgreSQL: unicode and emoji, quotes and
// backslashes, NULLs (including a NULL Json column), the extremes of Int and BigInt, floats that are not exact in
// binary, nested Json whose key order a backend may change, timestamps with milliseconds, and a reference within one
// table (a decision superseded by another). Used by the copy and backup tests on top of the demo workspace.
import type { PrismaClient } from "@/lib/db/create-client";

export const AWKWARD_TEXT = `Ünïcødé 中文 😀👩‍💻 'single' "double" \\back\\slash\ttab\nnewline`;
export const AWKWARD_SETTINGS = { z: 1, a: [1, 2.5, { y: "😀", b: null, nested: { q: '"' } }], n: -0.125 };
// Not 0.1 + 0.2 inside Json: Prisma itself writes Json numbers rounded to 15 significant digits on both backends
// (0.30000000000000004 is stored as 0.3; Float columns too), so such a value never reaches the copy.
export const AWKWARD_DATE = new Date("2026-01-02T03:04:05.678Z");
export const BIG = {
  int: 2147483647,
  minInt: -2147483648,
  bigint: 9223372036854775807n,
  minBigint: -9223372036854775808n,
};

export async function seedAwkwardRows(db: PrismaClient, workspaceId: string) {
  const older = await db.decision.create({
    data: {
      workspaceId,
      title: AWKWARD_TEXT,
      context: "",
      settings: AWKWARD_SETTINGS,
      decidedAt: AWKWARD_DATE,
      archivedAt: null,
      createdAt: AWKWARD_DATE,
    },
  });
  const newer = await db.decision.create({
    data: { workspaceId, title: "Supersedes the awkward one 🙃", templateKey: null },
  });
  // A row that references a row of its own table inserted after it (so a naive one-pass copy would break the key).
  await db.decision.update({ where: { id: older.id }, data: { supersededById: newer.id } });
  const criterion = await db.criterion.create({
    data: {
      decisionId: older.id,
      name: "Latency ‰ «p99»",
      weight: 1e300,
      kind: "METRIC",
      scaleMin: null,
      scaleMax: null,
      worst: -0.000001,
      best: 1 / 3,
      threshold: null,
      position: BIG.int,
    },
  });
  const candidate = await db.candidate.create({
    data: { decisionId: older.id, name: "Ωmega 'Q'", description: AWKWARD_TEXT, link: "", position: BIG.minInt },
  });
  const user = await db.user.create({ data: { email: "zoë+test@例え.jp", name: 'Zoë O\'Brien "ZO"' } });
  await db.score.create({
    data: {
      criterionId: criterion.id,
      candidateId: candidate.id,
      evaluatorId: user.id,
      value: 7.123456789012345,
      rationale: AWKWARD_TEXT,
    },
  });
  await db.rateLimit.create({
    data: { key: "ip:🦊:2001:db8::1", count: BIG.int, windowStart: BIG.bigint, lastAt: BIG.minBigint },
  });
  await db.auditEvent.create({
    data: {
      workspaceId,
      actorId: user.id,
      action: "test.awkward",
      entityType: "Decision",
      entityId: older.id,
      before: undefined,
      after: { title: AWKWARD_TEXT, list: [], empty: {}, t: true, f: false },
      createdAt: new Date("1999-12-31T23:59:59.999Z"),
    },
  });
  return { olderDecisionId: older.id, newerDecisionId: newer.id, scoreEvaluatorId: user.id };
}
