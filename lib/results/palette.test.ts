import { describe, expect, test } from "vitest";
import { candidateColor, candidateStyle, criterionColor, levelFill, OKABE_ITO, rankColor } from "./palette";

describe("palette", () => {
  test("positions map to Okabe–Ito in a fixed order", () => {
    expect(candidateColor(0)).toBe("#0072B2");
    expect(candidateColor(1)).toBe("#E69F00");
    expect(candidateColor(7)).toBe("#F0E442");
  });
  test("the ninth candidate repeats the first colour but with a dash", () => {
    expect(candidateStyle(8)).toEqual({ color: "#0072B2", dash: "6 3" });
    expect(candidateStyle(0).dash).toBeUndefined();
    expect(candidateStyle(17)).toEqual({ color: OKABE_ITO[1], dash: "2 3" });
  });
  test("colours are distinct for the first eight positions", () => {
    expect(new Set(Array.from({ length: 8 }, (_, i) => candidateColor(i))).size).toBe(8);
  });
  test("rank 1 is darkest, last rank lightest", () => {
    expect(rankColor(1, 3)).toBe("hsl(210 70% 25%)");
    expect(rankColor(3, 3)).toBe("hsl(210 70% 85%)");
    expect(rankColor(1, 1)).toBe("hsl(210 70% 25%)");
  });
  test("heatmap: level 0 near white, level 10 deep with white text", () => {
    expect(levelFill(0)).toEqual({ fill: "hsl(210 75% 97%)", text: "#1b1f24" });
    expect(levelFill(10)).toEqual({ fill: "hsl(210 75% 32%)", text: "#ffffff" });
  });
});

test("criterion colours: evenly spaced hues from 200°, alternating lightness", () => {
  expect(criterionColor(0, 4)).toBe("hsl(200 45% 42%)");
  expect(criterionColor(1, 4)).toBe("hsl(290 45% 62%)");
  expect(criterionColor(2, 4)).toBe("hsl(20 45% 42%)");
});
