// The evaluation cache itself (lib/server/evaluation-cache.ts): blind scoring keys viewers apart, a second instance (its
// own Prisma client and write queue on the same database) never sees a stale entry after the other one writes, old
// keys are pruned, a race to store one key fails nobody, and the real PDF and XLSX downloads are served from it.
// Which writes change which inputs is ./evaluation-cache-writes.test.ts.
import "@/lib/testing/use-temp-db";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { reportOptions } from "@/lib/export/bundle";
import { evaluateDecision } from "@/lib/scoring";
import type { Actor } from "./actor";
import { updateCandidateField } from "./candidates";
import { db } from "./db";
import { getDecision } from "./decisions";
import { KEEP, cacheKey, cachedBytes, cachedResult, resultKeyParts } from "./evaluation-cache";
import { renderDownload } from "./export-downloads";
import { saveScore } from "./scores";
import { secondInstance } from "@/lib/testing/second-instance";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
const as = (key: string, role: Actor["role"]): Actor => ({
  userId: demo.users.get(key)!,
  workspaceId: demo.workspace.id,
  role,
});
let ada: Actor, bo: Actor, viewer: Actor, admin: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = as("ada", "ARCHITECT");
  bo = as("bo", "ARCHITECT");
  viewer = as("viewer", "VIEWER");
  admin = as("admin", "ADMIN");
}, 120_000);

/** A broker decision where Bo has scored every cell and Ada one: blind scoring hides Bo's scores from Ada. */
async function blindDecision(): Promise<string> {
  const { id } = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template: BROKER_TEMPLATE,
    evaluatorIds: [],
    skillIds: demo.skillIds,
    teamId: demo.teamIds.get("orders"),
  });
  const criteria = await db.criterion.findMany({ where: { decisionId: id }, orderBy: { position: "asc" } });
  const candidates = await db.candidate.findMany({ where: { decisionId: id }, orderBy: { position: "asc" } });
  for (const [i, c] of criteria.entries())
    for (const [j, k] of candidates.entries())
      await saveScore(bo, {
        decisionId: id,
        criterionId: c.id,
        candidateId: k.id,
        value: 2 + ((i * 3 + j) % 7),
        version: null,
      });
  await saveScore(ada, {
    decisionId: id,
    criterionId: criteria[0].id,
    candidateId: candidates[0].id,
    value: 9,
    version: null,
  });
  return id;
}

const outcomeFor = async (who: Actor, id: string) => {
  const d = (await getDecision(who, id))!;
  return {
    key: cacheKey("result", resultKeyParts(d, reportOptions(d))),
    served: await cachedResult(who, d, reportOptions(d)),
    fresh: evaluateDecision(toScoringModel(d), reportOptions(d)),
  };
};

describe("blind scoring", () => {
  test("an architect still scoring blind and a viewer get different keys, and each is served their own view", async () => {
    const id = await blindDecision();
    const forViewer = await outcomeFor(viewer, id);
    const forAda = await outcomeFor(ada, id);
    expect(forAda.key).not.toBe(forViewer.key);
    expect(forAda.served).toEqual(forAda.fresh);
    expect(forViewer.served).toEqual(forViewer.fresh);
    // The two views really differ (Ada's counts only her one score), so serving one for the other would show.
    expect(forAda.fresh).not.toEqual(forViewer.fresh);
    // Bo has finished, sees everything and shares the viewer's entry: same inputs, same key.
    expect((await outcomeFor(bo, id)).key).toBe(forViewer.key);
    expect(await db.evaluationCache.count({ where: { decisionId: id, kind: "result" } })).toBe(2);
  });

  test("the options are part of the key: a different Monte Carlo sample count or seed is another entry", async () => {
    const id = await blindDecision();
    const d = (await getDecision(viewer, id))!;
    const base = reportOptions(d);
    const keys = new Set(
      [
        base,
        { ...base, monteCarlo: { ...base.monteCarlo, samples: 100 } },
        { ...base, monteCarlo: { ...base.monteCarlo, seed: 7 } },
        { ...base, aggregation: "median" as const },
      ].map((o) => cacheKey("result", resultKeyParts(d, o))),
    );
    expect(keys.size).toBe(4);
    const small = { ...base, monteCarlo: { samples: 100, seed: 7 } };
    expect(await cachedResult(viewer, d, small)).toEqual(evaluateDecision(toScoringModel(d), small));
  });
});

