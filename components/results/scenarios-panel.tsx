"use client";
import { memo, useMemo, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatPoints } from "@/components/decisions/number-format";
import { saveScenarioAction } from "@/lib/actions/scenarios";
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { decisionOptionsOf } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision, type DecisionModel, type TeamAggregation } from "@/lib/scoring";
import type { ScenarioDto } from "@/lib/server/scenarios";
import type { Names } from "./names";

const ERROR_KEYS = [
  "nameRequired",
  "nameTooLong",
  "nameTaken",
  "allWeightsZero",
  "weightInvalid",
  "weightsInvalid",
  "forbidden",
  "notFound",
  "signedOut",
  "invalid",
] as const;

/** Save the current sliders under a name (architects), and compare saved scenarios side by side (everyone). */
export const ScenariosPanel = memo(function ScenariosPanel({
  decision,
  model,
  aggregation,
  overrides,
  scenarios: initial,
  canWrite,
  names,
  onApply,
}: {
  decision: ResultsDecision;
  model: DecisionModel;
  aggregation: TeamAggregation;
  overrides: Record<string, number>;
  scenarios: ScenarioDto[];
  canWrite: boolean;
  names: Names;
  onApply: (weights: number[]) => void;
}) {
  const t = useTranslations("results.scenarios");
  const f = useFormatter();
  const [scenarios, setScenarios] = useState(initial);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const base = useMemo(() => Object.fromEntries(decision.criteria.map((c) => [c.id, c.weight])), [decision]);
  // A criterion added after a scenario was saved keeps its current weight in that scenario.
  const columns = useMemo(() => {
    const cols = [
      { key: "current", label: t("current"), weights: overrides },
      // With AHP weights the decision's own weights are the eigenvector: no overrides at all.
      {
        key: "decision",
        label: t("decision"),
        weights: decisionOptionsOf(decision).weightSource === "ahp" ? {} : base,
      },
      ...scenarios.map((s) => ({ key: s.id, label: s.name, weights: { ...base, ...s.weights } })),
    ];
    return cols.map((c) => {
      const o = evaluateDecision(model, {
        ...decisionOptionsOf(decision),
        teamAggregation: aggregation,
        weightOverrides: c.weights,
        monteCarlo: { samples: 0 },
      });
      return { ...c, result: o.ok ? o.result : null };
    });
  }, [scenarios, overrides, base, model, aggregation, decision, t]);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    start(async () => {
      const r = await saveScenarioAction({ decisionId: decision.id, name, weights: overrides });
      if (r.ok) {
        const scenario = r.data!;
        setScenarios((s) => [...s, scenario]);
        setSaved(scenario.name);
        setName("");
      } else setError(Object.values(r.fieldErrors ?? {})[0] ?? r.error);
    });
  };

  return (
    <section id="view-scenarios" aria-labelledby="scenarios-heading" className="results-view">
      <h2 id="scenarios-heading">{t("title")}</h2>
      {canWrite ? (
        <form className="scenario-form no-print" onSubmit={save}>
          <label htmlFor="scenario-name">{t("name")}</label>
          <input
            id="scenario-name"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "scenario-error" : undefined}
            required
          />
          <button type="submit" disabled={pending}>
            {t("save")}
          </button>
          <span role="status" className="hint">
            {saved ? t("saved", { name: saved }) : null}
          </span>
          {error ? (
            <p id="scenario-error" className="field-error" role="alert">
              {t(
                `errors.${(ERROR_KEYS as readonly string[]).includes(error) ? (error as (typeof ERROR_KEYS)[number]) : "invalid"}`,
              )}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="hint">{t("readOnly")}</p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="scenario-compare">
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              {columns.map((c) => (
                <th scope="col" className="num" key={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr data-row="winner">
              <th scope="row">{t("winner")}</th>
              {columns.map((c) => (
                <td className="num" key={c.key}>
                  <strong>{c.result?.winnerId ? names.candidate(c.result.winnerId) : t("noWinner")}</strong>
                </td>
              ))}
            </tr>
            {decision.candidates.map((ca) => (
              <tr key={ca.id} data-row={ca.name}>
                <th scope="row">{ca.name}</th>
                {columns.map((c) => {
                  const r = c.result?.ranking.find((x) => x.candidateId === ca.id);
                  return (
                    <td className="num" key={c.key}>
                      {r ? formatPoints(f, r.total) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot className="no-print">
            <tr>
              <th scope="row">{t("apply")}</th>
              {columns.map((c) => (
                <td className="num" key={c.key}>
                  {c.key === "current" ? null : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onApply(decision.criteria.map((cr) => c.weights[cr.id] ?? cr.weight))}
                    >
                      {t("applyOne", { name: c.label })}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
});
