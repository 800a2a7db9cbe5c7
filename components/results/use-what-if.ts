"use client";
import { useCallback, useMemo, useState } from "react";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { decisionOptionsOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { overridesOf, sameWeights } from "@/lib/results/weights";
import { buildTree, setShare, siblingsOf } from "@/lib/scoring";
import {
  evaluateDecision,
  type DecisionModel,
  type EvaluateOptions,
  type EvaluationOutcome,
  type TeamAggregation,
} from "@/lib/scoring";

export type DecisionOptions = Pick<EvaluateOptions, "teamAggregation" | "aggregation" | "weightSource">;

export interface WhatIf {
  model: DecisionModel;
  teamAggregation: TeamAggregation;
  /** The decision's own evaluation options (team aggregation, cell aggregation, weight source). */
  options: DecisionOptions;
  criterionIds: string[];
  baseWeights: number[];
  weights: number[];
  changed: boolean;
  overrides: Record<string, number>;
  outcome: EvaluationOutcome;
  setCriterionShare: (index: number, share: number) => void;
  setWeights: (w: number[]) => void;
  reset: () => void;
}

/**
 * The what-if state: raw weights in the browser and the decision re-evaluated by the same engine the server uses,
 * synchronously (a few milliseconds even at 12 × 20), so every view reflects the sliders without a round trip.
 * The simulation is not run here (samples 0); the Web Worker does that off the main thread.
 */
export function useWhatIf(decision: ResultsDecision): WhatIf {
  const model = useMemo(() => toScoringModel(decision), [decision]);
  const options = useMemo(() => decisionOptionsOf(decision), [decision]);
  const teamAggregation = options.teamAggregation;
  const criterionIds = useMemo(() => decision.criteria.map((c) => c.id), [decision]);
  // With AHP weights the sliders start from the eigenvector (the engine applies overrides on top of either source).
  const baseWeights = useMemo(() => {
    if (options.weightSource === "ahp") {
      const o = evaluateDecision(model, { ...options, monteCarlo: { samples: 0 } });
      // A tree's weights list only the leaves; its nodes hold every criterion's raw weight in list order.
      if (o.ok) return o.result.tree ? o.result.tree.nodes.map((n) => n.raw) : o.result.weights.map((w) => w.raw);
    }
    return decision.criteria.map((c) => c.weight);
  }, [decision, model, options]);
  const [weights, setWeights] = useState<number[]>(baseWeights);
  // A changed setting (e.g. AHP switched on) brings new base weights: start the sliders from them.
  const [seenBase, setSeenBase] = useState(baseWeights);
  if (seenBase !== baseWeights) {
    setSeenBase(baseWeights);
    setWeights(baseWeights);
  }
  const overrides = useMemo(() => overridesOf(criterionIds, weights), [criterionIds, weights]);
  const outcome = useMemo(
    () => evaluateDecision(model, { ...options, weightOverrides: overrides, monteCarlo: { samples: 0 } }),
    [model, options, overrides],
  );
  // In a tree a slider moves a criterion's share among its siblings (the weights there are local); flat, among all.
  const tree = useMemo(() => buildTree(decision.criteria), [decision]);
  const setCriterionShare = useCallback(
    (index: number, share: number) =>
      setWeights((w) => {
        if (tree.flat) return setShare(w, index, share);
        const siblings = siblingsOf(tree, index);
        const moved = setShare(
          siblings.map((k) => w[k]),
          siblings.indexOf(index),
          share,
        );
        const out = [...w];
        siblings.forEach((k, j) => (out[k] = moved[j]));
        return out;
      }),
    [tree],
  );
  const reset = useCallback(() => setWeights(baseWeights), [baseWeights]);
  return {
    model,
    teamAggregation,
    options,
    criterionIds,
    baseWeights,
    weights,
    changed: !sameWeights(weights, baseWeights),
    overrides,
    outcome,
    setCriterionShare,
    setWeights,
    reset,
  };
}
