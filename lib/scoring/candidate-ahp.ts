// Pairwise comparison of the candidates on one criterion (AHP for the alternatives, issue 17): each evaluator says,
// pair by pair, how many times better one candidate is than the other on this criterion (Saaty 1/9..9). The group
// judgment per pair is the geometric mean of those answers, its principal eigenvector gives the priorities, and the
// ideal mode turns them into points: 10 · p / max p, so the best candidate gets 10 and the others keep their ratios
// to it. Adding a candidate that is not the best then leaves everyone else's points where they were (the
// distributive mode, p alone, would shrink them all).
import { ahpWeights, groupMatrix, inconsistentJudgments } from "./ahp";
import type { CandidatePairwiseResult } from "./result-types";
import type { CandidateJudgmentInput } from "./types";

/** Ideal-mode points, 10 · p / max p. */
export function idealPoints(priorities: readonly number[]): number[] {
  const top = Math.max(...priorities);
  return priorities.map((p) => (top > 0 ? (10 * p) / top : 0));
}

/**
 * The criterion's result from its judgments (already validated: known candidates, 1/9..9, reciprocal). Candidates
 * no judgment mentions are left out (their cells are missing, never zero); the others must be connected by judged
 * pairs, or their relative standing is not determined and the whole criterion is "disconnected". Unjudged pairs
 * inside a connected set are filled by Harker's method, as for criteria.
 */
export function candidatePairwise(
  criterionId: string,
  candidateIds: readonly string[],
  judgments: readonly CandidateJudgmentInput[],
): CandidatePairwiseResult {
  const own = judgments.filter((j) => j.criterionId === criterionId && j.candidateA !== j.candidateB);
  const mentioned = new Set(own.flatMap((j) => [j.candidateA, j.candidateB]));
  const judged = candidateIds.filter((id) => mentioned.has(id));
  const base: CandidatePairwiseResult = {
    criterionId,
    status: "none",
    priorities: [],
    lambdaMax: null,
    ci: null,
    cr: null,
    consistent: true,
    evaluatorCount: 0,
    missingPairs: [],
    unjudged: candidateIds.filter((id) => !mentioned.has(id)),
    inconsistentJudgments: [],
    evaluators: [],
  };
  if (judged.length < 2) return base;
  const asPairs = (list: readonly CandidateJudgmentInput[]) =>
    list.map((j) => ({
      evaluatorId: j.evaluatorId,
      criterionA: j.candidateA,
      criterionB: j.candidateB,
      value: j.value,
    }));
  const group = groupMatrix(judged, asPairs(own));
  const missingPairs = group.missingPairs.map(([i, k]) => ({ candidateA: judged[i], candidateB: judged[k] }));
  if (!group.connected) return { ...base, status: "disconnected", evaluatorCount: group.evaluatorCount, missingPairs };
  const w = ahpWeights(group.matrix);
  const points = idealPoints(w.weights);

  // Each evaluator's own view, where their answers alone connect every judged candidate: the spread the cells show
  // and the Monte Carlo samples within, and the rankings Kendall's W compares.
  const byEvaluator = new Map<string, CandidateJudgmentInput[]>();
  for (const j of own) byEvaluator.set(j.evaluatorId, [...(byEvaluator.get(j.evaluatorId) ?? []), j]);
  const evaluators: CandidatePairwiseResult["evaluators"] = [];
  for (const [evaluatorId, list] of byEvaluator) {
    const mine = groupMatrix(judged, asPairs(list));
    if (!mine.connected) continue;
    const ew = ahpWeights(mine.matrix);
    const ep = idealPoints(ew.weights);
    evaluators.push({
      evaluatorId,
      cr: ew.cr,
      points: judged.map((candidateId, i) => ({ candidateId, points: ep[i] })),
    });
  }

  return {
    ...base,
    status: "ok",
    priorities: judged.map((candidateId, i) => ({ candidateId, priority: w.weights[i], points: points[i] })),
    lambdaMax: w.lambdaMax,
    ci: w.ci,
    cr: w.cr,
    consistent: w.consistent,
    evaluatorCount: group.evaluatorCount,
    missingPairs,
    inconsistentJudgments: inconsistentJudgments(judged, group.matrix, w.weights).map((x) => ({
      candidateA: x.criterionA,
      candidateB: x.criterionB,
      value: x.value,
      suggested: x.suggested,
      contribution: x.contribution,
    })),
    evaluators,
  };
}
