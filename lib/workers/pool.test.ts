// The worker pool against real worker threads (lib/workers/fixtures): values and errors come back to the right job,
// jobs run off the calling thread, a crashed, stuck or unloadable worker fails only what it must and is replaced.
import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, test } from "vitest";
import type { FixtureJob } from "./fixtures/echo-worker";
import { workerPool, type Pool } from "./pool";

const pools: Pool<unknown, unknown>[] = [];
function pool(size = 1, timeoutMs = 30_000, entry = "lib/workers/fixtures/echo-worker.ts") {
  const p = workerPool<FixtureJob, unknown>({ name: "fixture pool", entry, size, timeoutMs });
  pools.push(p as Pool<unknown, unknown>);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("worker pool", () => {
  test("answers each job with its own value, from another thread", async () => {
    const p = pool(2);
    const out = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => p.run({ kind: "double", n })));
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(p.lastThreadId()).not.toBeNull();
    expect(p.lastThreadId()).not.toBe(threadId);
  }, 60_000);

  test("moves bytes back intact", async () => {
    const bytes = (await pool().run({ kind: "bytes", size: 300_000 })) as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(300_000);
    expect([bytes[0], bytes[250], bytes[251], bytes[299_999]]).toEqual([0, 250, 0, 299_999 % 251]);
  }, 60_000);

  test("a job's error fails that job only, with the worker's message", async () => {
    const p = pool();
    const [bad, good] = await Promise.allSettled([
      p.run({ kind: "throw", message: "no such font" }),
      p.run({ kind: "double", n: 21 }),
    ]);
    expect(bad.status).toBe("rejected");
    expect((bad as PromiseRejectedResult).reason.message).toBe("fixture pool: no such font");
    expect(good).toEqual({ status: "fulfilled", value: 42 });
  }, 60_000);

  test("a worker that exits mid-job fails that job, and the next job gets a new worker", async () => {
    const p = pool();
    const first = await p.run({ kind: "double", n: 1 });
    const before = p.lastThreadId();
    await expect(p.run({ kind: "exit" })).rejects.toThrow(/fixture pool: its worker stopped \(exit code 3\)/);
    expect(await p.run({ kind: "double", n: 5 })).toBe(10);
    expect(first).toBe(2);
    expect(p.lastThreadId()).not.toBe(before);
  }, 60_000);

  test("a job past its time fails and its worker is replaced", async () => {
    const p = pool(1, 1_500);
    await expect(p.run({ kind: "hang" })).rejects.toThrow(/ran longer than 1500 ms/);
    expect(await p.run({ kind: "double", n: 4 })).toBe(8);
  }, 60_000);

  test("a module that cannot load fails the waiting jobs at once instead of restarting forever", async () => {
    const p = pool(1, 30_000, "lib/workers/fixtures/broken-worker.ts");
    const results = await Promise.allSettled([p.run({ kind: "double", n: 1 }), p.run({ kind: "double", n: 2 })]);
    for (const r of results) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason.message).toMatch(/fixture pool: a worker could not start/);
      expect(String((r as PromiseRejectedResult).reason.cause)).toContain("this module cannot load");
    }
  }, 60_000);

  test("while a worker computes, the calling thread keeps serving its timers", async () => {
    const p = pool();
    await p.run({ kind: "double", n: 0 }); // started and loaded
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const spun = await p.run({ kind: "spin", ms: 600 });
    clearInterval(timer);
    expect(spun).toBe(600);
    // 600 ms of blocking on this thread would allow zero ticks; even a heavily loaded machine gives a few.
    expect(ticks).toBeGreaterThan(5);
  }, 60_000);

  test("closing fails the running and the waiting jobs and refuses new ones", async () => {
    const p = pool();
    await p.run({ kind: "double", n: 0 });
    const running = expect(p.run({ kind: "hang" })).rejects.toThrow(/fixture pool: the pool was closed/);
    const waiting = expect(p.run({ kind: "double", n: 1 })).rejects.toThrow(/fixture pool: the pool was closed/);
    await p.close();
    await running;
    await waiting;
    await expect(p.run({ kind: "double", n: 1 })).rejects.toThrow(/the pool is closed/);
  }, 60_000);
});
