import { describe, expect, test } from "vitest";
import { metricPoints, metricReference, ratingPoints } from "./normalise";

describe("ratingPoints", () => {
  // s = 10(x − lo)/(hi − lo) for benefit, 10(hi − x)/(hi − lo) for cost — worked by hand.
  test.each([
    [7, 0, 10, "BENEFIT", 7], // a 0–10 benefit rating keeps its value
    [7, 0, 10, "COST", 3],
    [3, 1, 5, "BENEFIT", 5], // 10·2/4
    [3, 1, 5, "COST", 5],
    [1, 1, 5, "BENEFIT", 0],
    [5, 1, 5, "COST", 0],
    [4, 1, 10, "BENEFIT", 10 / 3], // 10·3/9
    [-2, -5, 5, "BENEFIT", 3], // 10·3/10
  ] as const)("x=%s on [%s,%s] %s → %s", (x, lo, hi, dir, expected) => {
    expect(ratingPoints(x, lo, hi, dir)).toBeCloseTo(expected, 12);
  });
});

describe("metric points: Go vs Python (hand-computed)", () => {
  const go = { qps: 9842, latency: 50.7, errorRate: 0, memory: 96, pkg: 15 };
  const py = { qps: 6135, latency: 81.3, errorRate: 0.12, memory: 512, pkg: 300 };

  test("default references: with two candidates the better one gets 10 and the other 0 on every metric", () => {
    const cases = [
      ["BENEFIT", go.qps, py.qps],
      ["COST", go.latency, py.latency],
      ["COST", go.errorRate, py.errorRate],
      ["COST", go.memory, py.memory],
      ["COST", go.pkg, py.pkg],
    ] as const;
    for (const [direction, g, p] of cases) {
      const ref = metricReference({ direction }, [g, p])!;
      expect(metricPoints(g, ref)).toBe(10);
      expect(metricPoints(p, ref)).toBe(0);
    }
  });

  // Explicit references (worst → best):
  //   QPS 0 → 10000:      Go 10·9842/10000 = 9.842;        Python 10·6135/10000 = 6.135
  //   latency 200 → 0 ms:  Go 10·(50.7−200)/(−200) = 7.465;  Python 10·(81.3−200)/(−200) = 5.935
  //   error 1 → 0 %:       Go 10;                            Python 10·(0.12−1)/(−1) = 8.8
  //   memory 1024 → 0 MB:  Go 10·(96−1024)/(−1024) = 9.0625; Python 10·(512−1024)/(−1024) = 5
  //   package 500 → 0 MB:  Go 10·(15−500)/(−500) = 9.7;      Python 10·(300−500)/(−500) = 4
  test.each([
    ["BENEFIT", 0, 10000, go.qps, py.qps, 9.842, 6.135],
    ["COST", 200, 0, go.latency, py.latency, 7.465, 5.935],
    ["COST", 1, 0, go.errorRate, py.errorRate, 10, 8.8],
    ["COST", 1024, 0, go.memory, py.memory, 9.0625, 5],
    ["COST", 500, 0, go.pkg, py.pkg, 9.7, 4],
  ] as const)("%s worst=%s best=%s", (direction, worst, best, g, p, eg, ep) => {
    const ref = metricReference({ direction, worst, best }, [g, p])!;
    expect(ref).toEqual({ worst, best });
    expect(metricPoints(g, ref)).toBeCloseTo(eg, 12);
    expect(metricPoints(p, ref)).toBeCloseTo(ep, 12);
  });

  test("values beyond the references are clamped to [0, 10]", () => {
    const ref = { worst: 100, best: 50 };
    expect(metricPoints(40, ref)).toBe(10);
    expect(metricPoints(120, ref)).toBe(0);
    expect(metricPoints(75, ref)).toBeCloseTo(5, 12);
  });

  test("one reference set, the other observed", () => {
    // Benefit, best set to 10000, worst defaults to the observed minimum 6135.
    expect(metricReference({ direction: "BENEFIT", best: 10000 }, [9842, 6135])).toEqual({ worst: 6135, best: 10000 });
  });

  test("all candidates equal → 10 for everyone", () => {
    const ref = metricReference({ direction: "COST" }, [42, 42, 42])!;
    expect(metricPoints(42, ref)).toBe(10);
  });

  test("no observed value and no reference → null", () => {
    expect(metricReference({ direction: "BENEFIT" }, [null, null])).toBeNull();
  });
});

describe("references fixed automatically follow the direction", () => {
  // Stated 4 → 12 (fixed from a paste read as a benefit). As a cost the lower end is the best: 4 ms → 10, 12 ms → 0.
  test.each([
    ["BENEFIT", true, { worst: 4, best: 12 }],
    ["COST", true, { worst: 12, best: 4 }],
    // Older criteria take worst and best as stated, whatever the direction.
    ["COST", false, { worst: 4, best: 12 }],
  ] as const)("%s, automatic %s → %j", (direction, autoReferences, expected) => {
    expect(metricReference({ direction, worst: 4, best: 12, autoReferences }, [100])).toEqual(expected);
  });
});