describe("storage", () => {
  test(`keeps the newest ${KEEP.pdf} entries of a decision and kind`, async () => {
    const id = await blindDecision();
    const body = (n: number) => new TextEncoder().encode(`body ${n}`);
    for (let n = 0; n < KEEP.pdf + 3; n++) await cachedBytes(viewer, id, "pdf", { n }, async () => body(n));
    const rows = await db.evaluationCache.findMany({ where: { decisionId: id, kind: "pdf" } });
    expect(rows).toHaveLength(KEEP.pdf);
    expect(rows.map((r) => r.key)).toContain(cacheKey("pdf", { n: KEEP.pdf + 2 }));
    // Another kind of the same decision keeps its own entries.
    await cachedBytes(viewer, id, "xlsx", { n: 0 }, async () => body(0));
    expect(await db.evaluationCache.count({ where: { decisionId: id } })).toBe(KEEP.pdf + 1);
  });

  test("a hit is served without computing; the stored bytes come back unchanged", async () => {
    const id = await blindDecision();
    const render = vi.fn(async () => new Uint8Array([0, 1, 2, 255]));
    expect([...(await cachedBytes(viewer, id, "xlsx", { hit: 1 }, render))]).toEqual([0, 1, 2, 255]);
    expect([...(await cachedBytes(viewer, id, "xlsx", { hit: 1 }, render))]).toEqual([0, 1, 2, 255]);
    expect(render).toHaveBeenCalledTimes(1);
  });

  test("another workspace's actor neither finds nor stores an entry of this workspace's decision", async () => {
    const id = await blindDecision();
    await cachedBytes(viewer, id, "pdf", { mine: 1 }, async () => new Uint8Array([1]));
    const other = await seedDemoWorkspace(db, { slug: "cache-other", emailDomain: "cache-other.test" });
    const stranger: Actor = { userId: other.users.get("admin")!, workspaceId: other.workspace.id, role: "ADMIN" };
    const render = vi.fn(async () => new Uint8Array([6, 6, 6]));
    expect([...(await cachedBytes(stranger, id, "pdf", { mine: 1 }, render))]).toEqual([6, 6, 6]);
    expect([...(await cachedBytes(stranger, id, "pdf", { theirs: 1 }, render))]).toEqual([6, 6, 6]);
    expect(render).toHaveBeenCalledTimes(2);
    const rows = await db.evaluationCache.findMany({ where: { decisionId: id, kind: "pdf" } });
    expect(rows.map((r) => [...Buffer.from(r.body, "base64")])).toEqual([[1]]);
  });

  test("entries go with their decision", async () => {
    const id = await blindDecision();
    await cachedBytes(viewer, id, "pdf", { gone: 1 }, async () => new Uint8Array([1]));
    await db.decision.delete({ where: { id } });
    expect(await db.evaluationCache.count({ where: { decisionId: id } })).toBe(0);
  });
});

