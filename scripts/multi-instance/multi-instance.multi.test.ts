// Two `next start` instances on one PostgreSQL database behind a real nginx (round robin), as an organisation runs
// Stackwise. Run by the test command's PostgreSQL step (it sets STACKWISE_TEST_PG_ADMIN and builds the app first):
// - two instances migrating and seeding an empty database at the same moment: each migration applied once, one demo;
// - a session made on one instance works on the other; sign-in throttle counts are shared;
// - 50 concurrent editors × 200 writes spread over both: 0 lost updates, every refusal a visible conflict;
// - `kill -9` of one instance mid-write: no acknowledged write lost, the other keeps serving.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { THROTTLE_MAX_PER_ACCOUNT } from "@/lib/auth/policy";
import { DEMO, DEMO_PASSWORD } from "@/e2e/support/auth";
import { callAction, listActions, signInCookie, type ActionResponse } from "@/e2e/support/http-actions";
import { E2E_DIST_DIR } from "@/e2e/support/env";
import { createPgDatabase, dropPgDatabase } from "../lib/pg-admin";
import { prepareInChild, startInstance, startNginx, type Instance, type Proxy } from "./cluster";
import { createLoadFixture } from "./load-fixture";

const ADMIN_URL = process.env.STACKWISE_TEST_PG_ADMIN!;
const EDITORS = 50;
/** 200 in `npm test`; STACKWISE_MULTI_WRITES lowers it for a quick local run of the same checks. */
const WRITES_PER_EDITOR = Number(process.env.STACKWISE_MULTI_WRITES ?? 200);
/** Every fifth write of an editor goes to a criterion weight that nine other editors edit too. */
const CONTESTED_EVERY = 5;
const CRITERIA = 5;
const CANDIDATES = 4;

let url: string;
let db: PrismaClient;
let a: Instance;
let b: Instance;
let proxy: Proxy;
const actionId = (name: string) => {
  const found = listActions(E2E_DIST_DIR).find((x) => x.name === name);
  if (!found) throw new Error(`${name} not in the build`);
  return found.id;
};

beforeAll(async () => {
  url = await createPgDatabase(ADMIN_URL, "stackwise_multi");
  // Two instances starting together on an empty database.
  const [p1, p2] = await Promise.all([prepareInChild(url), prepareInChild(url)]);
  expect(p1.code, p1.output).toBe(0);
  expect(p2.code, p2.output).toBe(0);
  db = createPrismaClient(url);
  [a, b] = await Promise.all([
    startInstance("A", { databaseUrl: url, distDir: E2E_DIST_DIR }),
    startInstance("B", { databaseUrl: url, distDir: E2E_DIST_DIR }),
  ]);
  proxy = await startNginx([a, b]);
}, 300_000);

afterAll(async () => {
  // The instances' own output, for reading after a failure.
  const logs = path.resolve(".test-tmp", "multi-instance");
  fs.mkdirSync(logs, { recursive: true });
  for (const inst of [a, b]) if (inst) fs.writeFileSync(path.join(logs, `${inst.name}.log`), inst.log());
  await proxy?.stop();
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.$disconnect();
  if (url) await dropPgDatabase(url);
});

