import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { statusChangeSchema } from "@/lib/validation/decision";
import type { Actor } from "./actor";

import { db } from "./db";
import {
  changeDecisionStatus,
  createDecision,
  duplicateDecision,
  getDecisionHeader,
  getSetupData,
  listDecisions,
  setDecisionArchived,
  updateDecisionField,
} from "./decisions";

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let home: Seeded;
let other: Seeded;
const actor = (s: Seeded, key: string, role: Actor["role"]): Actor => ({
  userId: s.users.get(key)!,
  workspaceId: s.workspace.id,
  role,
});
let ada: Actor, bo: Actor, viewer: Actor, lead: Actor, admin: Actor, foreignAda: Actor;

beforeAll(async () => {
  home = await seedDemoWorkspace(db, { slug: "home", emailDomain: "home.test" });
  other = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  ada = actor(home, "ada", "ARCHITECT");
  bo = actor(home, "bo", "ARCHITECT");
  viewer = actor(home, "viewer", "VIEWER");
  lead = actor(home, "lead", "TEAM_LEAD");
  admin = actor(home, "admin", "ADMIN");
  foreignAda = actor(other, "ada", "ARCHITECT");
}, 120_000);

const status = (input: Record<string, unknown>) => statusChangeSchema.parse(input);

describe("create from template", () => {
  test("copies criteria, candidates and requirements mapped by skill name, no scores; creates missing skills", async () => {
    // Remove one skill from the catalog so the copy has to create it.
    await db.skill.delete({ where: { workspaceId_name: { workspaceId: home.workspace.id, name: "Streaming" } } });
    const { id } = await createDecision(ada, { title: "Broker again", teamId: null, template: "broker" });
    const d = await db.decision.findUniqueOrThrow({
      where: { id },
      include: {
        criteria: { orderBy: { position: "asc" } },
        candidates: { orderBy: { position: "asc" }, include: { requirements: { include: { skill: true } } } },
      },
    });
    expect(d.title).toBe("Broker again");
    expect(d.status).toBe("DRAFT");
    expect(d.criteria.map((c) => [c.name, c.weight, c.position])).toEqual(
      BROKER_TEMPLATE.criteria.map((c, i) => [c.name, c.weight, i]),
    );
    expect(d.criteria[0].lowMeaning).toBe(BROKER_TEMPLATE.criteria[0].lowMeaning);
    expect(d.candidates.map((c) => c.name)).toEqual(["Kafka", "RabbitMQ", "Pulsar"]);
    const rabbit = d.candidates[1].requirements.map((r) => [r.skill.name, r.weight]).sort();
    expect(rabbit).toEqual([
      ["AMQP", 0.7],
      ["JMS", 0.3],
    ]);
    // Mapped onto this workspace's catalog, never another's.
    for (const c of d.candidates) for (const r of c.requirements) expect(r.skill.workspaceId).toBe(home.workspace.id);
    const streaming = await db.skill.findUniqueOrThrow({
      where: { workspaceId_name: { workspaceId: home.workspace.id, name: "Streaming" } },
    });
    expect(d.candidates[0].requirements.some((r) => r.skillId === streaming.id)).toBe(true);
    expect(await db.score.count({ where: { criterion: { decisionId: id } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "decision.created" } })).toBe(1);
  });

  test("viewer and team lead may not create; a foreign team id is a missing team", async () => {
    await expect(createDecision(viewer, { title: "x", teamId: null, template: "" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createDecision(lead, { title: "x", teamId: null, template: "" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const foreignTeam = other.teamIds.get("orders")!;
    await expect(createDecision(ada, { title: "x", teamId: foreignTeam, template: "" })).rejects.toMatchObject({
      code: "notFound",
    });
    expect(await db.decision.count({ where: { title: "x" } })).toBe(0);
  });
});

describe("duplicate and archive", () => {
  test("duplicate copies criteria, candidates and requirements but not scores, judgments or outcome", async () => {
    const src = home.decisions.get("broker")!;
    const { id } = await duplicateDecision(bo, src, "(copy)");
    const copy = await getSetupData(bo, id);
    const orig = await getSetupData(bo, src);
    expect(copy!.decision.title).toBe("Message broker for order events (copy)");
    expect(copy!.decision.status).toBe("DRAFT");
    expect(copy!.decision.teamId).toBe(orig!.decision.teamId);
    expect(copy!.criteria.map((c) => [c.name, c.weight, c.kind])).toEqual(
      orig!.criteria.map((c) => [c.name, c.weight, c.kind]),
    );
    expect(copy!.candidates.map((c) => [c.name, c.link])).toEqual(orig!.candidates.map((c) => [c.name, c.link]));
    // The first test removed "Streaming" from the catalog (cascading the original's Streaming requirements), so
    // compare with the original rather than the template's 6.
    const originalCount = await db.skillRequirement.count({ where: { candidate: { decisionId: src } } });
    expect(originalCount).toBeGreaterThan(0);
    expect(await db.skillRequirement.count({ where: { candidate: { decisionId: id } } })).toBe(originalCount);
    expect(await db.score.count({ where: { criterion: { decisionId: id } } })).toBe(0);
    await expect(duplicateDecision(foreignAda, src, "(copy)")).rejects.toMatchObject({ code: "notFound" });
    await expect(duplicateDecision(viewer, src, "(copy)")).rejects.toMatchObject({ code: "forbidden" });
  });

  test("archived decisions are hidden by default and listed with archived=1; stale version conflicts", async () => {
    const { id } = await createDecision(ada, { title: "To archive", teamId: null, template: "" });
    await setDecisionArchived(ada, { decisionId: id, version: 1 }, true);
    expect((await listDecisions(ada)).items.some((d) => d.id === id)).toBe(false);
    expect((await listDecisions(ada, { archived: "1" })).items.find((d) => d.id === id)?.archived).toBe(true);
    await expect(setDecisionArchived(ada, { decisionId: id, version: 1 }, false)).rejects.toMatchObject({
      code: "stale",
    });
    await setDecisionArchived(ada, { decisionId: id, version: 2 }, false);
    expect((await listDecisions(ada)).items.some((d) => d.id === id)).toBe(true);
    await expect(setDecisionArchived(viewer, { decisionId: id, version: 3 }, true)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setDecisionArchived(foreignAda, { decisionId: id, version: 3 }, true)).rejects.toMatchObject({
      code: "notFound",
    });
  });

  test("list filters by status, team and title (case-insensitive) and sorts by title and status", async () => {
    const orders = home.teamIds.get("orders")!;
    const byTeam = (await listDecisions(viewer, { team: orders })).items;
    expect(byTeam.every((d) => d.teamId === orders)).toBe(true);
    expect(byTeam.length).toBeGreaterThan(0);
    expect((await listDecisions(viewer, { q: "GARBAGE" })).items.map((d) => d.title)).toEqual([
      "Garbage collector for the payments service",
    ]);
    const titles = (await listDecisions(viewer, { sort: "title" })).items.map((d) => d.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    expect((await listDecisions(viewer, { status: "DECIDED" })).items.every((d) => d.status === "DECIDED")).toBe(true);
    // Foreign workspace's decisions never appear.
    const foreignIds = new Set(other.decisions.values());
    expect((await listDecisions(viewer, { archived: "1" })).items.some((d) => foreignIds.has(d.id))).toBe(false);
  });
});

describe("list pages in the database", () => {
  // A workspace of its own, so the counts below are exact: 60 decisions = pages of 25, 25 and 10.
  let paging: Seeded;
  let reader: Actor;
  beforeAll(async () => {
    paging = await seedDemoWorkspace(db, { slug: "paging", emailDomain: "paging.test" });
    reader = actor(paging, "viewer", "VIEWER");
    await db.decision.deleteMany({ where: { workspaceId: paging.workspace.id } });
    const statuses = ["SUPERSEDED", "DECIDED", "IN_REVIEW", "DRAFT"] as const;
    await db.decision.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        workspaceId: paging.workspace.id,
        title: `Decision ${String(i).padStart(2, "0")}`,
        status: statuses[i % 4],
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    // Non-ASCII capitals (SQLite's LIKE and lower() would not fold them) and a LIKE wildcard in a title.
    for (const title of ["ÄRGER mit Queues", "zebra crossing", "100% uptime"])
      await db.decision.create({ data: { workspaceId: paging.workspace.id, title, status: "DRAFT" } });
  }, 120_000);

  test("pages of 25 cover every decision once, in order; a page past the end or garbled falls back", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listDecisions(reader, { page })));
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.items.length])).toEqual([
      [1, 3, 60, 25],
      [2, 3, 60, 25],
      [3, 3, 60, 10],
    ]);
    const ids = pages.flatMap((p) => p.items.map((d) => d.id));
    expect(new Set(ids).size).toBe(60);
    const updated = pages.flatMap((p) => p.items.map((d) => d.updatedAt));
    expect(updated).toEqual([...updated].sort().reverse());
    expect((await listDecisions(reader, { page: 40 })).page).toBe(3);
    expect((await listDecisions(reader, { page: 0 })).page).toBe(1);
    expect((await listDecisions(reader, { page: Number.NaN })).page).toBe(1);
    const empty = await listDecisions(reader, { q: "no such title" });
    expect([empty.page, empty.pageCount, empty.total, empty.items]).toEqual([1, 1, 0, []]);
  });

  test("title search folds every script's capitals and treats % literally", async () => {
    const titles = async (q: string) => (await listDecisions(reader, { q })).items.map((d) => d.title);
    expect(await titles("ärger")).toEqual(["ÄRGER mit Queues"]);
    expect(await titles("Ärger MIT")).toEqual(["ÄRGER mit Queues"]);
    expect(await titles("ZEBRA")).toEqual(["zebra crossing"]);
    expect(await titles("0%")).toEqual(["100% uptime"]);
    expect((await listDecisions(reader, { q: "decision 5" })).total).toBe(7); // 05 and 50–56
  });

  test("sort by title ignores case; sort by status follows the lifecycle, newest first within a status", async () => {
    const byTitle = (await listDecisions(reader, { sort: "title", page: 3 })).items.map((d) => d.title);
    // The last page ends with the lower-case and non-ASCII titles where a case-insensitive order puts them.
    expect(byTitle.slice(-3)).toEqual(["Decision 56", "zebra crossing", "ÄRGER mit Queues"]);
    const all = (await listDecisions(reader, { sort: "status" }, 100)).items;
    const rank = ["DRAFT", "IN_REVIEW", "DECIDED", "SUPERSEDED"];
    const ranks = all.map((d) => rank.indexOf(d.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(all.filter((d) => d.status === "DRAFT").length).toBe(14 + 3);
    const decided = all.filter((d) => d.status === "DECIDED").map((d) => d.updatedAt);
    expect(decided).toEqual([...decided].sort().reverse());
  });

  test("filters combine with paging: status and team narrow the count", async () => {
    const r = await listDecisions(reader, { status: "IN_REVIEW" });
    expect([r.total, r.pageCount]).toEqual([14, 1]);
    expect((await listDecisions(reader, { team: "none" })).total).toBe(60);
    expect((await listDecisions(reader, { team: paging.teamIds.get("orders")! })).total).toBe(0);
  });
});

describe("header fields and concurrency", () => {
  test("edits merge across fields, conflict on the same field with their value and name, and refuse bad input", async () => {
    const { id } = await createDecision(ada, { title: "Header test", teamId: null, template: "" });
    const v2 = await updateDecisionField(ada, {
      decisionId: id,
      version: 1,
      field: "title",
      base: "Header test",
      value: "Ada's title",
    });
    expect(v2.version).toBe(2);
    // Bo read version 1; editing a different field merges.
    const v3 = await updateDecisionField(bo, {
      decisionId: id,
      version: 1,
      field: "context",
      base: "",
      value: "Bo's context",
    });
    expect(v3.version).toBe(3);
    // Bo read version 1 and the old title: conflict, nothing written.
    const err = await updateDecisionField(bo, {
      decisionId: id,
      version: 1,
      field: "title",
      base: "Header test",
      value: "Bo's title",
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    // Bo wrote the row last (context), but the title was Ada's: "changed by" names whoever changed this field.
    expect(err.current).toMatchObject({ field: "title", theirs: "Ada's title", changedBy: "Ada Architect" });
    expect((await getDecisionHeader(ada, id))!.title).toBe("Ada's title");
    await expect(
      updateDecisionField(ada, { decisionId: id, version: 3, field: "title", base: "Ada's title", value: "   " }),
    ).rejects.toMatchObject({ code: "invalidInput" });
    await expect(
      updateDecisionField(ada, {
        decisionId: id,
        version: 3,
        field: "teamId",
        base: null,
        value: other.teamIds.get("orders")!,
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      updateDecisionField(viewer, { decisionId: id, version: 3, field: "title", base: "Ada's title", value: "v" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateDecisionField(foreignAda, { decisionId: id, version: 3, field: "title", base: "Ada's title", value: "v" }),
    ).rejects.toMatchObject({ code: "notFound" });
    expect((await getDecisionHeader(ada, id))!).toMatchObject({
      title: "Ada's title",
      context: "Bo's context",
      version: 3,
    });
  });
});

describe("status flow", () => {
  test("DRAFT → IN_REVIEW → DECIDED locks edits; reopening is audited with before/after; SUPERSEDED links a decision", async () => {
    const { id } = await createDecision(ada, { title: "Flow", teamId: null, template: "broker" });
    const data = await getSetupData(ada, id);
    const rabbit = data!.candidates.find((c) => c.name === "RabbitMQ")!;
    await expect(
      changeDecisionStatus(
        ada,
        status({ decisionId: id, version: 1, to: "DECIDED", chosenCandidateId: rabbit.id, outcomeRationale: "x" }),
      ),
    ).rejects.toMatchObject({ code: "invalidInput" });
    await changeDecisionStatus(ada, status({ decisionId: id, version: 1, to: "IN_REVIEW" }));
    // A candidate of another decision is refused.
    const foreignCandidate = (await getSetupData(ada, home.decisions.get("gc")!))!.candidates[0].id;
    await expect(
      changeDecisionStatus(
        ada,
        status({
          decisionId: id,
          version: 2,
          to: "DECIDED",
          chosenCandidateId: foreignCandidate,
          outcomeRationale: "x",
        }),
      ),
    ).rejects.toMatchObject({ code: "invalidInput" });
    await changeDecisionStatus(
      ada,
      status({
        decisionId: id,
        version: 2,
        to: "DECIDED",
        chosenCandidateId: rabbit.id,
        outcomeRationale: "Team knows it.",
      }),
    );
    const decided = await getSetupData(ada, id);
    expect(decided!.decision).toMatchObject({
      status: "DECIDED",
      chosenCandidateId: rabbit.id,
      outcomeRationale: "Team knows it.",
    });
    expect(decided!.decision.decidedAt).not.toBeNull();
    await expect(
      updateDecisionField(ada, { decisionId: id, version: 3, field: "title", base: "Flow", value: "changed" }),
    ).rejects.toMatchObject({ code: "decisionLocked" });

    await changeDecisionStatus(bo, status({ decisionId: id, version: 3, to: "IN_REVIEW" }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "decision.reopened" } });
    expect(audit.actorId).toBe(bo.userId);
    expect(audit.before).toMatchObject({ status: "DECIDED", chosenCandidateId: rabbit.id });
    expect(audit.after).toMatchObject({ status: "IN_REVIEW" });
    await updateDecisionField(ada, {
      decisionId: id,
      version: 4,
      field: "title",
      base: "Flow",
      value: "Flow, reopened",
    });

    await changeDecisionStatus(
      ada,
      status({ decisionId: id, version: 5, to: "DECIDED", chosenCandidateId: rabbit.id, outcomeRationale: "Again." }),
    );
    const replacement = home.decisions.get("gc")!;
    await changeDecisionStatus(
      ada,
      status({ decisionId: id, version: 6, to: "SUPERSEDED", supersededById: replacement }),
    );
    expect((await getSetupData(ada, id))!.decision).toMatchObject({
      status: "SUPERSEDED",
      supersededById: replacement,
    });
    // Stale version, viewer, foreign actor, and an illegal jump all change nothing.
    await expect(
      changeDecisionStatus(ada, status({ decisionId: id, version: 6, to: "IN_REVIEW" })),
    ).rejects.toMatchObject({ code: "stale" });
    await expect(
      changeDecisionStatus(viewer, status({ decisionId: id, version: 7, to: "IN_REVIEW" })),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      changeDecisionStatus(foreignAda, status({ decisionId: id, version: 7, to: "IN_REVIEW" })),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(changeDecisionStatus(ada, status({ decisionId: id, version: 7, to: "DRAFT" }))).rejects.toMatchObject({
      code: "invalidInput",
    });
    // Superseding by a foreign decision is refused.
    await changeDecisionStatus(ada, status({ decisionId: id, version: 7, to: "IN_REVIEW" }));
    await changeDecisionStatus(
      ada,
      status({ decisionId: id, version: 8, to: "DECIDED", chosenCandidateId: rabbit.id, outcomeRationale: "Third." }),
    );
    await expect(
      changeDecisionStatus(
        ada,
        status({ decisionId: id, version: 9, to: "SUPERSEDED", supersededById: other.decisions.get("gc")! }),
      ),
    ).rejects.toMatchObject({ code: "invalidInput" });
    expect((await getSetupData(ada, id))!.decision.status).toBe("DECIDED");
    expect(admin.role).toBe("ADMIN");
  });

  test("a header edit does not make a status change stale; a status that moved does", async () => {
    const { id } = await createDecision(ada, { title: "Status vs header", teamId: null, template: "" });
    await updateDecisionField(bo, { decisionId: id, version: 1, field: "context", base: "", value: "Why now" });
    // Ada's form still says version 1, status DRAFT.
    await changeDecisionStatus(ada, status({ decisionId: id, version: 1, from: "DRAFT", to: "IN_REVIEW" }));
    const err = await changeDecisionStatus(
      bo,
      status({ decisionId: id, version: 2, from: "DRAFT", to: "IN_REVIEW" }),
    ).catch((e) => e);
    expect(err).toMatchObject({ code: "stale" });
    expect(err.current).toMatchObject({ theirs: "IN_REVIEW", changedBy: "Ada Architect" });
  });

  test("foreign ids read as missing", async () => {
    expect(await getSetupData(foreignAda, home.decisions.get("broker")!)).toBeNull();
    expect(await getDecisionHeader(foreignAda, home.decisions.get("broker")!)).toBeNull();
  });
});
