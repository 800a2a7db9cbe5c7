// The audit trail pages by keyset. The reference is the whole trail sorted here (newest first, ties on the same
// millisecond broken by id) and cut into pages by hand: walking the older links from the newest page must visit every
// event of the workspace once, in that order, and walking the newer links back must give the same pages. The fixture
// puts three events on each millisecond, ids in an order unrelated to time, and a second workspace's events in between.
import "@/lib/testing/use-temp-db";
import { statementsOf } from "@/lib/testing/counting-db";
import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "./actor";
import { listAuditEvents } from "./audit";
import { db, provider } from "./db";
import { decodeKeyset, type Keyset } from "./paging";

const EVENTS = 137;
const LIMIT = 10;
const t0 = Date.UTC(2026, 10, 1, 12);
/** Event i happens at t0 + floor(i / 3) hours: three to an instant, 46 instants over two days. */
const at = (i: number) => new Date(t0 + Math.floor(i / 3) * 3_600_000);
/** Ids out of time order (37 is coprime to 137), lowercase letters and digits so every collation sorts them alike. */
const idOf = (i: number) => `ev${String((i * 37) % EVENTS).padStart(4, "0")}`;

let admin: Actor;
let reference: { id: string; createdAt: string }[];

beforeAll(async () => {
  const [home, other] = await Promise.all(
    ["home", "other"].map((slug) => db.workspace.create({ data: { name: slug, slug: `audit-${slug}` } })),
  );
  await db.user.createMany({
    data: [
      { id: "ada", email: "ada@audit.test", name: "Ada" },
      { id: "bo", email: "bo@audit.test", name: "Bo" },
    ],
  });
  await db.membership.createMany({
    data: [
      { workspaceId: home!.id, userId: "ada", role: "ADMIN" },
      { workspaceId: home!.id, userId: "bo", role: "VIEWER" },
    ],
  });
  admin = { userId: "ada", workspaceId: home!.id, role: "ADMIN" };
  await db.auditEvent.createMany({
    data: Array.from({ length: EVENTS }, (_, i) => ({
      id: idOf(i),
      workspaceId: home!.id,
      actorId: i % 5 === 0 ? null : i % 2 ? "ada" : "bo",
      action: "decision.updated",
      entityType: "Decision",
      createdAt: at(i),
    })),
  });
  // The other workspace's events sit on the same instants and between them.
  await db.auditEvent.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      id: `zz${String(i).padStart(4, "0")}`,
      workspaceId: other!.id,
      action: "decision.updated",
      entityType: "Decision",
      createdAt: new Date(t0 + i * 1_800_000),
    })),
  });
  reference = Array.from({ length: EVENTS }, (_, i) => ({ id: idOf(i), createdAt: at(i).toISOString() })).sort(
    (a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1),
  );
});

const keyOf = (cursor: string): Keyset => decodeKeyset(cursor)!;
const ids = (p: { events: { id: string }[] }) => p.events.map((e) => e.id);

