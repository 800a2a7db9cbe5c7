// Maps a decision as stored to the scoring engine's plain model. Pure, so the browser can rebuild it for what-if.
import type { DecisionModel, EvaluateOptions, TeamAggregation } from "@/lib/scoring/types";
import type { DecisionDetail } from "./dto";

export function toScoringModel(d: DecisionDetail): DecisionModel {
  return {
    criteria: d.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      kind: c.kind,
      direction: c.direction,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      worst: c.worst,
      best: c.best,
      unit: c.unit,
      threshold: c.threshold,
    })),
    candidates: d.candidates.map((c) => ({ id: c.id, name: c.name })),
    scores: d.scores.map((s) => ({
      criterionId: s.criterionId,
      candidateId: s.candidateId,
      evaluatorId: s.evaluatorId,
      value: s.value,
    })),
    skills: d.skills.map((s) => ({ id: s.id, name: s.name })),
    team: d.team ? { members: d.team.members, ratings: d.team.ratings, overrides: d.team.overrides } : null,
    requirements: d.requirements,
    judgments: d.judgments,
  };
}

export function teamAggregationOf(d: DecisionDetail): TeamAggregation {
  const a = d.team?.aggregation;
  return a === "max" || a === "mean" ? a : "top2";
}

/** Every evaluation option the decision itself fixes: team aggregation, cell aggregation and weight source. */
export function decisionOptionsOf(
  d: DecisionDetail,
): Required<Pick<EvaluateOptions, "teamAggregation" | "aggregation" | "weightSource">> {
  return {
    teamAggregation: teamAggregationOf(d),
    aggregation: d.scoring?.aggregation ?? "mean",
    weightSource: d.scoring?.weightSource ?? "direct",
  };
}
