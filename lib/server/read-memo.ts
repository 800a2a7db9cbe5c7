import "server-only";
// Reads of a decision computed once per version of their inputs, in this process's memory (issue 14). The key is the
// decision's input stamp (lib/server/input-stamp.ts: its row, its team's row and the trigger-kept revision counters,
// read from the database on every call), who is looking, and the read's own options. A write anywhere — this
// instance, another one behind the proxy, an import, a script — moves the stamp in the same transaction, so an entry
// computed before it can never be served after it; nothing has to be told to invalidate. Entries are frozen: a
// caller that tried to change one would throw rather than corrupt what the next request is served.
//
// The database-backed evaluation cache (lib/server/evaluation-cache.ts) keeps what is slow to compute and worth
// sharing between instances (the Monte Carlo run, PDF and XLSX bytes); this one keeps what is quick to compute but
// read on every view (the decision's rows, the JSON export, the API's results).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "./actor";
import { readInputStamp, viewOf, type InputStamp } from "./input-stamp";

/** Roughly how much memory entries may hold before the least recently used go, in bytes. */
const BUDGET = Number(process.env.STACKWISE_READ_MEMO_BYTES ?? 96 * 1024 * 1024);

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}

// Map order is the recency order: a hit moves its entry to the end, eviction takes from the front.
const entries = new Map<string, Entry>();
let held = 0;
const bypass = new AsyncLocalStorage<true>();

/** Runs `fn` with every memoised read computed afresh (tests compare a served read with a fresh one). */
export function withoutReadMemo<T>(fn: () => Promise<T>): Promise<T> {
  return bypass.run(true, fn);
}

export interface MemoSpec<T> {
  /** What the read is ("detail", "json", "api-results"): reads of one stamp differ by it. */
  kind: string;
  /** Everything else the read depends on besides the stamp and the viewer (options, sample counts). */
  parts?: unknown;
  /**
   * The same for every viewer (rows read before the blind scoring rule is applied; the caller applies it to what it
   * is served). Otherwise the read is kept per view (input-stamp.ts, viewOf).
   */
  shared?: boolean;
  compute: (stamp: InputStamp) => Promise<T>;
  /** An estimate of the value's size in bytes, for the memory budget. */
  size: (value: T) => number;
}

/**
 * The read `spec.compute` makes for this actor, served from memory while the decision's inputs are unchanged; null
 * when the actor's workspace has no such decision. `compute` must read only rows the stamp covers
 * (lib/db/input-revisions.ts), as the actor may see them. The caller authorises first: a hit runs no code of the read.
 */
export async function memoRead<T>(actor: Actor, decisionId: string, spec: MemoSpec<T>): Promise<T | null> {
  // Read first: rows read after it are at least as new as the stamp, so what is stored under it is never older.
  const stamp = await readInputStamp(actor, decisionId);
  if (!stamp) return null;
  if (bypass.getStore()) return spec.compute(stamp);
  const key = JSON.stringify([spec.kind, spec.shared ? "*" : viewOf(actor, stamp), spec.parts ?? null, stamp.key]);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  // The promise is the entry, so simultaneous requests for the same read compute it once.
  const entry: Entry = { value: Promise.resolve(), bytes: 0 };
  entry.value = spec.compute(stamp).then(
    (value) => {
      // Evicted while it was being computed: served to whoever waited for it, but not counted.
      if (entries.get(key) === entry) {
        entry.bytes = spec.size(value);
        held += entry.bytes;
        evict();
      }
      return deepFreeze(value);
    },
    (e) => {
      if (entries.get(key) === entry) entries.delete(key);
      throw e;
    },
  );
  entries.set(key, entry);
  return entry.value as Promise<T>;
}

function evict() {
  for (const [key, e] of entries) {
    if (held <= BUDGET) break;
    entries.delete(key);
    held -= e.bytes;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** For tests and the benchmark: what is held now. */
export function readMemoStats() {
  return { entries: entries.size, bytes: held };
}