describe("the audit trail by keyset", () => {
  test("older links from the newest page visit every event once, newest first, in full pages", async () => {
    const pages: string[][] = [];
    let page = await listAuditEvents(admin, { limit: LIMIT });
    expect(page.newer).toBeNull();
    for (;;) {
      pages.push(ids(page));
      if (!page.older) break;
      page = await listAuditEvents(admin, { keyset: keyOf(page.older), limit: LIMIT });
      expect(page.newer).not.toBeNull();
    }
    // 137 = 13 full pages of 10 and one of 7.
    expect(pages.map((p) => p.length)).toEqual([...Array(13).fill(10), 7]);
    expect(pages.flat()).toEqual(reference.map((e) => e.id));
  });

  test("newer links from the oldest page give the same pages back, up to the newest page itself", async () => {
    let page = await listAuditEvents(admin, { limit: LIMIT });
    while (page.older) page = await listAuditEvents(admin, { keyset: keyOf(page.older), limit: LIMIT });
    const back: string[][] = [];
    for (;;) {
      back.push(ids(page));
      if (!page.newer) break;
      page = await listAuditEvents(admin, { keyset: keyOf(page.newer), limit: LIMIT });
    }
    const cut = (from: number) => reference.slice(from, from + LIMIT).map((e) => e.id);
    expect(back).toEqual(Array.from({ length: 14 }, (_, i) => cut((13 - i) * LIMIT)));
  });

  test("a newer link that reaches the top shows the newest page, full", async () => {
    // The keyset of the 4th newest event: only 3 are newer, so the page is the first one, not a page of 3.
    const fourth = reference[3]!;
    const page = await listAuditEvents(admin, {
      keyset: { at: new Date(fourth.createdAt), id: fourth.id, dir: "newer" },
      limit: LIMIT,
    });
    expect(ids(page)).toEqual(reference.slice(0, LIMIT).map((e) => e.id));
    expect(page.newer).toBeNull();
    expect(page.older).not.toBeNull();
  });

  test("until a day starts at the newest event on or before it, with a link to the newer ones", async () => {
    // Events run from 2026-11-01 12:00 to 2026-11-03 09:00 UTC; "until 2026-11-02" ends at 2026-11-02 23:00.
    const page = await listAuditEvents(admin, { until: "2026-11-02", limit: LIMIT });
    const expected = reference.filter((e) => e.createdAt < "2026-11-03T00:00:00.000Z");
    expect(page.events[0]!.createdAt).toBe("2026-11-02T23:00:00.000Z");
    expect(ids(page)).toEqual(expected.slice(0, LIMIT).map((e) => e.id));
    expect(page.newer).not.toBeNull();
    // 29 events fall on 2026-11-03 (three an hour 00:00 to 08:00, two at 09:00): the newer page is the ten just
    // above, not the newest ten.
    const k = reference.length - expected.length;
    expect(k).toBe(29);
    const newer = await listAuditEvents(admin, { keyset: keyOf(page.newer!), limit: LIMIT });
    expect(ids(newer)).toEqual(reference.slice(k - LIMIT, k).map((e) => e.id));

    const before = await listAuditEvents(admin, { until: "2026-10-31", limit: LIMIT });
    // Nothing on or before that day: an empty page without links (the page's "newest events" link leads back).
    expect([before.events.length, before.newer, before.older]).toEqual([0, null, null]);
    const after = await listAuditEvents(admin, { until: "2027-01-01", limit: LIMIT });
    expect([ids(after), after.newer]).toEqual([reference.slice(0, LIMIT).map((e) => e.id), null]);
  });

  test("names each event's actor, and 'system' (null) where there is none", async () => {
    const page = await listAuditEvents(admin, { limit: 100 });
    for (const e of page.events) {
      const i = Array.from({ length: EVENTS }, (_, k) => k).find((k) => idOf(k) === e.id)!;
      const expected = i % 5 === 0 ? null : i % 2 ? "Ada" : "Bo";
      expect([e.id, e.actorName]).toEqual([e.id, expected]);
    }
  });

  test("counts the workspace's events, up to ten thousand", async () => {
    const page = await listAuditEvents(admin, { limit: LIMIT });
    expect([page.total, page.totalCapped]).toEqual([EVENTS, false]);
    const big = await db.workspace.create({ data: { name: "big", slug: "audit-big" } });
    await db.membership.create({ data: { workspaceId: big.id, userId: "ada", role: "ADMIN" } });
    const bigAdmin: Actor = { userId: "ada", workspaceId: big.id, role: "ADMIN" };
    const add = (n: number, from: number) =>
      db.auditEvent.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          workspaceId: big.id,
          action: "x",
          entityType: "X",
          createdAt: new Date(t0 + (from + i) * 1000),
        })),
      });
    await add(10_000, 0);
    expect(await listAuditEvents(bigAdmin, { limit: 1 })).toMatchObject({ total: 10_000, totalCapped: false });
    await add(1, 10_000);
    expect(await listAuditEvents(bigAdmin, { limit: 1 })).toMatchObject({ total: 10_000, totalCapped: true });
  });

  test("another workspace's events never show, whatever the cursor", async () => {
    const theirs = await db.auditEvent.findFirstOrThrow({ where: { id: "zz0010" } });
    for (const dir of ["older", "newer"] as const) {
      const page = await listAuditEvents(admin, { keyset: { at: theirs.createdAt, id: theirs.id, dir }, limit: 100 });
      expect(page.events.length).toBeGreaterThan(0);
      expect(page.events.every((e) => e.id.startsWith("ev"))).toBe(true);
    }
  });

  // Statement counts stay flat whatever the plan; a statement that walks the whole table does not show there. This
  // checks the plan of each one on a workspace holding most of the events, with statistics. (It did not reproduce the
  // walk in id order that the capped count's default order caused on the bench's 2M events; bench:scale shows that.)
  // SQLite's plan only: PostgreSQL 15 cannot explain a statement without its parameters' values (no GENERIC_PLAN), so
  // the PostgreSQL pass does not register the test rather than skip it.
  if (provider === "sqlite")
    test("every statement reads the trail through an index (SQLite's query plan)", async () => {
      const most = await db.workspace.create({ data: { name: "most", slug: "audit-most" } });
      await db.auditEvent.createMany({
        data: Array.from({ length: 5000 }, (_, i) => ({
          workspaceId: most.id,
          action: "x",
          entityType: "X",
          createdAt: new Date(t0 + i * 1000),
        })),
      });
      await db.$executeRawUnsafe("ANALYZE");
      const owner: Actor = { ...admin, workspaceId: most.id };
      const middle = await db.auditEvent.findFirstOrThrow({
        where: { workspaceId: most.id, createdAt: new Date(t0 + 2500_000) },
      });
      const k = { at: middle.createdAt, id: middle.id };
      const loads = [
        () => listAuditEvents(owner),
        () => listAuditEvents(owner, { keyset: { ...k, dir: "older" } }),
        () => listAuditEvents(owner, { keyset: { ...k, dir: "newer" } }),
        () => listAuditEvents(owner, { until: "2026-11-01" }),
      ];
      let checked = 0;
      for (const load of loads)
        for (const sql of await statementsOf(load)) {
          if (!sql.includes("AuditEvent")) continue;
          const nulls = Array.from(sql.matchAll(/\?/g), () => null);
          const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...nulls);
          for (const step of plan) expect(step.detail, sql).not.toMatch(/^SCAN (main\.)?AuditEvent/);
          checked++;
        }
      // Rows, count and probe per load (the actors are a User lookup by id); the first page sends no probe.
      expect(checked).toBe(3 * loads.length - 1);
    });

  test("only admins read it", async () => {
    const viewer: Actor = { ...admin, userId: "bo", role: "VIEWER" };
    await expect(listAuditEvents(viewer)).rejects.toMatchObject({ code: "forbidden" });
  });
});
