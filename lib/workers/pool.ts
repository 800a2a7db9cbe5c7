import "server-only";
// A small pool of worker threads for CPU-bound jobs that would otherwise run on the request thread. A PDF render is
// 0.3–2 s of synchronous layout, font subsetting and compression; on the thread that serves requests it stalls every
// other request of the instance for that long (the bench saw list and page p99 of seconds while exports rendered).
// Jobs run in order, one per worker at a time; a worker that crashes or overruns its time is replaced, and only the job
// it was running fails. Workers start on the first job, keep what they loaded (fonts) between jobs, and never keep the
// process alive on their own.
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Posted to a worker: one job. */
export interface JobMessage<Job> {
  id: number;
  job: Job;
}

/** Posted back by lib/workers/serve.ts: the job's value or its error, and which thread ran it. */
export type ReplyMessage<Out> =
  | { id: number; ok: true; value: Out; threadId: number }
  | { id: number; ok: false; message: string; stack: string | null; threadId: number };

export interface PoolOptions {
  /** The TypeScript module the workers run (it calls serveJobs), relative to the project root. */
  entry: string;
  /** Workers at most; more jobs wait in order. */
  size: number;
  /** A job that runs longer fails, and its worker is ended (a render stuck in a loop must not hold a thread forever). */
  timeoutMs: number;
  /** Names the pool in errors and logs. */
  name: string;
}

export interface Pool<Job, Out> {
  run(job: Job, transfer?: ArrayBuffer[]): Promise<Out>;
  /** Ends every worker; jobs still waiting or running fail. */
  close(): Promise<void>;
  /** Threads that ran jobs, for tests: a job's value arrives with the id of the thread that computed it. */
  lastThreadId(): number | null;
}

interface Waiting<Job, Out> {
  id: number;
  job: Job;
  transfer: ArrayBuffer[];
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

interface Slot<Job, Out> {
  worker: Worker;
  ready: boolean;
  running: (Waiting<Job, Out> & { timer: NodeJS.Timeout }) | null;
  /** The error the worker died of, reported before its exit event. */
  died: Error | null;
}

/** The JavaScript file every worker starts from; it loads tsx and then the pool's TypeScript entry. */
const BOOT = "lib/workers/ts-worker.mjs";

export function workerPool<Job, Out>(options: PoolOptions): Pool<Job, Out> {
  const root = process.cwd();
  const slots: Slot<Job, Out>[] = [];
  const queue: Waiting<Job, Out>[] = [];
  let nextId = 1;
  let lastThread: number | null = null;
  let closed = false;

  const failure = (message: string, cause?: Error) =>
    new Error(`${options.name}: ${message}`, cause ? { cause } : undefined);

  const dispatch = () => {
    while (queue.length) {
      const idle = slots.find((s) => s.ready && !s.running);
      if (!idle) {
        // A worker still starting takes the next job once it is ready; start one only when none is starting.
        if (slots.length < options.size && slots.every((s) => s.ready)) spawn();
        return;
      }
      const job = queue.shift()!;
      const timer = setTimeout(() => {
        idle.died = failure(`a job ran longer than ${options.timeoutMs} ms; its worker was ended`);
        void idle.worker.terminate();
      }, options.timeoutMs);
      timer.unref();
      idle.running = { ...job, timer };
      idle.worker.postMessage({ id: job.id, job: job.job } satisfies JobMessage<Job>, job.transfer);
    }
  };

  const spawn = () => {
    // Both paths are files in the checkout read at run time, not modules of the server bundle: without the ignore
    // comments Next's bundler would try to bundle the worker (and tsx with esbuild's binary) into every route using it.
    const worker = new Worker(path.join(/*turbopackIgnore: true*/ root, BOOT), {
      workerData: { entry: path.join(/*turbopackIgnore: true*/ root, options.entry) },
    });
    worker.unref();
    const slot: Slot<Job, Out> = { worker, ready: false, running: null, died: null };
    slots.push(slot);
    worker.on("message", (msg: ReplyMessage<Out> | { ready: true }) => {
      if ("ready" in msg) {
        slot.ready = true;
        return dispatch();
      }
      const job = slot.running;
      if (!job || job.id !== msg.id) return;
      clearTimeout(job.timer);
      slot.running = null;
      lastThread = msg.threadId;
      if (msg.ok) job.resolve(msg.value);
      else {
        const error = failure(msg.message);
        if (msg.stack) error.stack = `${error.message}\n  in the worker: ${msg.stack}`;
        job.reject(error);
      }
      dispatch();
    });
    worker.on("error", (e) => {
      slot.died ??= e;
    });
    worker.on("exit", (code) => {
      slots.splice(slots.indexOf(slot), 1);
      const cause = slot.died ?? undefined;
      if (slot.running) {
        clearTimeout(slot.running.timer);
        slot.running.reject(
          slot.died?.message.startsWith(options.name)
            ? slot.died
            : failure(`its worker stopped (exit code ${code}) while running a job`, cause),
        );
      }
      if (!slot.ready) {
        // The module did not load (a missing file, an import that throws): every new worker would fail the same way,
        // so the jobs waiting fail now instead of starting worker after worker.
        const error = failure(`a worker could not start (exit code ${code})`, cause);
        // Ended by close() while starting is not a failure worth a log line.
        if (cause && !closed) console.error(`[${options.name}] worker start failed:`, cause);
        for (const job of queue.splice(0)) job.reject(error);
        return;
      }
      if (!closed) dispatch();
    });
  };

  return {
    run(job, transfer = []) {
      if (closed) return Promise.reject(failure("the pool is closed"));
      return new Promise<Out>((resolve, reject) => {
        queue.push({ id: nextId++, job, transfer, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const error = failure("the pool was closed");
      for (const job of queue.splice(0)) job.reject(error);
      await Promise.all(
        slots.map((s) => {
          s.died ??= error;
          return s.worker.terminate();
        }),
      );
    },
    lastThreadId: () => lastThread,
  };
}
