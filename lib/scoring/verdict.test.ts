import { describe, expect, test } from "vitest";
import type { MonteCarloResult, RankedCandidate, SensitivityResult } from "./result-types";
import { buildVerdict, type VerdictInput } from "./verdict";

const ranked = (
  candidateId: string,
  total: number,
  rank: number | null,
  over: Partial<RankedCandidate> = {},
): RankedCandidate => ({
  candidateId,
  total,
  rank,
  tied: false,
  margin: null,
  contributions: [],
  incomplete: false,
  missingCriteria: [],
  excluded: false,
  exclusions: [],
  ...over,
});
const noSensitivity: SensitivityResult = {
  leaderId: null,
  criteria: [],
  smallestChange: null,
  pairs: [],
  pairsTruncated: false,
};
const mc = (p: number): MonteCarloResult => ({
  samples: 10_000,
  seed: 1,
  kappa: 100,
  scoreNoise: true,
  rankAcceptability: [],
  pFirst: [],
  pWinnerFirst: p,
  seWinnerFirst: 0,
  pairwiseWinRate: [],
});
const input = (over: Partial<VerdictInput>): VerdictInput => ({
  ranking: [ranked("a", 7.7, 1), ranked("b", 6.7, 2)],
  winnerId: "a",
  tieAtTop: false,
  sensitivity: noSensitivity,
  monteCarlo: mc(0.94),
  skillMatch: [],
  topsisAgrees: true,
  ...over,
});

describe("buildVerdict", () => {
  test.each<[string, Partial<VerdictInput>, string]>([
    ["clear lead and stable", {}, "verdict.clear"],
    ["lead below 0.5 points", { ranking: [ranked("a", 7.7, 1), ranked("b", 7.3, 2)] }, "verdict.close"],
    ["unstable under the simulation", { monteCarlo: mc(0.6) }, "verdict.close"],
    [
      "tie",
      {
        winnerId: null,
        tieAtTop: true,
        ranking: [ranked("a", 7, 1, { tied: true }), ranked("b", 7, 1, { tied: true })],
      },
      "verdict.tie",
    ],
    // An incomplete candidate is not ranked (rank null): the verdict judges the complete ones and names it apart.
    [
      "incomplete candidate beside a complete one",
      { ranking: [ranked("a", 7.7, 1), ranked("b", 6.7, null, { incomplete: true })], monteCarlo: null },
      "verdict.clear",
    ],
    [
      "every candidate incomplete",
      {
        winnerId: null,
        ranking: [ranked("a", 7.7, null, { incomplete: true }), ranked("b", 6.7, null, { incomplete: true })],
        monteCarlo: null,
      },
      "verdict.none",
    ],
    ["nobody eligible", { winnerId: null, ranking: [ranked("a", 7.7, 1, { excluded: true })] }, "verdict.noEligible"],
    ["single candidate, no simulation", { ranking: [ranked("a", 5, 1)], monteCarlo: null }, "verdict.clear"],
  ])("%s → %s", (_name, over, key) => {
    expect(buildVerdict(input(over)).key).toBe(key);
  });

  test("params carry only strings and numbers; the facts keep nulls", () => {
    const v = buildVerdict(input({ monteCarlo: null }));
    expect(v.params).toEqual({
      winnerId: "a",
      runnerUpId: "b",
      lead: expect.closeTo(1, 12),
      samples: 0,
      skillRiskCount: 0,
    });
    expect(v.facts.pFirst).toBeNull();
    expect(v.facts.weakestCriterionId).toBeNull();
  });

  test("skill risks are reported for the winner", () => {
    const v = buildVerdict(
      input({
        skillMatch: [
          {
            candidateId: "a",
            match: 7.1,
            risks: ["jms"],
            requirements: [
              { skillId: "jms", weight: 0.3, teamLevel: 5, rated: true, target: 7, gap: 2, busFactor: 0, risk: true },
            ],
          },
        ],
      }),
    );
    expect(v.facts.skillRisks).toEqual([
      { candidateId: "a", skillId: "jms", busFactor: 0, weight: 0.3, flagged: true },
    ]);
    expect(v.params.skillRiskCount).toBe(1);
  });

  test("a bus factor of 0 below the 20 % rule is named, unflagged; a bus factor of 1 below it is not", () => {
    const req = (skillId: string, weight: number, busFactor: number) => ({
      skillId,
      weight,
      teamLevel: 5,
      rated: true,
      target: 7,
      gap: 2,
      busFactor,
      risk: false,
    });
    const v = buildVerdict(
      input({
        skillMatch: [
          { candidateId: "a", match: 7, risks: [], requirements: [req("jms", 0.1, 0), req("amqp", 0.1, 1)] },
        ],
      }),
    );
    expect(v.facts.skillRisks).toEqual([
      { candidateId: "a", skillId: "jms", busFactor: 0, weight: 0.1, flagged: false },
    ]);
  });

  test("the lead is the difference of the displayed totals: 7.676 and 6.784 print 7.68 and 6.78, lead 0.90", () => {
    expect(buildVerdict(input({ ranking: [ranked("a", 7.676, 1), ranked("b", 6.784, 2)] })).facts.lead).toBe(0.9);
  });
});
