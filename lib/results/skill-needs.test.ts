import { expect, test } from "vitest";
import { skillNeed } from "./skill-needs";

// Order platform team (lib/templates/demo.ts): Mei, Tomás, Lina.
test.each([
  // Streaming 7, 5, 3: top-2 mean 6, one expert. +1 at 7 → {7,7,5,3}: top-2 (7+7)/2 = 7 ≥ 7, two experts → 1.
  ["Streaming", [7, 5, 3], 7, 1, 7, 2],
  // JMS 6, 4, 2: top-2 5, no expert. +1 → {7,6,...}: 6.5 < 7 and one expert; +2 → {7,7,...}: 7, two experts → 2.
  ["JMS", [6, 4, 2], 7, 2, 7, 2],
  // AMQP 10, 6, 4: top-2 8 ≥ 7 but one expert (10). +1 → {10,7}: 8.5, two experts → 1.
  ["AMQP", [10, 6, 4], 7, 1, 8.5, 2],
  // Kubernetes 5, 8, 6: top-2 7, one expert (8). +1 → {8,7}: 7.5, two experts → 1.
  ["Kubernetes", [5, 8, 6], 7, 1, 7.5, 2],
  // Already fine: 9, 8 → top-2 8.5, two experts → 0.
  ["fine", [9, 8, 1], 7, 0, 8.5, 2],
  // Nobody rated: two newcomers at 7 → top-2 7, bus factor 2.
  ["unrated", [], 7, 2, 7, 2],
  // Target 9 (a requirement's minimum): 8, 8 → top-2 8. +1 at 9 → (9+8)/2 = 8.5 < 9; +2 → 9 → 2 (experts 4).
  ["target 9", [8, 8], 9, 2, 9, 4],
] as const)("%s", (_name, levels, target, people, levelAfter, bus) => {
  const need = skillNeed(levels, target);
  expect(need.people).toBe(people);
  expect(need.levelAfter).toBeCloseTo(levelAfter, 12);
  expect(need.busFactorAfter).toBe(bus);
});

test("newcomers are assumed at least at expert level 7 even when the target is lower", () => {
  // Target 5, levels 6, 6: level 6 ≥ 5 but no expert; +2 at 7 → bus factor 2.
  expect(skillNeed([6, 6], 5)).toMatchObject({ people: 2, atLevel: 7 });
});

test("mean aggregation may need many people; none within the limit gives null", () => {
  // Mean of {0,0,0,0} plus k sevens ≥ 7 never holds: 7k/(4+k) < 7.
  expect(skillNeed([0, 0, 0, 0], 7, "mean", 5).people).toBeNull();
  // Mean of {6} plus k sevens ≥ 6.5 with target 6.5 → k = 1 gives 6.5 but bus factor 1; k = 2 → 6.667, bus 2.
  expect(skillNeed([6], 6.5, "mean").people).toBe(2);
});
