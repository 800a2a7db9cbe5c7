// How far each evaluator's pairwise judgments are from the group's (issue 17): the group judgment of a pair is the
// geometric mean of everyone's (groupMatrix), so the natural distance is in log space, where a judgment of 5 against a
// group's 1 is as far as 1/5 against 1. Per evaluator: the root mean square of ln(own / group) over the pairs they
// judged, and its exponential, the typical factor between their answer and the group's (1 = the group's exactly).
import { groupMatrix } from "./ahp";
import type { PairwiseJudgmentInput } from "./types";

export interface AhpEvaluatorDistance {
  evaluatorId: string;
  /** Pairs this evaluator judged. */
  pairs: number;
  /** √(mean of ln²(own / group)) over those pairs. */
  logDistance: number;
  /** exp(logDistance): 1.6 reads "their answers are typically 1.6× off the group's, one way or the other". */
  factor: number;
  /** The pair where their answer is farthest from the group's, both stated as criterionA over criterionB. */
  farthest: { criterionA: string; criterionB: string; own: number; group: number } | null;
}

/** One row per evaluator with at least one usable judgment, in the order they first appear. */
export function ahpDistances(
  criterionIds: readonly string[],
  judgments: readonly PairwiseJudgmentInput[],
): AhpEvaluatorDistance[] {
  const group = groupMatrix(criterionIds, judgments).matrix;
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  const rows = new Map<string, { sum: number; pairs: number; far: AhpEvaluatorDistance["farthest"]; farLog: number }>();
  // A pair stated twice by one evaluator (a over b and b over a) counts once, as in the group matrix.
  const seen = new Set<string>();
  for (const j of judgments) {
    const a = index.get(j.criterionA);
    const b = index.get(j.criterionB);
    if (a === undefined || b === undefined || a === b) continue;
    const [lo, hi, own] = a < b ? [a, b, j.value] : [b, a, 1 / j.value];
    const key = JSON.stringify([j.evaluatorId, lo, hi]);
    if (seen.has(key)) continue;
    seen.add(key);
    const g = group[lo][hi]!;
    const d = Math.log(own / g);
    const row = rows.get(j.evaluatorId) ?? { sum: 0, pairs: 0, far: null, farLog: -1 };
    row.sum += d * d;
    row.pairs += 1;
    // Strictly farther: the first pair (in the order judged) keeps a tie.
    if (Math.abs(d) > row.farLog) {
      row.farLog = Math.abs(d);
      row.far = { criterionA: criterionIds[lo], criterionB: criterionIds[hi], own, group: g };
    }
    rows.set(j.evaluatorId, row);
  }
  return [...rows].map(([evaluatorId, r]) => {
    const logDistance = Math.sqrt(r.sum / r.pairs);
    return {
      evaluatorId,
      pairs: r.pairs,
      logDistance,
      factor: Math.exp(logDistance),
      // exp(ln v) is not always v to the last bit: a distance this small is the group's own answer.
      farthest: r.farLog > 1e-9 ? r.far : null,
    };
  });
}
