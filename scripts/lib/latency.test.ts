import { describe, expect, it } from "vitest";
import { quantile, summarize } from "./latency";

describe("summarize", () => {
  it("gives nearest-rank p50 / p99 and requests per second", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 1…100 in reverse
    const s = summarize(xs, 2000);
    expect(s).toEqual({ count: 100, p50: 50, p99: 99, perSecond: 50 });
    expect(quantile([7], 0.99)).toBe(7);
  });
});
