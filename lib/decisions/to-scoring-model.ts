// Maps a decision as stored to the scoring engine's plain model. Pure, so the browser can rebuild it for what-if.
// Facts vs opinions: a METRIC cell's value is its one shared fact (no evaluators, so no spread and no Monte Carlo
// perturbation); RATING cells aggregate the evaluators' scores. Scores left on a METRIC criterion (say, from before
// its kind changed) are not opinions about a measurement and are left out; so are facts of a non-METRIC criterion.
import { curveFromText } from "@/lib/validation/value-curve";
import type { DecisionModel, EvaluateOptions, TeamAggregation } from "@/lib/scoring/types";
import type { ResultsDecision } from "./results-payload";
import { isPairwise } from "@/lib/scoring/cells";
import { checkTree } from "@/lib/scoring/tree";

/**
 * Each criterion's group as stored. Every move is checked against the whole tree before it is written, so a broken
 * link (a loop from two moves racing, a parent from another decision) cannot normally be stored; if one ever is, that
 * row is read at the top level rather than failing every result of the decision.
 */
function storedParents(criteria: ResultsDecision["criteria"]): Map<string, string | null> {
  const rows = criteria.map((c) => ({ id: c.id, parentId: c.parentId ?? null }));
  const broken = new Set(checkTree(rows).map((e) => rows[e.path[1] as number].id));
  return new Map(rows.map((r) => [r.id, broken.has(r.id) ? null : r.parentId]));
}

export function toScoringModel(d: ResultsDecision): DecisionModel {
  const metric = new Set(d.criteria.filter((c) => c.kind === "METRIC").map((c) => c.id));
  const parents = storedParents(d.criteria);
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
      valueCurve: c.kind === "METRIC" ? curveFromText(c.valueCurve) : null,
      autoReferences: c.autoReferences,
      pairwise: isPairwise(c),
      parentId: parents.get(c.id) ?? null,
      unit: c.unit,
      threshold: c.threshold,
    })),
    candidates: d.candidates.map((c) => ({ id: c.id, name: c.name })),
    scores: d.scores
      .filter((s) => !metric.has(s.criterionId))
      .map((s) => ({
        criterionId: s.criterionId,
        candidateId: s.candidateId,
        evaluatorId: s.evaluatorId,
        value: s.value,
      })),
    facts: d.facts
      .filter((f) => metric.has(f.criterionId))
      .map((f) => ({ criterionId: f.criterionId, candidateId: f.candidateId, value: f.value })),
    skills: d.skills.map((s) => ({ id: s.id, name: s.name })),
    team: d.team ? { members: d.team.members, ratings: d.team.ratings, overrides: d.team.overrides } : null,
    requirements: d.requirements,
    judgments: d.judgments,
    candidateJudgments: d.candidateJudgments ?? [],
  };
}

export function teamAggregationOf(d: ResultsDecision): TeamAggregation {
  const a = d.team?.aggregation;
  return a === "max" || a === "mean" ? a : "top2";
}

/** Every evaluation option the decision itself fixes: team aggregation, cell aggregation and weight source. */
export function decisionOptionsOf(
  d: ResultsDecision,
): Required<Pick<EvaluateOptions, "teamAggregation" | "aggregation" | "weightSource">> {
  return {
    teamAggregation: teamAggregationOf(d),
    aggregation: d.scoring?.aggregation ?? "mean",
    weightSource: d.scoring?.weightSource ?? "direct",
  };
}
