import type { DecisionDetail } from "@/lib/decisions/dto";
import type { ScenarioDto } from "@/lib/server/scenarios";
import { ResultsExplorer } from "@/components/results/results-explorer";

/** The results overview of one decision: everything is recomputed in the browser as the what-if sliders move. */
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
  return <ResultsExplorer decision={decision} scenarios={scenarios} canWrite={canWrite} seed={seed} />;
}
