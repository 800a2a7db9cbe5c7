import { describe, expect, test } from "vitest";
import { topsis } from "./topsis";

describe("topsis: published car example", () => {
  // Lecture example (Decision Analysis course notes, "An example of using TOPSIS method"): cars Civic, Saturn, Ford,
  // Mazda on Style, Reliability, Fuel economy (benefit) and Cost (cost), weights 0.1, 0.4, 0.3, 0.2.
  // Published ideal A* = {0.059, 0.244, 0.162, 0.080} (from normalised values rounded to 2 d.p., hence ±0.002).
  // Exact closeness from an independent numpy implementation: 0.74269, 0.40360, 0.17587, 0.44143
  // (Civic > Mazda > Saturn > Ford, the published order).
  const X = [
    [7, 9, 9, 8],
    [8, 7, 8, 7],
    [9, 6, 8, 9],
    [6, 7, 8, 6],
  ];
  const w = [0.1, 0.4, 0.3, 0.2];
  const dirs = ["BENEFIT", "BENEFIT", "BENEFIT", "COST"] as const;
  const r = topsis(X, w, dirs);

  test("ideal solution matches the published A*", () => {
    [0.059, 0.244, 0.162, 0.08].forEach((v, j) => expect(Math.abs(r.ideal[j] - v)).toBeLessThan(0.002));
  });

  test("distances and closeness match numpy", () => {
    const dp = [0.029488391230979422, 0.05936165277403139, 0.0926960740246281, 0.06080887158583795];
    const dm = [0.085116015253434, 0.040171523046841684, 0.019781414201873612, 0.04805625284826082];
    const c = [0.7426940888613219, 0.4035993297263738, 0.17586998530798234, 0.4414292740495746];
    c.forEach((v, a) => {
      expect(r.dPlus[a]).toBeCloseTo(dp[a], 12);
      expect(r.dMinus[a]).toBeCloseTo(dm[a], 12);
      expect(r.closeness[a]).toBeCloseTo(v, 12);
    });
    expect(r.antiIdeal[3]).toBeCloseTo(0.11868848521124167, 12); // cost column: anti-ideal is the maximum
  });
});

describe("topsis: published weighted normalised matrix", () => {
  // B. Sennaroğlu, Decision Analysis (2009) "TOPSIS Example": 3 alternatives, 2 criteria with weights 0.714, 0.286;
  // published V = [[0.5703, 0.2124], [0.3355, 0.1593], [0.2684, 0.1062]].
  test("V matches to 4 d.p.", () => {
    const r = topsis(
      [
        [17, 12],
        [10, 9],
        [8, 6],
      ],
      [0.714, 0.286],
      ["BENEFIT", "BENEFIT"],
    );
    const V = [
      [0.5703, 0.2124],
      [0.3355, 0.1593],
      [0.2684, 0.1062],
    ];
    V.forEach((row, a) => row.forEach((v, j) => expect(r.weighted[a][j]).toBeCloseTo(v, 4)));
    // Alternative 1 is best on both criteria, so it is the ideal (closeness 1); alternative 3 the anti-ideal.
    expect(r.closeness[0]).toBeCloseTo(1, 12);
    expect(r.closeness[2]).toBeCloseTo(0, 12);
  });
});

describe("topsis: degenerate inputs", () => {
  test("identical alternatives: d⁺ = d⁻ = 0 → closeness 0.5 by convention", () => {
    const r = topsis(
      [
        [5, 5],
        [5, 5],
      ],
      [0.5, 0.5],
      ["BENEFIT", "BENEFIT"],
    );
    expect(r.closeness).toEqual([0.5, 0.5]);
  });

  test("an all-zero column contributes nothing and does not produce NaN", () => {
    const r = topsis(
      [
        [0, 4],
        [0, 2],
      ],
      [0.5, 0.5],
      ["BENEFIT", "BENEFIT"],
    );
    expect(r.closeness).toEqual([1, 0]);
  });

  test("no alternatives", () => {
    expect(topsis([], [1], ["BENEFIT"]).closeness).toEqual([]);
  });
});
