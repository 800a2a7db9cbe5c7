"use client";
import { memo, useDeferredValue, useMemo } from "react";
import { useTranslations } from "next-intl";
import { CriteriaTable } from "@/components/decisions/criteria-table";
import { RankingTable } from "@/components/decisions/ranking-table";
import { ScoreMatrix } from "@/components/decisions/score-matrix";
import { ScoringErrors } from "@/components/decisions/scoring-errors";
import { unpackDecision, type PackedDecision, type ResultsDecision } from "@/lib/decisions/results-payload";
import type { DecisionResult } from "@/lib/scoring";
import type { ScenarioDto } from "@/lib/server/scenarios";
import { useHydrated } from "@/components/use-hydrated";
import { CollapsibleView, useCollapsedViews } from "./collapsible-view";
import { EvaluatorsSection, hasEvaluatorsView } from "./evaluators-section";
import { MonteCarloSection } from "./monte-carlo-section";
import { namesOf } from "./names";
import { ProfilesSection } from "./profiles-section";
import { RankingSection } from "./ranking-section";
import { ScenariosPanel } from "./scenarios-panel";
import { ScoringSettingsPanel } from "./scoring-settings";
import { SensitivitySection } from "./sensitivity-section";
import { hasTeamFit, TeamFitSection } from "./team-fit-section";
import { TopsisSection } from "./topsis-section";
import { useMonteCarlo } from "./use-monte-carlo";
import { useWhatIf } from "./use-what-if";
import { hasValueForMoney, ValueSection } from "./value-section";
import { VerdictPanel } from "./verdict-panel";
import { WhatIfPanel } from "./what-if-panel";
import "./results.css";

/** The criteria table follows the weights (shares); the score matrix does not, but shares the deferred result. */
const StaticTables = memo(function StaticTables({
  decision,
  result,
}: {
  decision: ResultsDecision;
  result: DecisionResult | null;
}) {
  return (
    <>
      <CriteriaTable decision={decision} result={result} />
      <ScoreMatrix decision={decision} result={result} />
    </>
  );
});

const VIEWS = [
  "ranking",
  "what-if",
  "scenarios",
  "profiles",
  "value",
  "team",
  "evaluators",
  "topsis",
  "sensitivity",
  "monte-carlo",
] as const;
type View = (typeof VIEWS)[number];

/**
 * The results overview. The sliders' state lives here; every view below is recomputed in the browser from the same
 * engine. The ranking table and verdict follow the sliders at once; every other view follows a deferred copy (and is
 * memoised), so React paints the slider and ranking first and redraws charts in interruptible background work.
 * The first screen holds the verdict (winner, margin, confidence, team risk) and the ranking; every section below
 * folds away, and the sticky section nav lists only the sections this decision has.
 */
export function ResultsExplorer({
  packed,
  scenarios,
  canWrite,
  seed,
}: {
  packed: PackedDecision;
  scenarios: ScenarioDto[];
  canWrite: boolean;
  seed: number;
}) {
  const t = useTranslations("results");
  const decision = useMemo(() => unpackDecision(packed), [packed]);
  const names = useMemo(() => namesOf(decision), [decision]);
  const w = useWhatIf(decision);
  const result = w.outcome.ok ? w.outcome.result : null;
  const deferred = useDeferredValue(w.outcome);
  const slow = deferred.ok ? deferred.result : null;
  const deferredOverrides = useDeferredValue(w.overrides);
  const mc = useMonteCarlo(w.model, w.options, w.overrides, seed, w.outcome.ok);

  const views = useCollapsedViews();
  // The analysis sections below the first screen are drawn after hydration, not in the server render: they are most
  // of the page's render work (the evaluators view alone evaluates the decision once per evaluator), the browser
  // computes them from the same engine anyway, and the first paint needs only the verdict, ranking and sliders.
  const hydrated = useHydrated();
  const present: Record<View, boolean> = {
    ranking: Boolean(result),
    "what-if": true,
    scenarios: true,
    profiles: Boolean(slow),
    value: Boolean(slow && hasValueForMoney(decision)),
    team: Boolean(slow && hasTeamFit(decision, slow)),
    evaluators: Boolean(slow && hasEvaluatorsView(decision)),
    topsis: Boolean(slow),
    sensitivity: Boolean(slow),
    "monte-carlo": true,
  };
  const fold = (view: View, node: React.ReactNode) => (
    <CollapsibleView
      view={view}
      title={t(`nav.${view}`)}
      collapsed={views.collapsed.has(view)}
      onToggle={() => views.toggle(view)}
    >
      {node}
    </CollapsibleView>
  );

  // Document order is reading order at every width: the answer (verdict, section nav, ranking), then the what-if
  // panel, then everything else. Wide screens place the what-if panel in a sticky column beside all of it
  // (results.css grid areas); a phone reads it after the ranking, so its first screen holds the answer.
  return (
    <div className="results-layout">
      <div className="results-top decision-results">
        {!w.outcome.ok ? <ScoringErrors errors={w.outcome.errors} /> : null}
        {result ? <VerdictPanel result={result} mc={mc} names={names} /> : null}
      </div>
      <nav className="view-nav no-print" aria-label={t("nav.label")} data-testid="view-nav">
        {VIEWS.filter((v) => present[v]).map((v) => (
          <a
            key={v}
            href={`#view-${v}`}
            onClick={() => {
              // A folded section opens when the reader jumps to it.
              if (views.collapsed.has(v)) views.toggle(v);
            }}
          >
            {t(`nav.${v}`)}
          </a>
        ))}
      </nav>
      <div className="results-ranking decision-results">
        {fold(
          "ranking",
          <div id="view-ranking" className="results-view">
            {result ? <RankingTable decision={decision} result={result} /> : null}
            {slow ? <RankingSection decision={decision} result={slow} names={names} /> : null}
          </div>,
        )}
      </div>
      <aside className="results-side" aria-label={t("whatIf.title")} data-testid="what-if-side">
        <WhatIfPanel
          decision={decision}
          weights={w.weights}
          changed={w.changed}
          onShare={w.setCriterionShare}
          onReset={w.reset}
        />
      </aside>
      <div className="results-main decision-results">
        <ScoringSettingsPanel decision={decision} canWrite={canWrite} />
        {fold(
          "scenarios",
          <ScenariosPanel
            decision={decision}
            model={w.model}
            aggregation={w.teamAggregation}
            overrides={deferredOverrides}
            scenarios={scenarios}
            canWrite={canWrite}
            names={names}
            onApply={w.setWeights}
          />,
        )}
        {slow && hydrated ? (
          <>
            {fold("profiles", <ProfilesSection decision={decision} result={slow} names={names} />)}
            {present.value ? fold("value", <ValueSection decision={decision} result={slow} names={names} />) : null}
            {present.team
              ? fold(
                  "team",
                  <TeamFitSection decision={decision} result={slow} names={names} aggregation={w.teamAggregation} />,
                )
              : null}
            {present.evaluators
              ? fold(
                  "evaluators",
                  <EvaluatorsSection
                    decision={decision}
                    result={slow}
                    model={w.model}
                    overrides={deferredOverrides}
                    aggregation={w.teamAggregation}
                    names={names}
                  />,
                )
              : null}
            {fold("topsis", <TopsisSection result={slow} names={names} />)}
            {fold("sensitivity", <SensitivitySection decision={decision} result={slow} names={names} />)}
          </>
        ) : null}
        {fold("monte-carlo", <MonteCarloSection decision={decision} mc={mc} names={names} seed={seed} />)}
        {hydrated ? <StaticTables decision={decision} result={slow} /> : null}
      </div>
    </div>
  );
}