test("instances that migrate an empty database together apply each migration once and seed one demo", async () => {
  const expected = fs
    .readdirSync(path.resolve("prisma/postgresql/migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
    SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
  expect(rows.map((r) => r.migration_name)).toEqual(expected);
  expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  expect(await db.workspace.count()).toBe(1);
  for (const inst of [a, b]) {
    const res = await fetch(`${inst.baseURL}/api/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, database: "reachable", pendingMigrations: [] });
  }
});

test("a session made on one instance works on the other", async () => {
  const cookie = await signInCookie(a.baseURL, DEMO.admin, DEMO_PASSWORD);
  const anonymous = await fetch(`${b.baseURL}/teams`, { redirect: "manual" });
  expect(anonymous.status).toBeGreaterThanOrEqual(300);
  expect(anonymous.status).toBeLessThan(400);
  const signedIn = await fetch(`${b.baseURL}/teams`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(signedIn.status).toBe(200);
  // Signing out on B ends the session on A too.
  const out = await callAction(b.baseURL, actionId("signOutAction"), [new FormData()], { cookie });
  expect(out.status).toBeLessThan(400);
  const afterOut = await fetch(`${a.baseURL}/teams`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(afterOut.status).not.toBe(200);
});

/** Signs in through the sign-in action; the action's result (undefined when it redirected = signed in). */
async function signIn(baseURL: string, email: string, password: string): Promise<ActionResponse> {
  const form = new FormData();
  form.append("email", email);
  form.append("password", password);
  return callAction(baseURL, actionId("signInAction"), [null, form], { path: "/sign-in" });
}

test("sign-in throttle counts are shared: failures spread over both instances lock the account on either", async () => {
  const email = DEMO.viewer;
  for (let i = 0; i < THROTTLE_MAX_PER_ACCOUNT; i++) {
    const res = await signIn(i % 2 ? b.baseURL : a.baseURL, email, "wrong password!");
    expect(res.result, `attempt ${i + 1}`).toMatchObject({ ok: false, error: "invalidCredentials" });
  }
  // The next attempt — even with the right password, on either instance — waits.
  for (const inst of [a, b]) {
    const res = await signIn(inst.baseURL, email, DEMO_PASSWORD);
    expect(res.result, inst.name).toMatchObject({ ok: false, error: "throttled" });
  }
});

/** A workspace with one decision and `n` architects, each with a session. */
const fixture = (n: number, tag: string) =>
  createLoadFixture(db, { tag, criteria: CRITERIA, candidates: CANDIDATES, editors: n });

type Outcome = { kind: "ok"; version: number; value: number } | { kind: "stale"; current: unknown } | { kind: "lost" };

/** One action call, classified. Anything but success, a version conflict or (when allowed) a dead upstream fails. */
function classify(res: ActionResponse | null, what: string, allowUnanswered: boolean): Outcome {
  if (res === null || res.status === 502 || res.status === 504) {
    if (allowUnanswered) return { kind: "lost" };
    throw new Error(`${what}: no answer (${res?.status ?? "connection failed"})`);
  }
  const r = res.result as { ok: boolean; data?: { version: number; value: number }; error?: string; current?: unknown };
  if (res.status !== 200 || !r) throw new Error(`${what}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  if (r.ok) return { kind: "ok", version: r.data!.version, value: Number(r.data!.value) };
  if (r.error === "stale") return { kind: "stale", current: r.current };
  throw new Error(`${what}: refused with ${r.error} ${JSON.stringify(r)}`);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

test(
  `${EDITORS} concurrent editors × ${WRITES_PER_EDITOR} writes over both instances: no lost update, conflicts answered as conflicts`,
  { timeout: 1_500_000 },
  async () => {
    const f = await fixture(EDITORS, "editors");
    const saveScore = actionId("saveScoreAction");
    const updateField = actionId("updateCriterionFieldAction");
    // Posted to "/" rather than the scores page: the action and its transaction are the same, but the response then
    // carries no re-rendered 70 kB score grid, which would only measure page rendering.
    const page = "/";
    // What each editor was told: per own cell the last acknowledged version and value.
    const acked = new Map<string, { version: number; value: number; writes: number }>();
    // Per contested criterion: every acknowledged weight edit (version → value).
    const weightAcks = new Map<string, Map<number, number>>();
    let conflicts = 0;
    const latencies: number[] = [];
    const started = Date.now();

    await Promise.all(
      f.editors.map(async (ed, e) => {
        const versions = new Map<string, number | null>();
        const contested = f.criteria[e % CRITERIA];
        let known = { version: 1, weight: 1 };
        let own = 0;
        for (let w = 0; w < WRITES_PER_EDITOR; w++) {
          const t0 = performance.now();
          if (w % CONTESTED_EVERY === CONTESTED_EVERY - 1) {
            const weight = 1 + ((e * 7 + w) % 9);
            const res = await callAction(
              proxy.baseURL,
              updateField,
              [
                {
                  criterionId: contested,
                  version: known.version,
                  field: "weight",
                  base: known.weight,
                  value: String(weight),
                },
              ],
              { cookie: ed.cookie, path: page },
            );
            const o = classify(res, `editor ${e} weight write ${w}`, false);
            if (o.kind === "ok") {
              if (!weightAcks.has(contested)) weightAcks.set(contested, new Map());
              expect(weightAcks.get(contested)!.has(o.version), "two acknowledged edits made the same version").toBe(
                false,
              );
              weightAcks.get(contested)!.set(o.version, weight);
              known = { version: o.version, weight };
            } else if (o.kind === "stale") {
              conflicts++;
              // The field conflict names their value and carries the row as it is now.
              const conflict = o.current as { field: string; theirs: number; row: { version: number; weight: number } };
              expect(conflict.field).toBe("weight");
              expect(conflict.row.version, "a conflict carries the row as it is now").toBeGreaterThan(known.version);
              expect(conflict.theirs).toBe(conflict.row.weight);
              known = { version: conflict.row.version, weight: conflict.row.weight };
            }
          } else {
            // Own writes walk the editor's 20 cells in turn (counted apart from the contested ones, so every cell gets some).
            const cell = own++ % (CRITERIA * CANDIDATES);
            const criterionId = f.criteria[Math.floor(cell / CANDIDATES)];
            const candidateId = f.candidates[cell % CANDIDATES];
            const key = `${ed.userId}|${criterionId}|${candidateId}`;
            const value = (e + w) % 11;
            const res = await callAction(
              proxy.baseURL,
              saveScore,
              [{ decisionId: f.decisionId, criterionId, candidateId, value, version: versions.get(key) ?? null }],
              { cookie: ed.cookie, path: page },
            );
            const o = classify(res, `editor ${e} score write ${w}`, false);
            // Nobody else writes an editor's own cells: any conflict here would be a lost or phantom update.
            if (o.kind !== "ok") throw new Error(`editor ${e} write ${w}: own cell answered ${o.kind}`);
            expect(o.value).toBe(value);
            versions.set(key, o.version);
            acked.set(key, { version: o.version, value, writes: (acked.get(key)?.writes ?? 0) + 1 });
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `multi-instance: ${latencies.length} writes in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s), ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, ${conflicts} conflicts`,
    );

    // Own cells: each holds the last acknowledged value, with exactly as many versions as acknowledged writes.
    const scores = await db.score.findMany({ where: { criterion: { decisionId: f.decisionId } } });
    expect(scores).toHaveLength(acked.size);
    const ownWrites = WRITES_PER_EDITOR - Math.floor(WRITES_PER_EDITOR / CONTESTED_EVERY);
    expect(scores).toHaveLength(EDITORS * Math.min(ownWrites, CRITERIA * CANDIDATES));
    for (const s of scores) {
      const ack = acked.get(`${s.evaluatorId}|${s.criterionId}|${s.candidateId}`)!;
      expect({ value: s.value, version: s.version }).toEqual({ value: ack.value, version: ack.writes });
    }
    // Contested rows: version = 1 + acknowledged edits (none lost, none phantom); the stored weight is the newest's.
    expect(conflicts).toBeGreaterThan(0);
    for (const id of f.criteria) {
      const row = await db.criterion.findUniqueOrThrow({ where: { id } });
      const edits = weightAcks.get(id) ?? new Map<number, number>();
      expect(row.version).toBe(1 + edits.size);
      expect([...edits.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: edits.size }, (_, i) => i + 2));
      if (edits.size) expect(row.weight).toBe(edits.get(row.version));
    }
    // Round robin really spread the writes over both instances (nginx's access log names the upstream of each).
    const served = proxy.upstreamCounts();
    for (const inst of [a, b]) expect(served.get(`127.0.0.1:${inst.port}`) ?? 0).toBeGreaterThan(latencies.length / 4);
  },
);

test(
  "kill -9 of one instance mid-write loses no acknowledged write, and the other keeps serving",
  { timeout: 600_000 },
  async () => {
    const f = await fixture(20, "kill");
    const saveScore = actionId("saveScoreAction");
    const page = `/decisions/${f.decisionId}/scores`;
    const acked = new Map<string, { version: number; value: number }>();
    let killedAt = 0;
    let unanswered = 0;
    let okAfterKill = 0;
    const stopAt = Date.now() + 25_000;
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, 4_000));
      killedAt = Date.now();
      await a.kill("SIGKILL");
    })();
    await Promise.all(
      f.editors.map(async (ed, e) => {
        const versions = new Map<string, number | null>();
        for (let w = 0; Date.now() < stopAt; w++) {
          const cell = w % (CRITERIA * CANDIDATES);
          const criterionId = f.criteria[Math.floor(cell / CANDIDATES)];
          const candidateId = f.candidates[cell % CANDIDATES];
          const key = `${ed.userId}|${criterionId}|${candidateId}`;
          const value = (e * 3 + w) % 11;
          let res: ActionResponse | null;
          try {
            res = await callAction(
              proxy.baseURL,
              saveScore,
              [{ decisionId: f.decisionId, criterionId, candidateId, value, version: versions.get(key) ?? null }],
              { cookie: ed.cookie, path: page },
            );
          } catch {
            res = null;
          }
          const o = classify(res, `editor ${e} write ${w}`, true);
          if (o.kind === "lost") {
            // The request died with instance A: it may or may not have committed. Learn the truth like a client would.
            unanswered++;
            versions.delete(key);
            const row = await db.score.findFirst({ where: { evaluatorId: ed.userId, criterionId, candidateId } });
            versions.set(key, row?.version ?? null);
            continue;
          }
          if (o.kind === "stale") {
            const cur = o.current as { version: number } | null;
            versions.set(key, cur?.version ?? null);
            continue;
          }
          versions.set(key, o.version);
          acked.set(key, { version: o.version, value });
          if (killedAt && Date.now() > killedAt + 1_000) okAfterKill++;
        }
      }),
    );
    await killer;
    console.log(
      `kill -9: ${acked.size} cells acknowledged, ${unanswered} requests unanswered, ${okAfterKill} writes served after the kill`,
    );
    expect(okAfterKill).toBeGreaterThan(0);
    for (const [key, ack] of acked) {
      const [evaluatorId, criterionId, candidateId] = key.split("|");
      const row = await db.score.findFirstOrThrow({ where: { evaluatorId, criterionId, candidateId } });
      // Acknowledged means stored: the row is at that version or (a later write went through) beyond it.
      expect(row.version).toBeGreaterThanOrEqual(ack.version);
      if (row.version === ack.version) expect(row.value).toBe(ack.value);
    }
    const ready = await fetch(`${proxy.baseURL}/api/ready`);
    expect(ready.status).toBe(200);
  },
);
