// Evaluator views: which cells the evaluators disagree on most, and what each evaluator's scores alone would decide.
import type { CellResult } from "@/lib/scoring/result-types";
import type { DecisionModel } from "@/lib/scoring/types";

/**
 * Cells scored by two or more evaluators, widest spread first. Ordered by the spread in points (pointsMax − pointsMin)
 * so a metric in milliseconds and a 1–5 rating compare on the same 0–10 footing; raw values are shown alongside.
 */
export function widestDisagreements(cells: readonly CellResult[]): CellResult[] {
  const rel = (c: CellResult) => (c.pointsMax ?? 0) - (c.pointsMin ?? 0);
  return cells
    .filter((c) => !c.missing && c.evaluatorCount > 1 && c.range !== null)
    .sort((a, b) => rel(b) - rel(a) || (b.stdDev ?? 0) - (a.stdDev ?? 0));
}

/**
 * The model as one evaluator alone scored it. Cells they did not score are missing (never zero), so their totals can
 * be incomplete; skill-match criteria are unaffected (they come from the team).
 */
export function evaluatorModel(model: DecisionModel, evaluatorId: string): DecisionModel {
  return { ...model, scores: model.scores.filter((s) => s.evaluatorId === evaluatorId) };
}
