"use client";
import { useCallback, useMemo, useState } from "react";
import type { DecisionDetail } from "@/lib/decisions/dto";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { overridesOf, sameWeights } from "@/lib/results/weights";
import { setShare } from "@/lib/scoring";
import { evaluateDecision, type DecisionModel, type EvaluationOutcome, type TeamAggregation } from "@/lib/scoring";

export interface WhatIf {
  model: DecisionModel;
  teamAggregation: TeamAggregation;
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
export function useWhatIf(decision: DecisionDetail): WhatIf {
  const model = useMemo(() => toScoringModel(decision), [decision]);
  const teamAggregation = teamAggregationOf(decision);
  const criterionIds = useMemo(() => decision.criteria.map((c) => c.id), [decision]);
  const baseWeights = useMemo(() => decision.criteria.map((c) => c.weight), [decision]);
  const [weights, setWeights] = useState<number[]>(baseWeights);
  const overrides = useMemo(() => overridesOf(criterionIds, weights), [criterionIds, weights]);
  const outcome = useMemo(
    () => evaluateDecision(model, { teamAggregation, weightOverrides: overrides, monteCarlo: { samples: 0 } }),
    [model, teamAggregation, overrides],
  );
  const setCriterionShare = useCallback(
    (index: number, share: number) => setWeights((w) => setShare(w, index, share)),
    [],
  );
  const reset = useCallback(() => setWeights(baseWeights), [baseWeights]);
  return {
    model,
    teamAggregation,
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
