import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { statusChangeSchema } from "@/lib/validation/decision";
import type { Actor } from "./actor";
import { addCandidate, removeCandidate, reorderCandidates, restoreCandidate, updateCandidateField } from "./candidates";

import { addCriterion, removeCriterion, reorderCriteria, restoreCriterion, updateCriterionField } from "./criteria";
import { db } from "./db";
import { changeDecisionStatus, duplicateDecision, getSetupData } from "./decisions";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let home: Seeded;
let other: Seeded;
const actor = (s: Seeded, key: string, role: Actor["role"]): Actor => ({
  userId: s.users.get(key)!,
  workspaceId: s.workspace.id,
  role,
});
let ada: Actor, bo: Actor, viewer: Actor, lead: Actor, foreignAda: Actor;

beforeAll(async () => {
  home = await seedDemoWorkspace(db, { slug: "home", emailDomain: "home.test" });
  other = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  ada = actor(home, "ada", "ARCHITECT");
  bo = actor(home, "bo", "ARCHITECT");
  viewer = actor(home, "viewer", "VIEWER");
  lead = actor(home, "lead", "TEAM_LEAD");
  foreignAda = actor(other, "ada", "ARCHITECT");
}, 120_000);

/** A fresh copy of the demo broker decision with its scores re-attached, so each test owns its rows. */
async function brokerWithScores() {
  const src = home.decisions.get("broker")!;
  const { id } = await duplicateDecision(ada, src, "(test)");
  const data = (await getSetupData(ada, id))!;
  const srcData = (await getSetupData(ada, src))!;
  const scores = await db.score.findMany({ where: { criterion: { decisionId: src } } });
  const crit = new Map(srcData.criteria.map((c, i) => [c.id, data.criteria[i].id]));
  const cand = new Map(srcData.candidates.map((c, i) => [c.id, data.candidates[i].id]));
  for (const s of scores) {
    await db.score.create({
      data: {
        criterionId: crit.get(s.criterionId)!,
        candidateId: cand.get(s.candidateId)!,
        evaluatorId: s.evaluatorId,
        value: s.value,
      },
    });
  }
  return data;
}

