// The matrix paste through the real data layer on a migrated database: a block creates what is missing and sets
// values in one go; any bad cell or stale row refuses the whole paste and writes nothing.
import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { readPasteText } from "@/lib/matrix/paste-block";
import type { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";
import { db } from "./db";
import { createDecision } from "./decision-create";
import { pasteMatrix } from "./matrix";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor, bo: Actor, viewer: Actor;
const actor = (key: string, role: Actor["role"]): Actor => ({
  userId: demo.users.get(key)!,
  workspaceId: demo.workspace.id,
  role,
});

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = actor("ada", "ARCHITECT");
  bo = actor("bo", "ARCHITECT");
  viewer = actor("viewer", "VIEWER");
}, 120_000);

const noBasis = { criteria: {}, scores: {}, facts: {} };
const blockOf = (text: string) => {
  const r = readPasteText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.block;
};
const snapshot = async (decisionId: string) => ({
  criteria: await db.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" } }),
  candidates: await db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" } }),
  scores: await db.score.findMany({ where: { criterion: { decisionId } }, orderBy: { id: "asc" } }),
  facts: await db.fact.findMany({ where: { criterion: { decisionId } }, orderBy: { id: "asc" } }),
});

describe("pasteMatrix", () => {
  test("into an empty decision: criteria, candidates, weights, the actor's ratings and the facts", async () => {
    const { id } = await createDecision(ada, { title: "Paste target", teamId: null, template: "" });
    const block = blockOf("Criterion\tWeight\tKafka\tNATS\nOps\t30%\t6\t8\nLatency\t20%\t12 ms\t4 ms\nDocs\t\t7\t\n");
    const out = await pasteMatrix(ada, { decisionId: id, ...block, basis: noBasis });
    expect(out).toMatchObject({ createdCriteria: 3, createdCandidates: 2, weights: 0, scores: 3, facts: 2 });
    const s = await snapshot(id);
    // For undo: every row is new, so the step is the five rows (their cells go with them) and no changed value.
    expect(out.undo).toEqual({
      created: [
        ...s.criteria.map((c) => ({ kind: "criterion", id: c.id, version: 1 })),
        ...s.candidates.map((c) => ({ kind: "candidate", id: c.id, version: 1 })),
      ],
      changes: [],
    });
    expect(s.criteria.map((c) => [c.name, c.weight, c.kind, c.unit])).toEqual([
      ["Ops", 30, "RATING", null],
      ["Latency", 20, "METRIC", "ms"],
      ["Docs", 10, "RATING", null],
    ]);
    expect(s.candidates.map((c) => c.name)).toEqual(["Kafka", "NATS"]);
    expect(s.scores.map((x) => [x.value, x.evaluatorId === ada.userId])).toEqual([
      [6, true],
      [8, true],
      [7, true],
    ]);
    expect(s.facts.map((f) => [f.value, f.unit])).toEqual([
      [12, "ms"],
      [4, "ms"],
    ]);
  });

  test("into an existing decision: names match regardless of case; changed rows need the versions seen", async () => {
    const { id } = await createDecision(ada, { title: "Paste again", teamId: null, template: "" });
    await pasteMatrix(ada, { decisionId: id, ...blockOf("\tWeight\tA\nX\t1\t5\n"), basis: noBasis });
    const before = await snapshot(id);
    const [x] = before.criteria;
    const [a] = before.candidates;
    const [score] = before.scores;
    // Without the versions: a conflict naming both the weight and the cell, and nothing written.
    const err = (await pasteMatrix(ada, {
      decisionId: id,
      ...blockOf("\tWeight\ta\tB\nx\t2\t6\t1\n"),
      basis: noBasis,
    }).catch((e) => e)) as DomainError;
    expect(err.code).toBe("stale");
    expect(err.current).toEqual({
      cells: [
        { criterion: "X", candidate: null, what: "weight" },
        { criterion: "X", candidate: "A", what: "score" },
      ],
    });
    expect(await snapshot(id)).toEqual(before);
    // With them: the weight and the score change, candidate B is added with its rating.
    const basis = {
      criteria: { [x.id]: x.version },
      scores: { [`${x.id}:${a.id}`]: score.version },
      facts: {},
    };
    const out = await pasteMatrix(ada, { decisionId: id, ...blockOf("\tWeight\ta\tB\nx\t2\t6\t1\n"), basis });
    expect(out).toMatchObject({ createdCriteria: 0, createdCandidates: 1, weights: 1, scores: 2, facts: 0 });
    const after = await snapshot(id);
    // For undo: the weight 1 → 2 and A's score 5 → 6 (existing rows, with their new versions); B is created, and its
    // score goes with it.
    const b = after.candidates.find((c) => c.name === "B")!;
    expect(out.undo).toEqual({
      created: [{ kind: "candidate", id: b.id, version: 1 }],
      changes: [
        { what: "weight", criterionId: x.id, before: 1, after: 2, version: x.version + 1 },
        { what: "score", criterionId: x.id, candidateId: a.id, before: 5, after: 6, version: score.version + 1 },
      ],
    });
    expect(after.criteria.map((c) => [c.name, c.weight, c.version])).toEqual([["X", 2, x.version + 1]]);
    expect(after.scores.map((s) => s.value)).toEqual([6, 1]);
    // Another architect's own ratings are theirs: pasting the same block as Bo creates Bo's, touches nothing of Ada's.
    await pasteMatrix(bo, { decisionId: id, ...blockOf("\ta\nx\t9\n"), basis: noBasis });
    const mine = await db.score.findMany({ where: { criterionId: x.id, evaluatorId: ada.userId } });
    expect(mine.map((s) => s.value).sort()).toEqual([1, 6]);
  });

  test("bad cells: every problem at its cell, and nothing is written", async () => {
    const { id } = await createDecision(ada, { title: "Bad paste", teamId: null, template: "" });
    await pasteMatrix(ada, {
      decisionId: id,
      ...blockOf("\tA\tB\nRated\t1\t2\nTimed\t10 ms\t20 ms\n"),
      basis: noBasis,
    });
    const before = await snapshot(id);
    const err = (await pasteMatrix(ada, {
      decisionId: id,
      ...blockOf("\tA\tB\tC\nRated\t11\t3 ms\t4\nTimed\t5 s\t\t1\nNew\t1 ms\t2 s\t\n"),
      basis: noBasis,
    }).catch((e) => e)) as DomainError;
    expect(err.code).toBe("pasteInvalid");
    expect(err.details).toEqual([
      { criterion: 0, candidate: 0, field: "value", key: "valueOutOfScale", params: { min: 0, max: 10 } },
      { criterion: 0, candidate: 1, field: "value", key: "unitOnRating", params: { unit: "ms" } },
      { criterion: 1, candidate: 0, field: "value", key: "unitMismatch", params: { unit: "ms" } },
      { criterion: 2, candidate: null, field: "name", key: "unitMixed" },
    ]);
    expect(await snapshot(id)).toEqual(before);
  });

  test("a viewer may not paste; a decided decision is locked", async () => {
    const { id } = await createDecision(ada, { title: "Guarded", teamId: null, template: "" });
    const input = { decisionId: id, ...blockOf("\tA\nX\t1\n"), basis: noBasis };
    await expect(pasteMatrix(viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    await db.decision.update({ where: { id }, data: { status: "DECIDED" } });
    await expect(pasteMatrix(ada, input)).rejects.toMatchObject({ code: "decisionLocked" });
    expect((await snapshot(id)).criteria).toEqual([]);
  });
});
