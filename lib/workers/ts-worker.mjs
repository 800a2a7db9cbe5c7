// The entry file of every worker thread the server starts (lib/workers/pool.ts). Node runs only JavaScript and the
// app's server code is TypeScript, so the worker loads tsx's loader itself and then imports the TypeScript module the
// pool names: whatever the parent was started with (tsx, Next's bundled server, vitest), the worker runs the same
// source files the same way.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
