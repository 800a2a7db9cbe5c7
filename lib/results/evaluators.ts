// Evaluator views: what each evaluator's scores alone would decide (which cells they disagree on most is the
// discussion list, lib/scoring/discussion.ts).
import type { DecisionModel } from "@/lib/scoring/types";

/**
 * The model as one evaluator alone scored it. Cells they did not score are missing (never zero), so their totals can
 * be incomplete; skill-match criteria are unaffected (they come from the team).
 */
export function evaluatorModel(model: DecisionModel, evaluatorId: string): DecisionModel {
  return { ...model, scores: model.scores.filter((s) => s.evaluatorId === evaluatorId) };
}
