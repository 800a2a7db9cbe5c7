// The read memo (read-memo.ts) on a migrated database: a kept read is the same object until any input changes —
// including a change no server action made (raw SQL, as another instance or a script would) — the blind scoring rule
// still holds for each viewer of a shared read, kept reads cannot be changed by a caller, and simultaneous misses
// read the rows once.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { statementsOf } from "@/lib/testing/counting-db";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import type { Actor } from "./actor";
import { db } from "./db";
import { getDecision } from "./decisions";
import { renderDownload } from "./export-downloads";
import { exportDecisionJson } from "./exports";
import { withoutReadMemo } from "./read-memo";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ws: Seeded;
let decisionId: string;
let viewer: Actor, architect: Actor;

beforeAll(async () => {
  ws = await seedDemoWorkspace(db);
  decisionId = ws.decisions.get("broker")!;
  const as = (key: string, role: Actor["role"]): Actor => ({
    userId: ws.users.get(key)!,
    workspaceId: ws.workspace.id,
    role,
  });
  viewer = as("viewer", "VIEWER");
  architect = as("ada", "ARCHITECT");
}, 120_000);

describe("kept until an input changes", () => {
  test("the second read is the same object; a raw SQL change of a score ends it", async () => {
    const first = (await getDecision(viewer, decisionId))!;
    expect(await getDecision(viewer, decisionId)).toBe(first);
    const score = first.scores[0];
    const changed = score.value === 7 ? 8 : 7;
    await db.$executeRaw`UPDATE "Score" SET "value" = ${changed} WHERE "id" = ${score.id}`;
    const after = (await getDecision(viewer, decisionId))!;
    expect(after).not.toBe(first);
    expect(after.scores.find((s) => s.id === score.id)?.value).toBe(changed);
  });

  test("a team rating changed by raw SQL reaches the next read", async () => {
    const first = (await getDecision(viewer, decisionId))!;
    const rating = first.team!.ratings[0];
    const level = rating.level === 2 ? 3 : 2;
    await db.$executeRaw`UPDATE "SkillRating" SET "level" = ${level} WHERE "memberId" = ${rating.memberId} AND "skillId" = ${rating.skillId}`;
    const after = (await getDecision(viewer, decisionId))!;
    expect(after.team!.ratings.find((r) => r.memberId === rating.memberId && r.skillId === rating.skillId)?.level).toBe(
      level,
    );
  });
});

describe("blind scoring holds for every viewer of a shared read", () => {
  test("an architect still scoring sees only their own scores, whoever filled the memo first", async () => {
    // The decision open and blind, the architect with one score of their own and not every cell.
    await db.decision.update({ where: { id: decisionId }, data: { status: "IN_REVIEW", settings: {} } });
    const own = await db.score.findFirstOrThrow({
      where: { evaluatorId: architect.userId, criterion: { decisionId, kind: "RATING" } },
    });
    await db.score.delete({ where: { id: own.id } });
    const fresh = await withoutReadMemo(() => getDecision(architect, decisionId));
    const all = (await getDecision(viewer, decisionId))!;
    const mine = (await getDecision(architect, decisionId))!;
    expect(new Set(all.scores.map((s) => s.evaluatorId)).size).toBeGreaterThan(1);
    expect(mine.scores.every((s) => s.evaluatorId === architect.userId)).toBe(true);
    expect(mine.evaluators.map((e) => e.id).filter((id) => id !== architect.userId)).toEqual([]);
    expect(mine).toEqual(fresh);
    const json = await exportDecisionJson(architect, decisionId);
    const names = new Set(json.scores.map((s) => s.evaluator));
    expect(names.size).toBeLessThanOrEqual(1);
  });
});

describe("a kept read is served only inside its workspace", () => {
  test("another workspace's admin, with the id of a decision whose reads are warm, gets not-found from each", async () => {
    const other = await seedDemoWorkspace(db, { slug: "elsewhere", emailDomain: "elsewhere.test" });
    const outsider: Actor = { userId: other.users.get("admin")!, workspaceId: other.workspace.id, role: "ADMIN" };
    // Warm every kept read of the decision from inside its workspace first.
    expect(await getDecision(viewer, decisionId)).not.toBeNull();
    await exportDecisionJson(viewer, decisionId);
    await renderDownload(viewer, decisionId, "json", "en");
    expect(await getDecision(outsider, decisionId)).toBeNull();
    await expect(exportDecisionJson(outsider, decisionId)).rejects.toMatchObject({ code: "notFound" });
    await expect(renderDownload(outsider, decisionId, "json", "en")).rejects.toMatchObject({ code: "notFound" });
    // And the outsider's own decision of the same demo is theirs, not the first workspace's.
    const own = (await getDecision(outsider, other.decisions.get("broker")!))!;
    expect(own.id).not.toBe(decisionId);
  });
});

describe("kept reads are frozen", () => {
  test("changing a served read throws and leaves the next read intact", async () => {
    const d = (await getDecision(viewer, decisionId))!;
    const before = d.criteria[0].weight;
    expect(() => {
      (d.criteria[0] as { weight: number }).weight = before + 1;
    }).toThrow(TypeError);
    expect(() => d.scores.sort(() => -1)).toThrow(TypeError);
    expect((await getDecision(viewer, decisionId))!.criteria[0].weight).toBe(before);
  });
});

describe("simultaneous misses", () => {
  test("five reads at once after a change read the rows once", async () => {
    await db.$executeRaw`UPDATE "Candidate" SET "description" = 'changed at once' WHERE "decisionId" = ${decisionId}`;
    const sent = await statementsOf(() =>
      Promise.all(Array.from({ length: 5 }, () => getDecision(viewer, decisionId))),
    );
    // Five stamps, one read of the decision (15 statements in all for one miss: lib/server/query-count.test.ts).
    const scoreReads = sent.filter((q) => /FROM [`"]main[`"]\.[`"]Score[`"]|FROM "public"\."Score"/.test(q));
    expect(scoreReads).toHaveLength(1);
  });
});
