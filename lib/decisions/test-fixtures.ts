// DecisionDetail builders for the tests of lib/decisions (plain objects, as getDecision returns them).
import type { CriterionDto, DecisionDetail, FactDto, ScoreDto } from "./dto";

export const criterion = (id: string, kind: CriterionDto["kind"], weight: number, extra: Partial<CriterionDto> = {}) =>
  ({
    id,
    name: id,
    description: "",
    lowMeaning: "",
    highMeaning: "",
    weight,
    kind,
    direction: "BENEFIT",
    scaleMin: kind === "RATING" ? 0 : null,
    scaleMax: kind === "RATING" ? 10 : null,
    unit: kind === "METRIC" ? "QPS" : null,
    worst: null,
    best: null,
    threshold: null,
    currency: null,
    valueCurve: null,
    autoReferences: false,
    pairwise: false,
    parentId: null,
    position: 0,
    version: 1,
    ...extra,
  }) satisfies CriterionDto;

export const fact = (criterionId: string, candidateId: string, value: number): FactDto => ({
  id: `${criterionId}-${candidateId}`,
  criterionId,
  candidateId,
  value,
  unit: "QPS",
  sourceUrl: "",
  note: "",
  measuredOn: "2024-11-12",
  enteredById: "u1",
  enteredByName: "Ada",
  version: 1,
  updatedAt: "2024-11-12T00:00:00.000Z",
});

export const score = (criterionId: string, candidateId: string, evaluatorId: string, value: number): ScoreDto => ({
  id: `${criterionId}-${candidateId}-${evaluatorId}`,
  criterionId,
  candidateId,
  evaluatorId,
  value,
  rationale: "",
  evidenceUrl: "",
  version: 1,
});

export function decision(parts: Partial<DecisionDetail>): DecisionDetail {
  return {
    id: "d",
    title: "D",
    context: "",
    status: "DRAFT",
    outcomeRationale: "",
    chosenCandidateId: null,
    version: 1,
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
    criteria: [],
    candidates: ["a", "b", "c"].map((id, position) => ({
      id,
      name: id,
      description: "",
      link: "",
      position,
      version: 1,
    })),
    scores: [],
    facts: [],
    scoring: { aggregation: "mean", weightSource: "direct" },
    evaluators: [],
    skills: [],
    requirements: [],
    judgments: [],
    candidateJudgments: [],
    team: null,
    ...parts,
  };
}