describe("two instances on one database", () => {
  test("a write through one instance is never answered with the other's stale entry; an unchanged one is shared", async () => {
    const id = await blindDecision();
    const b = await secondInstance();
    expect(b.db).not.toBe(db);
    // Instance A computes and stores; instance B finds it (no computing) for the same inputs.
    const a1 = await outcomeFor(viewer, id);
    const dB = (await b.decisions.getDecision(viewer, id))!;
    const render = vi.fn(async () => new Uint8Array([9]));
    await cachedBytes(viewer, id, "pdf", { shared: true }, async () => new Uint8Array([7]));
    expect([...(await b.cache.cachedBytes(viewer, id, "pdf", { shared: true }, render))]).toEqual([7]);
    expect(render).not.toHaveBeenCalled();
    expect(await b.cache.cachedResult(viewer, dB, reportOptions(dB))).toEqual(a1.fresh);
    expect(await db.evaluationCache.count({ where: { decisionId: id, kind: "result" } })).toBe(1);
    // B writes a score; A reads again: the new evaluation, not the entry it stored before.
    const [c, k] = await Promise.all([
      db.criterion.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "asc" } }),
      db.candidate.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "desc" } }),
    ]);
    const mine = await db.score.findUniqueOrThrow({
      where: { criterionId_candidateId_evaluatorId: { criterionId: c.id, candidateId: k.id, evaluatorId: bo.userId } },
    });
    await b.scores.saveScore(bo, {
      decisionId: id,
      criterionId: c.id,
      candidateId: k.id,
      value: mine.value === 10 ? 0 : 10,
      version: mine.version,
    });
    const a2 = await outcomeFor(viewer, id);
    expect(a2.served).toEqual(a2.fresh);
    expect(a2.fresh).not.toEqual(a1.fresh);
    await b.db.$disconnect();
  });

  test("the other instance storing the same key first fails nobody and leaves one row", async () => {
    // Deterministic on both backends: B stores while A is still computing. The truly simultaneous race needs two
    // connections that can wait on each other, which one SQLite process cannot give: evaluation-cache.pg.test.ts.
    const id = await blindDecision();
    const b = await secondInstance();
    const bytes = new Uint8Array([1, 2]);
    const x = await cachedBytes(viewer, id, "xlsx", { race: 1 }, async () => {
      await b.cache.cachedBytes(viewer, id, "xlsx", { race: 1 }, async () => bytes);
      return bytes;
    });
    expect([...x]).toEqual([1, 2]);
    expect(await db.evaluationCache.count({ where: { decisionId: id, kind: "xlsx" } })).toBe(1);
    await b.db.$disconnect();
  });
});

/** Renames the decision's first candidate through the data layer; returns the new name. */
async function renameFirstCandidate(who: Actor, id: string): Promise<string> {
  const k = await db.candidate.findFirstOrThrow({ where: { decisionId: id }, orderBy: { position: "asc" } });
  const name = `${k.name} renamed`;
  await updateCandidateField(who, { candidateId: k.id, version: k.version, field: "name", base: k.name, value: name });
  return name;
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out: string[] = [];
  wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => out.push(String(c.text)))));
  return out.join("\n");
}

describe("downloads", () => {
  test.each(["pdf", "xlsx"] as const)(
    "%s: the second download is the stored file; after a write the file is rendered anew",
    async (format) => {
      const id = await blindDecision();
      const first = await renderDownload(viewer, id, format, "en");
      const row = await db.evaluationCache.findFirstOrThrow({ where: { decisionId: id, kind: format } });
      expect(Buffer.from(row.body, "base64").equals(Buffer.from(first.body as Uint8Array))).toBe(true);
      // Mark the stored entry: serving it is the only way the marker can come back.
      await db.evaluationCache.update({
        where: { id: row.id },
        data: { body: Buffer.from("marker").toString("base64") },
      });
      expect(Buffer.from((await renderDownload(viewer, id, format, "en")).body as Uint8Array).toString()).toBe(
        "marker",
      );
      // Another language is another file.
      expect(Buffer.from((await renderDownload(viewer, id, format, "zh-CN")).body as Uint8Array).toString()).not.toBe(
        "marker",
      );
      const name = await renameFirstCandidate(admin, id);
      const after = (await renderDownload(viewer, id, format, "en")).body as Uint8Array;
      expect(Buffer.from(after).toString()).not.toBe("marker");
      if (format === "xlsx") expect(await xlsxText(after)).toContain(name);
    },
    60_000,
  );
});
