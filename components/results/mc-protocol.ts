// Messages between the page and the Monte Carlo worker. Plain data only (structured clone).
import type { DecisionModel, EvaluateOptions, MonteCarloResult, Verdict } from "@/lib/scoring";

export interface McRequest {
  runId: number;
  model: DecisionModel;
  /** The decision's own options: team aggregation, cell aggregation, weight source. */
  options: Pick<EvaluateOptions, "teamAggregation" | "aggregation" | "weightSource">;
  weightOverrides: Record<string, number>;
  seed: number;
  /** Sample counts run one after another; the last one is the result, earlier ones are shown as provisional. */
  stages: number[];
}

export type McMessage =
  | {
      type: "stage";
      runId: number;
      done: number;
      total: number;
      final: boolean;
      ms: number;
      monteCarlo: MonteCarloResult;
      verdict: Verdict;
    }
  | { type: "error"; runId: number; codes: string[] };
