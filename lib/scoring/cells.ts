// The criterion × candidate grid: aggregated raw values, points, and evaluator spread per cell.
import { summariseValues } from "./aggregate";
import { pairKey } from "./keys";
import { metricScale, ratingPoints, ratingScale, type MetricReference } from "./normalise";
import type { CandidatePairwiseResult, CellResult, SkillMatchResult } from "./result-types";
import type { CandidateInput, CellAggregation, CriterionInput, FactInput, ScoreInput } from "./types";

/** A cell's evaluator range above this fraction of the scale is flagged as disagreement. */
export const DISAGREEMENT_FRACTION = 0.4;

export interface CellGrid {
  /** Criterion-major: cells[i * candidates.length + c]. */
  cells: CellResult[];
  /** METRIC reference actually used per criterion (null for other kinds or when no value exists). */
  references: (MetricReference | null)[];
}

export function buildCells(
  criteria: readonly CriterionInput[],
  candidates: readonly CandidateInput[],
  scores: readonly ScoreInput[],
  skillMatch: readonly SkillMatchResult[],
  aggregation: CellAggregation = "mean",
  facts: readonly FactInput[] = [],
  pairwise: readonly CandidatePairwiseResult[] = [],
): CellGrid {
  const byCell = new Map<string, number[]>();
  for (const s of scores) {
    const key = pairKey(s.criterionId, s.candidateId);
    const list = byCell.get(key);
    if (list) list.push(s.value);
    else byCell.set(key, [s.value]);
  }
  const factOf = new Map(facts.map((f) => [pairKey(f.criterionId, f.candidateId), f.value]));
  const matchOf = new Map(skillMatch.map((m) => [m.candidateId, m.match]));
  const pairwiseOf = new Map(pairwise.map((p) => [p.criterionId, p]));
  const cells: CellResult[] = [];
  const references: (MetricReference | null)[] = [];

  for (const crit of criteria) {
    if (crit.kind === "SKILL_MATCH") {
      references.push(null);
      for (const cand of candidates) cells.push(skillCell(crit.id, cand.id, matchOf.get(cand.id) ?? null));
      continue;
    }
    if (isPairwise(crit)) {
      references.push(null);
      const result = pairwiseOf.get(crit.id);
      for (const cand of candidates) cells.push(pairwiseCell(crit.id, cand.id, result));
      continue;
    }
    const summaries = candidates.map((cand) => {
      const fact = crit.kind === "METRIC" ? factOf.get(pairKey(crit.id, cand.id)) : undefined;
      // A measured fact is one shared value: no evaluators, so no spread and nothing for the Monte Carlo to perturb.
      if (fact !== undefined) return { values: [fact], evaluatorCount: 0, ...summariseValues([fact], aggregation) };
      const values = byCell.get(pairKey(crit.id, cand.id));
      return values && values.length > 0
        ? { values, evaluatorCount: values.length, ...summariseValues(values, aggregation) }
        : null;
    });
    let toPoints: (x: number) => number;
    let scale: number;
    if (crit.kind === "METRIC") {
      // References come from aggregated cell values, so one outlying evaluator cannot stretch the whole scale.
      const metric = metricScale(
        crit,
        summaries.map((s) => (s ? s.value : null)),
      );
      references.push(metric.reference);
      toPoints = metric.toPoints;
      scale = metric.span;
    } else {
      references.push(null);
      const { lo, hi } = ratingScale(crit);
      toPoints = (x) => ratingPoints(x, lo, hi, crit.direction);
      scale = hi - lo;
    }
    candidates.forEach((cand, c) => {
      const s = summaries[c];
      if (!s) {
        cells.push(missingCell(crit.id, cand.id));
        return;
      }
      const pa = toPoints(s.min);
      const pb = toPoints(s.max);
      cells.push({
        criterionId: crit.id,
        candidateId: cand.id,
        value: s.value,
        points: toPoints(s.value),
        evaluatorCount: s.evaluatorCount,
        min: s.min,
        max: s.max,
        range: s.range,
        stdDev: s.stdDev,
        pointsMin: Math.min(pa, pb),
        pointsMax: Math.max(pa, pb),
        // With a zero-width metric scale any spread at all is large relative to it.
        disagreement: s.range > DISAGREEMENT_FRACTION * scale,
        missing: false,
      });
    });
  }
  return { cells, references };
}

/** A RATING criterion whose candidates are compared in pairs rather than scored. */
export function isPairwise(c: Pick<CriterionInput, "kind" | "pairwise">): boolean {
  return c.kind === "RATING" && c.pairwise === true;
}

/**
 * A pairwise cell: the group's ideal-mode points (value and points alike, 0–10), with the spread of the evaluators
 * whose own answers determine every judged candidate, so disagreement, the discussion list and the Monte Carlo treat
 * it like any opinion cell.
 */
function pairwiseCell(criterionId: string, candidateId: string, r: CandidatePairwiseResult | undefined): CellResult {
  const group = r?.status === "ok" ? r.priorities.find((p) => p.candidateId === candidateId) : undefined;
  if (!r || !group) return missingCell(criterionId, candidateId);
  const views = r.evaluators.flatMap((e) => e.points.filter((p) => p.candidateId === candidateId).map((p) => p.points));
  const spread = views.length > 0 ? summariseValues(views, "mean") : null;
  const min = Math.min(group.points, ...views);
  const max = Math.max(group.points, ...views);
  return {
    criterionId,
    candidateId,
    value: group.points,
    points: group.points,
    evaluatorCount: r.evaluatorCount,
    min,
    max,
    range: max - min,
    stdDev: spread ? spread.stdDev : 0,
    pointsMin: min,
    pointsMax: max,
    disagreement: max - min > DISAGREEMENT_FRACTION * 10,
    missing: false,
  };
}

function missingCell(criterionId: string, candidateId: string): CellResult {
  return {
    criterionId,
    candidateId,
    value: null,
    points: null,
    evaluatorCount: 0,
    min: null,
    max: null,
    range: null,
    stdDev: null,
    pointsMin: null,
    pointsMax: null,
    disagreement: false,
    missing: true,
  };
}

function skillCell(criterionId: string, candidateId: string, match: number | null): CellResult {
  if (match === null) return missingCell(criterionId, candidateId);
  return {
    criterionId,
    candidateId,
    value: match,
    points: match,
    evaluatorCount: 0,
    min: match,
    max: match,
    range: 0,
    stdDev: 0,
    pointsMin: match,
    pointsMax: match,
    disagreement: false,
    missing: false,
  };
}
