// A small in-process load generator: `connections` loops each sending one request after another for a warm-up and
// then a measured period; a request counts when `send` resolves true. No external tool, traffic only to loopback.
import { type LatencySummary, summarize } from "./latency";

export interface LoadResult extends LatencySummary {
  failures: number;
  /** The first few failure reasons, to say why a column is empty. */
  reasons: string[];
}

export async function runLoad(
  send: (connection: number, n: number) => Promise<boolean | string>,
  opts: {
    connections: number;
    warmupMs: number;
    durationMs: number;
    maxRequests?: number;
    minRequests?: number;
    /** Ends the load early: no connection starts another request once it returns true (a background load). */
    stop?: () => boolean;
  },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const reasons: string[] = [];
  let failures = 0;
  let sent = 0;
  const startedAt = performance.now();
  const measureFrom = startedAt + opts.warmupMs;
  const stopAt = measureFrom + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, c) => {
      // Past the period, a connection goes on until `minRequests` were measured in all (a slow page, e.g. a PDF,
      // would otherwise have no figure).
      const more = () =>
        !opts.stop?.() && (performance.now() < stopAt || sent < (opts.minRequests ?? 2 * opts.connections));
      for (let n = 0; more(); n++) {
        if (opts.maxRequests !== undefined && sent >= opts.maxRequests) break;
        const t0 = performance.now();
        let outcome: boolean | string;
        try {
          outcome = await send(c, n);
        } catch (e) {
          outcome = (e as Error).message;
        }
        const t1 = performance.now();
        if (t0 < measureFrom) continue;
        sent++;
        if (outcome === true) latencies.push(t1 - t0);
        else {
          failures++;
          if (reasons.length < 3) reasons.push(typeof outcome === "string" ? outcome : "failed");
        }
      }
    }),
  );
  const elapsed = Math.max(1, performance.now() - measureFrom);
  return { ...summarize(latencies, elapsed), failures, reasons };
}

/** GET that reads the whole body (as a browser or download would) and succeeds on a 200. */
export async function fetchOk(url: string, headers: Record<string, string> = {}): Promise<boolean | string> {
  const res = await fetch(url, { headers, redirect: "manual" });
  await res.arrayBuffer();
  return res.status === 200 ? true : `HTTP ${res.status} ${new URL(url).pathname}`;
}
