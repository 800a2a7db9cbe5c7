// The AHP result of a set of pairwise judgments, assembled once for every caller: evaluateDecision (weightSource
// "ahp") and the wizard's live figures (the person's own answers and the group's) go through the same function.
import { ahpWeights, groupMatrix, inconsistentJudgments } from "./ahp";
import type { AhpResult } from "./result-types";
import type { PairwiseJudgmentInput } from "./types";

export interface JudgmentPair {
  /** `${a}|${b}`: the pair as the wizard asks it. */
  key: string;
  a: string;
  b: string;
}

/** The n(n−1)/2 questions in criterion order: each pair once, the earlier criterion first. */
export function judgmentPairs(criterionIds: readonly string[]): JudgmentPair[] {
  const out: JudgmentPair[] = [];
  for (let i = 0; i < criterionIds.length; i++)
    for (let j = i + 1; j < criterionIds.length; j++)
      out.push({ key: `${criterionIds[i]}|${criterionIds[j]}`, a: criterionIds[i], b: criterionIds[j] });
  return out;
}

export type AhpAssembly =
  | { status: "ok"; result: AhpResult }
  /** No judgments at all. */
  | { status: "none" }
  /** The judged pairs leave some criteria unconnected, so the weights are not determined. */
  | { status: "disconnected"; missingPairs: AhpResult["missingPairs"] };

/**
 * Group matrix (geometric mean per pair) → principal eigenvector weights (Harker's method for unjudged pairs), the
 * consistency ratio and the judgments that explain most of the inconsistency.
 */
export function assembleAhp(criterionIds: readonly string[], judgments: readonly PairwiseJudgmentInput[]): AhpAssembly {
  if (judgments.length === 0) return { status: "none" };
  const group = groupMatrix(criterionIds, judgments);
  const missingPairs = group.missingPairs.map(([i, j]) => ({
    criterionA: criterionIds[i],
    criterionB: criterionIds[j],
  }));
  if (!group.connected) return { status: "disconnected", missingPairs };
  const w = ahpWeights(group.matrix);
  return {
    status: "ok",
    result: {
      weights: criterionIds.map((criterionId, i) => ({ criterionId, weight: w.weights[i] })),
      lambdaMax: w.lambdaMax,
      ci: w.ci,
      cr: w.cr,
      ri: w.ri,
      consistent: w.consistent,
      inconsistentJudgments: inconsistentJudgments(criterionIds, group.matrix, w.weights),
      evaluatorCount: group.evaluatorCount,
      complete: missingPairs.length === 0,
      missingPairs,
    },
  };
}

/**
 * The result while answers are still coming in: null until there are two criteria and the answered pairs connect
 * them all (one criterion has nothing to compare, and before that the weights are not determined).
 */
export function liveAhp(
  criterionIds: readonly string[],
  judgments: readonly PairwiseJudgmentInput[],
): AhpResult | null {
  if (criterionIds.length < 2) return null;
  const a = assembleAhp(criterionIds, judgments);
  return a.status === "ok" ? a.result : null;
}