describe("criteria", () => {
  test("rename merges with a concurrent weight edit and conflicts with a concurrent rename", async () => {
    const d = await brokerWithScores();
    const c = d.criteria[0];
    await updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: "name",
      base: c.name,
      value: "Learning curve",
    });
    // Bo still holds version 1: a weight edit merges (other field), a rename conflicts.
    const w = await updateCriterionField(bo, {
      criterionId: c.id,
      version: c.version,
      field: "weight",
      base: c.weight,
      value: "35",
    });
    expect(w.value).toBe(35);
    const err = await updateCriterionField(bo, {
      criterionId: c.id,
      version: c.version,
      field: "name",
      base: c.name,
      value: "Ramp-up",
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    expect(err.current).toMatchObject({ field: "name", theirs: "Learning curve" });
    const row = await db.criterion.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.name, row.weight, row.version]).toEqual(["Learning curve", 35, 3]);
    // Two people editing different rows never conflict, whatever version they hold of the decision.
    const c2 = d.criteria[1];
    await updateCriterionField(bo, {
      criterionId: c2.id,
      version: c2.version,
      field: "name",
      base: c2.name,
      value: "Ops",
    });
  });

  test.each([
    ["weight", "-1", "weightNegative"],
    ["weight", "", "required"],
    ["weight", "abc", "notANumber"],
    ["name", "   ", "nameRequired"],
    ["scaleMin", "10", "scaleOrder"],
    ["scaleMax", "-3", "scaleOrder"],
    ["kind", "BOGUS", "kindInvalid"],
  ])("%s = %j is refused with %s and changes nothing", async (field, value, key) => {
    const d = await brokerWithScores();
    const c = d.criteria[0];
    const before = await db.criterion.findUniqueOrThrow({ where: { id: c.id } });
    const err = await updateCriterionField(ada, {
      criterionId: c.id,
      version: c.version,
      field: field as never,
      base: null,
      value,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "invalidInput" });
    expect(err.fieldErrors).toEqual({ [field]: key });
    expect(await db.criterion.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
  });

  test("metric worst = best is refused", async () => {
    const d = await brokerWithScores();
    const c = d.criteria[0];
    await updateCriterionField(ada, { criterionId: c.id, version: 1, field: "kind", base: "RATING", value: "METRIC" });
    await updateCriterionField(ada, { criterionId: c.id, version: 2, field: "worst", base: null, value: "100" });
    await expect(
      updateCriterionField(ada, { criterionId: c.id, version: 3, field: "best", base: null, value: "100" }),
    ).rejects.toMatchObject({ code: "invalidInput" });
  });

  test("roles and workspaces: viewer and team lead are forbidden, a foreign id is missing", async () => {
    const d = await brokerWithScores();
    const c = d.criteria[0];
    const patch = { criterionId: c.id, version: 1, field: "name" as const, base: c.name, value: "x" };
    await expect(updateCriterionField(viewer, patch)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCriterionField(lead, patch)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCriterionField(foreignAda, patch)).rejects.toMatchObject({ code: "notFound" });
    await expect(removeCriterion(foreignAda, c.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(addCriterion(foreignAda, { decisionId: d.decision.id, name: "x" })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(addCriterion(viewer, { decisionId: d.decision.id, name: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await db.criterion.findUniqueOrThrow({ where: { id: c.id } })).name).toBe(c.name);
  });

  test("reorder checks the order the client saw", async () => {
    const d = await brokerWithScores();
    const ids = d.criteria.map((c) => c.id);
    const moved = [ids[1], ids[0], ...ids.slice(2)];
    await reorderCriteria(ada, { decisionId: d.decision.id, ids: moved, expected: ids });
    expect((await getSetupData(ada, d.decision.id))!.criteria.map((c) => c.id)).toEqual(moved);
    // Bo still holds the old order: conflict, nothing written.
    await expect(
      reorderCriteria(bo, { decisionId: d.decision.id, ids: [...ids].reverse(), expected: ids }),
    ).rejects.toMatchObject({ code: "stale" });
    await expect(
      reorderCriteria(bo, { decisionId: d.decision.id, ids: [ids[0]], expected: moved }),
    ).rejects.toMatchObject({ code: "invalidInput" });
    expect((await getSetupData(ada, d.decision.id))!.criteria.map((c) => c.id)).toEqual(moved);
  });

  test("remove and undo restore the row in place with its scores; undo is idempotent and workspace-scoped", async () => {
    const d = await brokerWithScores();
    const c = d.criteria[2];
    const scoresBefore = await db.score.findMany({
      where: { criterionId: c.id },
      orderBy: [{ candidateId: "asc" }, { evaluatorId: "asc" }],
      select: { candidateId: true, evaluatorId: true, value: true },
    });
    expect(scoresBefore).toHaveLength(6);
    const { undoToken } = await removeCriterion(ada, c.id);
    expect(await db.criterion.count({ where: { id: c.id } })).toBe(0);
    expect(await db.score.count({ where: { criterionId: c.id } })).toBe(0);
    await expect(restoreCriterion(foreignAda, { decisionId: d.decision.id, undoToken })).rejects.toMatchObject({
      code: "notFound",
    });
    const restored = await restoreCriterion(bo, { decisionId: d.decision.id, undoToken });
    expect(restored).toMatchObject({ id: c.id, name: c.name, weight: c.weight, position: c.position });
    expect((await getSetupData(ada, d.decision.id))!.criteria.map((x) => x.id)).toEqual(d.criteria.map((x) => x.id));
    const scoresAfter = await db.score.findMany({
      where: { criterionId: c.id },
      orderBy: [{ candidateId: "asc" }, { evaluatorId: "asc" }],
      select: { candidateId: true, evaluatorId: true, value: true },
    });
    expect(scoresAfter).toEqual(scoresBefore);
    await restoreCriterion(bo, { decisionId: d.decision.id, undoToken });
    expect(await db.criterion.count({ where: { decisionId: d.decision.id } })).toBe(5);
  });

  test("a decided decision refuses every criterion and candidate write", async () => {
    const d = await brokerWithScores();
    await changeDecisionStatus(
      ada,
      statusChangeSchema.parse({ decisionId: d.decision.id, version: 1, to: "IN_REVIEW" }),
    );
    await changeDecisionStatus(
      ada,
      statusChangeSchema.parse({
        decisionId: d.decision.id,
        version: 2,
        to: "DECIDED",
        chosenCandidateId: d.candidates[1].id,
        outcomeRationale: "ok",
      }),
    );
    const c = d.criteria[0];
    const k = d.candidates[0];
    await expect(
      updateCriterionField(ada, { criterionId: c.id, version: 1, field: "name", base: c.name, value: "x" }),
    ).rejects.toMatchObject({ code: "decisionLocked" });
    await expect(addCriterion(ada, { decisionId: d.decision.id, name: "x" })).rejects.toMatchObject({
      code: "decisionLocked",
    });
    await expect(removeCriterion(ada, c.id)).rejects.toMatchObject({ code: "decisionLocked" });
    await expect(
      reorderCriteria(ada, {
        decisionId: d.decision.id,
        ids: d.criteria.map((x) => x.id),
        expected: d.criteria.map((x) => x.id),
      }),
    ).rejects.toMatchObject({ code: "decisionLocked" });
    await expect(
      updateCandidateField(ada, { candidateId: k.id, version: 1, field: "name", base: k.name, value: "x" }),
    ).rejects.toMatchObject({ code: "decisionLocked" });
    await expect(addCandidate(ada, { decisionId: d.decision.id, name: "x" })).rejects.toMatchObject({
      code: "decisionLocked",
    });
    await expect(removeCandidate(ada, k.id)).rejects.toMatchObject({ code: "decisionLocked" });
  });
});

describe("candidates", () => {
  test("link must be http(s); add, reorder, remove and undo with scores and requirements", async () => {
    const d = await brokerWithScores();
    const k = d.candidates[0];
    for (const bad of ["javascript:alert(1)", "kafka.apache.org", "ftp://x.org/"]) {
      await expect(
        updateCandidateField(ada, { candidateId: k.id, version: 1, field: "link", base: k.link, value: bad }),
      ).rejects.toMatchObject({ code: "invalidInput" });
    }
    await expect(
      updateCandidateField(ada, { candidateId: k.id, version: 1, field: "name", base: k.name, value: "" }),
    ).rejects.toMatchObject({ code: "invalidInput" });
    await updateCandidateField(ada, {
      candidateId: k.id,
      version: 1,
      field: "link",
      base: k.link,
      value: "http://kafka.example/",
    });
    const added = await addCandidate(ada, { decisionId: d.decision.id, name: "NATS" });
    expect(added.position).toBe(3);
    const ids = [...d.candidates.map((c) => c.id), added.id];
    await reorderCandidates(ada, { decisionId: d.decision.id, ids: [added.id, ...ids.slice(0, 3)], expected: ids });
    const scores = await db.score.count({ where: { candidateId: k.id } });
    const reqs = await db.skillRequirement.count({ where: { candidateId: k.id } });
    expect(scores).toBe(10);
    const { undoToken } = await removeCandidate(bo, k.id);
    expect(await db.score.count({ where: { candidateId: k.id } })).toBe(0);
    await restoreCandidate(ada, { decisionId: d.decision.id, undoToken });
    expect(await db.score.count({ where: { candidateId: k.id } })).toBe(scores);
    expect(await db.skillRequirement.count({ where: { candidateId: k.id } })).toBe(reqs);
    expect((await getSetupData(ada, d.decision.id))!.candidates.map((c) => c.name)).toEqual([
      "NATS",
      "Kafka",
      "RabbitMQ",
      "Pulsar",
    ]);
    await expect(
      updateCandidateField(viewer, { candidateId: k.id, version: 3, field: "name", base: "Kafka", value: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateCandidateField(foreignAda, { candidateId: k.id, version: 3, field: "name", base: "Kafka", value: "x" }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("removal as the matrix's undo of an addition (with the version seen)", () => {
  test("goes ahead while the row is as seen and holds only the person's own values; facts come back on restore", async () => {
    const { id } = await duplicateDecision(ada, home.decisions.get("broker")!, "(undo)");
    const metric = await addCriterion(ada, { decisionId: id, name: "Latency", kind: "METRIC" });
    const k = await addCandidate(ada, { decisionId: id, name: "NATS" });
    await db.fact.create({
      data: {
        criterionId: metric.id,
        candidateId: k.id,
        value: 12,
        unit: "ms",
        measuredOn: new Date("2025-01-02T00:00:00Z"),
        enteredById: ada.userId,
      },
    });
    // A version the person did not see: refused, nothing removed.
    await expect(
      removeCriterion(ada, metric.id, { version: metric.version + 1, ownWorkOnly: true }),
    ).rejects.toMatchObject({
      code: "stale",
    });
    expect(await db.criterion.count({ where: { id: metric.id } })).toBe(1);
    const { undoToken } = await removeCriterion(ada, metric.id, { version: metric.version, ownWorkOnly: true });
    expect(await db.fact.count({ where: { criterionId: metric.id } })).toBe(0);
    await restoreCriterion(ada, { decisionId: id, undoToken });
    const facts = await db.fact.findMany({ where: { criterionId: metric.id } });
    expect(facts.map((f) => [f.candidateId, f.value, f.unit, f.measuredOn.toISOString(), f.enteredById])).toEqual([
      [k.id, 12, "ms", "2025-01-02T00:00:00.000Z", ada.userId],
    ]);
  });

  test("refused when a colleague rated on the row, and nothing is removed", async () => {
    const { id } = await duplicateDecision(ada, home.decisions.get("broker")!, "(undo 2)");
    const k = await addCandidate(ada, { decisionId: id, name: "NATS" });
    const c = (await getSetupData(ada, id))!.criteria[0];
    await db.score.create({
      data: { criterionId: c.id, candidateId: k.id, evaluatorId: bo.userId, value: 6, rationale: "", evidenceUrl: "" },
    });
    await expect(removeCandidate(ada, k.id, { version: k.version, ownWorkOnly: true })).rejects.toMatchObject({
      code: "stale",
    });
    expect(await db.candidate.count({ where: { id: k.id } })).toBe(1);
    expect(await db.score.count({ where: { candidateId: k.id } })).toBe(1);
    // With the version only (the API's If-Match), a colleague's rating goes with the row like in the setup editor,
    // but a version the caller did not read is refused.
    await expect(removeCandidate(ada, k.id, { version: k.version + 1 })).rejects.toMatchObject({ code: "stale" });
    expect(await db.candidate.count({ where: { id: k.id } })).toBe(1);
    // Without the version (the setup editor's remove, which has its own undo) it goes ahead as before.
    await removeCandidate(ada, k.id);
    expect(await db.candidate.count({ where: { id: k.id } })).toBe(0);
  });
});
