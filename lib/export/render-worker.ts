// The worker thread that renders PDF and XLSX exports (lib/server/export-render.ts starts it through
// lib/workers/pool.ts). It receives the report bundle as plain data and returns the file's bytes, moved rather than
// copied back to the request thread.
import { serveJobs } from "@/lib/workers/serve";
import { renderBundle, type RenderJob } from "./render";

serveJobs<RenderJob, Uint8Array>(async ({ bundle, format, locale }) => {
  const out = await renderBundle(bundle, format, locale);
  const bytes = typeof out === "string" ? new TextEncoder().encode(out) : out;
  // A view into a larger buffer (Node's pooled Buffers) is copied so that only its own bytes are moved.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return { value: own, transfer: [own.buffer as ArrayBuffer] };
});
