import "server-only";
// PDF and XLSX files are rendered in a worker thread (lib/export/render-worker.ts), off the thread that serves
// requests: a cold 12 × 20 × 8 PDF is ~0.8 s of CPU (npm run bench:pdf), a 30 × 50 × 12 one several seconds, and in-process every other
// page of the instance waited that long. STACKWISE_RENDER_WORKERS sets how many renders run at once (0 renders on the
// request thread, as before); the default leaves one core for requests.
import os from "node:os";
import { renderJobBytes, type RenderJob } from "@/lib/export/render";
import { env } from "@/lib/env";
import { workerPool, type Pool } from "@/lib/workers/pool";

let pool: Pool<RenderJob, Uint8Array> | null = null;

export function renderWorkers(): number {
  return env().STACKWISE_RENDER_WORKERS ?? Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export async function renderExport(job: RenderJob): Promise<Uint8Array> {
  const size = renderWorkers();
  if (size === 0) return renderJobBytes(job);
  pool ??= workerPool<RenderJob, Uint8Array>({
    name: "export render",
    entry: "lib/export/render-worker.ts",
    size,
    timeoutMs: env().STACKWISE_RENDER_TIMEOUT_MS,
  });
  return pool.run(job);
}

/** The render pool, for tests: which thread rendered the last file, and closing it between tests. */
export function renderPool(): Pool<RenderJob, Uint8Array> | null {
  return pool;
}
