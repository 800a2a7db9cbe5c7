// The worker thread that renders PDF and XLSX exports (lib/server/export-render.ts starts it through
// lib/workers/pool.ts). It receives the report bundle as plain data and returns the file's bytes, moved rather than
// copied back to the request thread.
import { serveJobs } from "@/lib/workers/serve";
import { renderJobBytes, type RenderJob } from "./render";

serveJobs<RenderJob, Uint8Array>(async (job) => {
  const bytes = await renderJobBytes(job);
  // A view into a larger buffer (Node's pooled Buffers) is copied so that only its own bytes are moved.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return { value: own, transfer: [own.buffer as ArrayBuffer] };
});
