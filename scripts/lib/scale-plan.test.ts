import { describe, expect, it } from "vitest";
import { LARGEST, TARGET, planDecisions, scoresOf, splitByWeight } from "./scale-plan";

describe("planDecisions", () => {
  const plan = planDecisions(1000, 1_000_000);
  it("has 1,000 decisions whose scores sum to about 1M", () => {
    expect(plan).toHaveLength(1000);
    const total = plan.reduce((n, s) => n + s.candidates * s.criteria * s.evaluators, 0);
    expect(Math.abs(total - 1_000_000)).toBeLessThan(20_000);
  });
  it("starts with the issue's 12 × 20 × 8 decision and the 30 × 50 × 12 one", () => {
    expect(plan[0]).toEqual({ candidates: 12, criteria: 20, evaluators: 8 });
    expect(plan[1]).toEqual({ candidates: 30, criteria: 50, evaluators: 12 });
  });
  it("keeps every shape within the issue's bounds and mixes sizes", () => {
    for (const s of plan) {
      expect(s.candidates).toBeGreaterThanOrEqual(2);
      expect(s.candidates).toBeLessThanOrEqual(30);
      expect(s.criteria).toBeGreaterThanOrEqual(2);
      expect(s.criteria).toBeLessThanOrEqual(50);
      expect(s.evaluators).toBeGreaterThanOrEqual(1);
      expect(s.evaluators).toBeLessThanOrEqual(12);
    }
    const sizes = plan.map(scoresOf);
    expect(Math.min(...sizes)).toBeLessThan(200);
    expect(Math.max(...sizes)).toBe(18_000);
  });
  it("scales down for a short run", () => {
    const small = planDecisions(10, 10_000);
    expect(small).toHaveLength(10);
    expect(small[0]).toEqual(TARGET);
    expect(small[1]).toEqual(LARGEST);
  });
});

describe("splitByWeight", () => {
  it("sums exactly and follows the weights", () => {
    expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeight(2_000_000, [3, 1])).toEqual([1_500_000, 500_000]);
    expect(splitByWeight(5, [0, 0])).toEqual([0, 0]);
  });
});
