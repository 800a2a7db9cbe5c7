// Benchmark tool output → metric snapshot rows (the JSON /api/v1/decisions/{id}/facts/bulk takes and the facts page
// imports). Pure: the CLI in scripts/bench-to-snapshot.ts reads the files and posts the result.

export type BenchTool = "autocannon" | "k6" | "wrk";

export interface BenchFigures {
  /** Requests per second. */
  throughput: number;
  /** 99th percentile latency in milliseconds. */
  p99Ms: number;
  /** When the run was measured (ISO time), if the tool says. */
  measuredAt: string | null;
  note: string;
}

/** A nested field of parsed JSON, or undefined. */
function dig(v: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
    v,
  );
}

/** `autocannon --json` output: requests.average is req/s, latency.p99 is ms. */
function fromAutocannon(json: unknown): BenchFigures {
  const rps = Number(dig(json, "requests", "average"));
  const p99 = Number(dig(json, "latency", "p99"));
  if (!Number.isFinite(rps) || !Number.isFinite(p99))
    throw new Error("not autocannon --json output (requests.average, latency.p99)");
  const start = dig(json, "start");
  return {
    throughput: rps,
    p99Ms: p99,
    measuredAt: typeof start === "string" ? start : null,
    note: `autocannon -c ${String(dig(json, "connections") ?? "?")} -d ${String(dig(json, "duration") ?? "?")}`,
  };
}

/**
 * `k6 run --summary-export=out.json` (with `--summary-trend-stats "avg,p(95),p(99)"` so p(99) is present):
 * metrics.http_reqs.rate is req/s, metrics.http_req_duration["p(99)"] is ms.
 */
function fromK6(json: unknown): BenchFigures {
  const rps = Number(dig(json, "metrics", "http_reqs", "rate"));
  const p99 = Number(dig(json, "metrics", "http_req_duration", "p(99)"));
  if (!Number.isFinite(rps)) throw new Error("not a k6 summary export (metrics.http_reqs.rate)");
  if (!Number.isFinite(p99))
    throw new Error('k6 summary has no p(99): run k6 with --summary-trend-stats "avg,p(95),p(99)"');
  return { throughput: rps, p99Ms: p99, measuredAt: null, note: "k6" };
}

const WRK_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** `wrk --latency` text: "Requests/sec: 9842.11" and the "99%  12.34ms" line of the latency distribution. */
function fromWrk(text: string): BenchFigures {
  const rps = /Requests\/sec:\s*([\d.]+)/.exec(text);
  const p99 = /^\s*99(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\b/m.exec(text);
  if (!rps) throw new Error("not wrk output (no Requests/sec line)");
  if (!p99) throw new Error("wrk output has no 99% line: run wrk with --latency");
  const conns = /(\d+) threads and (\d+) connections/.exec(text);
  return {
    throughput: Number(rps[1]),
    p99Ms: Number(p99[1]) * WRK_UNITS[p99[2]!]!,
    measuredAt: null,
    note: conns ? `wrk -t${conns[1]} -c${conns[2]}` : "wrk",
  };
}

export function parseBench(tool: BenchTool, content: string): BenchFigures {
  if (tool === "wrk") return fromWrk(content);
  const json: unknown = JSON.parse(content);
  return tool === "k6" ? fromK6(json) : fromAutocannon(json);
}

export interface SnapshotOptions {
  throughputCriterion: string;
  latencyCriterion: string;
  source: string;
  /** Used when the tool does not say when it ran. */
  now: Date;
}

/** One candidate's run → its two rows (throughput in QPS, p99 in ms). */
export function snapshotRows(candidate: string, f: BenchFigures, o: SnapshotOptions) {
  const measuredAt = f.measuredAt ?? o.now.toISOString();
  const common = { candidate, source: o.source, note: f.note, measuredAt };
  return [
    { ...common, criterion: o.throughputCriterion, value: Math.round(f.throughput * 100) / 100, unit: "QPS" },
    { ...common, criterion: o.latencyCriterion, value: Math.round(f.p99Ms * 1000) / 1000, unit: "ms" },
  ];
}
