// Pure helpers for the wizard: which pairs to ask, and the AHP result of a set of judgments (the engine's
// groupMatrix + ahpWeights + inconsistentJudgments, the same functions evaluateDecision uses for weightSource "ahp").
import {
  ahpWeights,
  groupMatrix,
  inconsistentJudgments,
  type AhpInconsistentJudgment,
  type PairwiseJudgmentInput,
} from "@/lib/scoring";

export interface Pair {
  key: string;
  a: string;
  b: string;
}

/** n(n−1)/2 questions, in criterion order: each pair once, A before B. */
export function pairsOf(ids: readonly string[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) out.push({ key: `${ids[i]}|${ids[j]}`, a: ids[i], b: ids[j] });
  return out;
}

export interface AhpOutcome {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number | null;
  ri: number;
  consistent: boolean;
  complete: boolean;
  inconsistent: AhpInconsistentJudgment[];
  evaluators: number;
}

/** Null until the answered pairs connect every criterion (before that the weights are not determined). */
export function ahpOutcome(ids: readonly string[], judgments: readonly PairwiseJudgmentInput[]): AhpOutcome | null {
  if (ids.length < 2 || judgments.length === 0) return null;
  const group = groupMatrix(ids, judgments);
  if (!group.connected) return null;
  const w = ahpWeights(group.matrix);
  return {
    weights: w.weights,
    lambdaMax: w.lambdaMax,
    ci: w.ci,
    cr: w.cr,
    ri: w.ri,
    consistent: w.consistent,
    complete: group.missingPairs.length === 0,
    inconsistent: inconsistentJudgments(ids, group.matrix, w.weights),
    evaluators: group.evaluatorCount,
  };
}
