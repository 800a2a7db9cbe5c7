import { describe, expect, test } from "vitest";
import { parseBench, snapshotRows } from "./bench-parse";

// Samples shaped like each tool's real output (trimmed); the figures below are read off them by eye.
const WRK = `Running 30s test @ http://127.0.0.1:8080/orders
  4 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.51ms    2.10ms  41.20ms   80.12%
  Latency Distribution
     50%    6.10ms
     75%    7.40ms
     90%    9.02ms
     99%   14.75ms
  295263 requests in 30.00s, 41.12MB read
Requests/sec:   9842.11
Transfer/sec:      1.37MB
`;

describe("benchmark output → snapshot rows", () => {
  test("wrk --latency: Requests/sec and the 99% line (ms, or µs converted)", () => {
    expect(parseBench("wrk", WRK)).toEqual({
      throughput: 9842.11,
      p99Ms: 14.75,
      measuredAt: null,
      note: "wrk -t4 -c64",
    });
    expect(parseBench("wrk", WRK.replace("14.75ms", "850.00us")).p99Ms).toBeCloseTo(0.85, 12);
    expect(() => parseBench("wrk", "Requests/sec: 1")).toThrow(/--latency/);
  });

  test("autocannon --json: requests.average and latency.p99, start as the time", () => {
    const out = JSON.stringify({
      connections: 64,
      duration: 30,
      start: "2026-11-30T08:15:00.000Z",
      requests: { average: 11000.5, mean: 11000.5 },
      latency: { average: 5.2, p99: 9 },
    });
    expect(parseBench("autocannon", out)).toEqual({
      throughput: 11000.5,
      p99Ms: 9,
      measuredAt: "2026-11-30T08:15:00.000Z",
      note: "autocannon -c 64 -d 30",
    });
  });

  test("k6 summary export needs p(99)", () => {
    const ok = JSON.stringify({ metrics: { http_reqs: { rate: 2000.25 }, http_req_duration: { "p(99)": 40.5 } } });
    expect(parseBench("k6", ok)).toMatchObject({ throughput: 2000.25, p99Ms: 40.5 });
    const noP99 = JSON.stringify({ metrics: { http_reqs: { rate: 1 }, http_req_duration: { "p(95)": 3 } } });
    expect(() => parseBench("k6", noP99)).toThrow(/summary-trend-stats/);
  });

  test("rows carry units, source, note and the day", () => {
    const rows = snapshotRows("Gin", parseBench("wrk", WRK), {
      throughputCriterion: "Throughput",
      latencyCriterion: "P99 latency",
      source: "https://ci.example.com/run/1",
      now: new Date("2026-11-30T10:00:00Z"),
    });
    expect(rows).toEqual([
      {
        candidate: "Gin",
        criterion: "Throughput",
        value: 9842.11,
        unit: "QPS",
        source: "https://ci.example.com/run/1",
        note: "wrk -t4 -c64",
        measuredAt: "2026-11-30T10:00:00.000Z",
      },
      {
        candidate: "Gin",
        criterion: "P99 latency",
        value: 14.75,
        unit: "ms",
        source: "https://ci.example.com/run/1",
        note: "wrk -t4 -c64",
        measuredAt: "2026-11-30T10:00:00.000Z",
      },
    ]);
  });
});
