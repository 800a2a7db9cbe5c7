import type { DecisionDetail } from "@/lib/decisions/dto";
import { packDecision } from "@/lib/decisions/results-payload";
import type { ScenarioDto } from "@/lib/server/scenarios";
import { ResultsExplorer } from "@/components/results/results-explorer";

/**
 * The results overview of one decision: everything is recomputed in the browser as the what-if sliders move. The
 * browser gets the scores packed (values only, lib/decisions/results-payload.ts), not the editing pages' rows.
 */
export function DecisionView({
  decision,
  scenarios,
  canWrite,
  seed,
}: {
  decision: DecisionDetail;
  scenarios: ScenarioDto[];
  canWrite: boolean;
  seed: number;
}) {
  return <ResultsExplorer packed={packDecision(decision)} scenarios={scenarios} canWrite={canWrite} seed={seed} />;
}
