// Random valid decision models for property tests (fast-check). Imported by tests only; kept out of index.ts.
import fc from "fast-check";
import type { CriterionInput, DecisionModel } from "./types";

const criterionArb = fc.record({
  kind: fc.constantFrom("RATING", "METRIC", "SKILL_MATCH") as fc.Arbitrary<CriterionInput["kind"]>,
  direction: fc.constantFrom("BENEFIT", "COST") as fc.Arbitrary<CriterionInput["direction"]>,
  weight: fc.integer({ min: 0, max: 10 }),
  threshold: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 4 }),
  refs: fc.option(fc.tuple(fc.integer({ min: -50, max: 500 }), fc.integer({ min: -50, max: 500 })), { freq: 3 }),
});

export const modelArb = fc
  .record({
    criteria: fc.array(criterionArb, { minLength: 1, maxLength: 5 }),
    m: fc.integer({ min: 1, max: 5 }),
    cells: fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { freq: 6 }), { minLength: 3, maxLength: 3 }),
      { minLength: 25, maxLength: 25 },
    ),
    levels: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
    reqWeights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
    judgments: fc.option(
      fc.array(fc.constantFrom(1 / 9, 1 / 5, 1 / 3, 1, 2, 3, 7, 9), { minLength: 10, maxLength: 10 }),
    ),
  })
  .filter((r) => r.criteria.some((c) => c.weight > 0))
  .map((r): DecisionModel => {
    const criteria: CriterionInput[] = r.criteria.map((c, i) => ({
      id: `k${i}`,
      name: `K${i}`,
      weight: c.weight,
      kind: c.kind,
      direction: c.direction,
      threshold: c.threshold,
      ...(c.kind === "METRIC" && c.refs && c.refs[0] !== c.refs[1] ? { worst: c.refs[0], best: c.refs[1] } : {}),
    }));
    const candidates = Array.from({ length: r.m }, (_, c) => ({ id: `c${c}`, name: `C${c}` }));
    const scores = criteria.flatMap((crit, i) =>
      crit.kind === "SKILL_MATCH"
        ? []
        : candidates.flatMap((cand, c) =>
            r.cells[i * 5 + c].flatMap((v, e) =>
              v === null
                ? []
                : [
                    {
                      criterionId: crit.id,
                      candidateId: cand.id,
                      evaluatorId: `e${e}`,
                      value: crit.kind === "RATING" ? v / 10 : v * 7 - 100,
                    },
                  ],
            ),
          ),
    );
    const skills = [
      { id: "s0", name: "S0" },
      { id: "s1", name: "S1" },
    ];
    const team = {
      members: [
        { id: "m0", name: "M0" },
        { id: "m1", name: "M1" },
        { id: "m2", name: "M2" },
      ],
      ratings: r.levels.slice(0, 5).map((level, k) => ({ memberId: `m${k % 3}`, skillId: `s${k < 3 ? 0 : 1}`, level })),
    };
    const requirements = candidates.flatMap((cand, c) =>
      [0, 1].flatMap((s) =>
        r.reqWeights[c * 2 + s] > 0
          ? [{ candidateId: cand.id, skillId: `s${s}`, weight: r.reqWeights[c * 2 + s] }]
          : [],
      ),
    );
    const judgments = r.judgments
      ? criteria.flatMap((a, i) =>
          criteria.slice(i + 1).map((b, j) => ({
            evaluatorId: "x",
            criterionA: a.id,
            criterionB: b.id,
            value: r.judgments![(i * 5 + j) % 10],
          })),
        )
      : [];
    return { criteria, candidates, scores, skills, team, requirements, judgments };
  });
