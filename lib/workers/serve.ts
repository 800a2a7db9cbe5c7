// The worker side of lib/workers/pool.ts: a module started by the pool calls serveJobs once with its handler, and
// answers each job the pool posts, one at a time, with its value or its error.
import { parentPort, threadId } from "node:worker_threads";
import type { JobMessage, ReplyMessage } from "./pool";

export interface JobOutput<Out> {
  value: Out;
  /** ArrayBuffers to move to the parent instead of copying (a rendered file's bytes). */
  transfer?: ArrayBuffer[];
}

export function serveJobs<Job, Out>(handle: (job: Job) => Promise<JobOutput<Out>>): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs runs in a worker thread started by lib/workers/pool.ts");
  port.on("message", async ({ id, job }: JobMessage<Job>) => {
    let reply: ReplyMessage<Out>;
    let transfer: ArrayBuffer[] = [];
    try {
      const out = await handle(job);
      reply = { id, ok: true, value: out.value, threadId };
      transfer = out.transfer ?? [];
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      reply = { id, ok: false, message: error.message, stack: error.stack ?? null, threadId };
    }
    port.postMessage(reply, transfer);
  });
  // Tells the pool the module and everything it imports loaded: a worker that fails before this is a start failure.
  port.postMessage({ ready: true });
}
