"use client";
// The AHP wizard: one question per pair of criteria on Saaty's scale, saved as it is answered, with the person's own
// consistency ratio and the group's (geometric mean of everyone's answers) updating live, the most inconsistent
// answers highlighted with a suggestion, and "apply the weights" writing the group weights into the criteria.
import { useFormatter, useTranslations } from "next-intl";
import { knownKey } from "@/lib/i18n/known-key";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { applyAhpWeightsAction, saveJudgmentAction } from "@/lib/actions/judgments";
import {
  ahpDistances,
  judgmentDiscussion,
  CR_LIMIT,
  judgmentPairs,
  liveAhp,
  normaliseWeights,
  type AhpResult,
  type JudgmentPair as Pair,
} from "@/lib/scoring";
import type { AhpView, JudgmentDto } from "@/lib/server/judgments";
import { asSaatyValue } from "@/lib/validation/judgment";
import { formatShare } from "@/components/decisions/number-format";
import { SaatyScale } from "./saaty-scale";
import { PairFeedback } from "./pair-feedback";
import { usePairAnswers } from "./use-pair-answers";

/** How many of the most divided pairs the wizard lists. */
const SPLIT_PAIRS = 5;

export function AhpWizard({ view }: { view: AhpView }) {
  const t = useTranslations("ahp");
  const f = useFormatter();
  const router = useRouter();
  const ids = view.criteria.map((c) => c.id);
  const name = (id: string) => view.criteria.find((c) => c.id === id)?.name ?? "";
  const pairs = useMemo(() => judgmentPairs(view.criteria.map((c) => c.id)), [view.criteria]);

  // My answers keyed by pair, always expressed as "A over B" in the wizard's order.
  const { mine, status, errors, conflict, answer, resolve } = usePairAnswers<Pair, JudgmentDto>({
    initial: () => {
      const out: Record<string, { value: number; row: JudgmentDto }> = {};
      for (const j of view.judgments) {
        if (j.evaluatorId !== view.me.id) continue;
        const p = pairs.find(
          (x) =>
            (x.a === j.criterionAId && x.b === j.criterionBId) || (x.a === j.criterionBId && x.b === j.criterionAId),
        );
        if (p) out[p.key] = { value: asAsked(j, p), row: j };
      }
      return out;
    },
    save: (p, value, version) =>
      saveJudgmentAction({ decisionId: view.decisionId, criterionAId: p.a, criterionBId: p.b, value, version }),
    asAsked,
  });
  const [applyState, setApplyState] = useState<{ kind: "idle" | "busy" | "done" | "error"; message?: string }>({
    kind: "idle",
  });

  const myJudgments = Object.entries(mine).map(([key, a]) => {
    const [criterionA, criterionB] = key.split("|");
    return { evaluatorId: view.me.id, criterionA, criterionB, value: a.value };
  });
  const othersJudgments = view.judgments
    .filter((j) => j.evaluatorId !== view.me.id)
    .map((j) => ({
      evaluatorId: j.evaluatorId,
      criterionA: j.criterionAId,
      criterionB: j.criterionBId,
      value: j.value,
    }));
  const own = liveAhp(ids, myJudgments);
  const group = liveAhp(ids, [...othersJudgments, ...myJudgments]);
  // Everyone's distance to the group judgment, furthest first; shown once there are two people to compare.
  const distances = ahpDistances(ids, [...othersJudgments, ...myJudgments]).sort((x, y) => y.factor - x.factor);
  const myDistance = distances.find((d) => d.evaluatorId === view.me.id);
  // The pairs whose answers lie furthest apart: the judgments worth talking through before applying the group weights.
  const splitPairs = judgmentDiscussion(ids, [...othersJudgments, ...myJudgments]).slice(0, SPLIT_PAIRS);

  // The three answers that explain most of my inconsistency, when my CR is over the limit.
  const flagged = new Map<string, number>(
    own && own.cr !== null && own.cr > CR_LIMIT
      ? own.inconsistentJudgments.slice(0, 3).map((j) => [`${j.criterionA}|${j.criterionB}`, j.suggested] as const)
      : [],
  );

  const words = (p: Pair, v: number) => {
    const s = asSaatyValue(v) ?? v;
    if (Math.abs(s - 1) < 1e-9) return t("answer.equal", { a: name(p.a), b: name(p.b) });
    const [more, less, k] = s > 1 ? [p.a, p.b, Math.round(s)] : [p.b, p.a, Math.round(1 / s)];
    return t("answer.more", { more: name(more), less: name(less), words: t(`words.${k}` as "words.2"), value: k });
  };

  const fmt3 = (v: number) => f.number(v, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const currentShares = normaliseWeights(view.criteria.map((c) => c.weight));
  const answered = Object.keys(mine).length;
  const states = Object.values(status);
  const saveStatus = states.includes("failed")
    ? t("status.failed")
    : states.includes("saving")
      ? t("status.saving")
      : states.length
        ? t("status.saved")
        : "";

  const apply = async () => {
    setApplyState({ kind: "busy" });
    try {
      const r = await applyAhpWeightsAction({
        decisionId: view.decisionId,
        criteria: view.criteria.map((c) => ({ id: c.id, version: c.version })),
      });
      if (r.ok) {
        setApplyState({ kind: "done", message: t("apply.done") });
        router.refresh();
      } else setApplyState({ kind: "error", message: r.error === "stale" ? t("apply.stale") : errText(r.error) });
    } catch {
      setApplyState({ kind: "error", message: errText("network") });
    }
  };
  const errText = (key: string) => {
    const k = `errors.${key}`;
    return knownKey(t, k) ? t(k) : t("errors.unknown");
  };

  return (
    <section className="ahp-page" aria-labelledby="ahp-heading">
      <h2 id="ahp-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {view.locked ? (
        <p className="callout">{t("locked")}</p>
      ) : !view.canAnswer ? (
        <p className="callout">{t("readOnly")}</p>
      ) : null}

      <div className="ahp-layout">
        {view.canAnswer ? (
          <div className="ahp-questions">
            <h3>{t("questionsTitle", { count: pairs.length, answered })}</h3>
            <p role="status" aria-live="polite" className="score-save-status" data-testid="ahp-save-status">
              {saveStatus}
            </p>
            <ol className="plain ahp-question-list">
              {pairs.map((p, n) => {
                const a = mine[p.key];
                const suggestion = flagged.get(p.key);
                const c = conflict[p.key];
                return (
                  <li
                    key={p.key}
                    className={suggestion !== undefined ? "ahp-question flagged" : "ahp-question"}
                    data-testid="ahp-question"
                    data-pair={`${name(p.a)} vs ${name(p.b)}`}
                  >
                    <fieldset>
                      <legend>
                        {n + 1}. {t("question", { a: name(p.a), b: name(p.b) })}
                      </legend>
                      <SaatyScale
                        name={p.key}
                        value={a?.value}
                        onPick={(v) => void answer(p, v)}
                        endA={t("moreImportant", { name: name(p.a) })}
                        endB={t("moreImportant", { name: name(p.b) })}
                        equal={t("equal")}
                        words={(v) => words(p, v)}
                      />
                      <p className="hint" data-testid="ahp-answer">
                        {a ? words(p, a.value) : t("unanswered")}
                      </p>
                      {suggestion !== undefined ? (
                        <p className="ahp-suggestion" data-testid="ahp-suggestion">
                          {t("inconsistent", { suggestion: words(p, suggestion) })}{" "}
                          <button type="button" onClick={() => void answer(p, suggestion)}>
                            {t("useSuggestion")}
                          </button>
                        </p>
                      ) : null}
                      <PairFeedback
                        error={errors[p.key]}
                        conflict={
                          c
                            ? {
                                pair: `${name(p.a)} / ${name(p.b)}`,
                                theirs: c.theirs ? words(p, asAsked(c.theirs, p)) : null,
                                yours: words(p, c.yours),
                              }
                            : undefined
                        }
                        onResolve={(choice) => resolve(p, choice)}
                        conflictTestId="ahp-conflict"
                      />
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          </div>
        ) : null}

        <section className="ahp-results" aria-labelledby="ahp-results-heading">
          <h3 id="ahp-results-heading">{t("results.title")}</h3>
          <dl className="ahp-cr">
            {view.canAnswer ? (
              <>
                <dt>{t("results.yourCr")}</dt>
                <dd data-testid="own-cr">{crText(own)}</dd>
                {own ? (
                  <dd className="sub">
                    {t("results.lambda", { lambda: fmt3(own.lambdaMax), ci: fmt3(own.ci), ri: f.number(own.ri) })}
                  </dd>
                ) : null}
              </>
            ) : null}
            <dt>{t("results.groupCr")}</dt>
            <dd data-testid="group-cr">{crText(group)}</dd>
            {group ? <dd className="sub">{t("results.groupOf", { count: group.evaluatorCount })}</dd> : null}
          </dl>
          <table className="data-table" data-testid="ahp-weights">
            <thead>
              <tr>
                <th scope="col">{t("results.criterion")}</th>
                <th scope="col" className="num">
                  {t("results.current")}
                </th>
                {view.canAnswer ? (
                  <th scope="col" className="num">
                    {t("results.yours")}
                  </th>
                ) : null}
                <th scope="col" className="num">
                  {t("results.group")}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.criteria.map((c, i) => (
                <tr key={c.id} data-criterion={c.name}>
                  <th scope="row">{c.name}</th>
                  <td className="num" data-testid="current-weight">
                    {currentShares ? formatShare(f, currentShares[i]) : "—"}
                  </td>
                  {view.canAnswer ? <td className="num">{own ? formatShare(f, own.weights[i].weight) : "—"}</td> : null}
                  <td className="num">{group ? formatShare(f, group.weights[i].weight) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {distances.length >= 2 ? (
            <section className="ahp-distances" aria-labelledby="ahp-distance-heading">
              <h4 id="ahp-distance-heading">{t("distance.title")}</h4>
              <p className="hint">{t("distance.hint")}</p>
              <table className="data-table" data-testid="ahp-distances">
                <thead>
                  <tr>
                    <th scope="col">{t("distance.evaluator")}</th>
                    <th scope="col" className="num">
                      {t("distance.pairs")}
                    </th>
                    <th scope="col" className="num">
                      {t("distance.factor")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {distances.map((d) => {
                    const person =
                      d.evaluatorId === view.me.id
                        ? view.me.name
                        : (view.evaluators.find((e) => e.id === d.evaluatorId)?.name ?? "");
                    return (
                      <tr key={d.evaluatorId} data-evaluator={person}>
                        <th scope="row">
                          {d.evaluatorId !== view.me.id
                            ? person
                            : person
                              ? t("distance.you", { name: person })
                              : t("distance.youUnnamed")}
                        </th>
                        <td className="num">{d.pairs}</td>
                        <td className="num">
                          {t("distance.value", {
                            factor: f.number(d.factor, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                          })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {myDistance?.farthest ? <p data-testid="ahp-my-farthest">{farthestText(myDistance.farthest)}</p> : null}
            </section>
          ) : null}
          {splitPairs.length > 0 ? (
            <section className="ahp-distances" aria-labelledby="ahp-split-heading">
              <h4 id="ahp-split-heading">{t("split.title")}</h4>
              <p className="hint">{t("split.hint")}</p>
              <div className="table-scroll">
                <table className="data-table" data-testid="ahp-split-pairs">
                  <thead>
                    <tr>
                      <th scope="col">{t("split.pair")}</th>
                      <th scope="col" className="num">
                        {t("split.answers")}
                      </th>
                      <th scope="col">{t("split.oneEnd")}</th>
                      <th scope="col">{t("split.otherEnd")}</th>
                      <th scope="col">{t("split.group")}</th>
                      <th scope="col" className="num">
                        {t("split.apart")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {splitPairs.map((x) => {
                      const p = pairOf(x.criterionA, x.criterionB);
                      const asked = (v: number) => (p.a === x.criterionA ? v : 1 / v);
                      return (
                        <tr key={p.key} data-pair={`${name(p.a)} / ${name(p.b)}`}>
                          <th scope="row">{t("split.pairName", { a: name(p.a), b: name(p.b) })}</th>
                          <td className="num">{x.evaluatorCount}</td>
                          <td>{words(p, asked(x.lowest))}</td>
                          <td>{words(p, asked(x.highest))}</td>
                          <td>{groupText(x.criterionA, x.criterionB, x.group)}</td>
                          <td className="num">
                            {t("distance.value", {
                              factor: f.number(Math.exp(x.logSpread), {
                                minimumFractionDigits: 2,
                                maximumFractionDigits: 2,
                              }),
                            })}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {view.canApply ? (
            <div className="ahp-apply">
              <p className="hint">{group?.complete ? t("apply.explain") : t("apply.needsAll")}</p>
              <button
                type="button"
                className="primary"
                disabled={!group?.complete || applyState.kind === "busy"}
                onClick={() => void apply()}
              >
                {t("apply.button")}
              </button>
              <p role="status" aria-live="polite" data-testid="ahp-apply-status">
                {applyState.message ?? ""}
              </p>
            </div>
          ) : null}
        </section>
      </div>
    </section>
  );

  /** The wizard's pair for two criteria, whichever way round they are named. */
  function pairOf(a: string, b: string): Pair {
    return pairs.find((q) => (q.a === a && q.b === b) || (q.a === b && q.b === a))!;
  }

  /** A group judgment of a over b as a plain ratio (a geometric mean is rarely on Saaty's scale). */
  function groupRatio(a: string, b: string, group: number) {
    const [more, less, ratio] = group >= 1 ? [a, b, group] : [b, a, 1 / group];
    return {
      more: name(more),
      less: name(less),
      ratio: f.number(ratio, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
  }

  function groupText(a: string, b: string, group: number) {
    return t("split.groupValue", groupRatio(a, b, group));
  }

  /** My answer furthest from the group's, in the wizard's words, and the group's as a plain ratio (not on Saaty's scale). */
  function farthestText(x: { criterionA: string; criterionB: string; own: number; group: number }) {
    const p = pairOf(x.criterionA, x.criterionB);
    const own = p.a === x.criterionA ? x.own : 1 / x.own;
    return t("distance.farthest", {
      a: name(p.a),
      b: name(p.b),
      own: words(p, own),
      ...groupRatio(x.criterionA, x.criterionB, x.group),
    });
  }

  function crText(o: AhpResult | null) {
    if (!o) return t("results.notYet");
    if (o.cr === null) return t("results.notApplicable");
    return `${fmt3(o.cr)} · ${o.cr <= CR_LIMIT ? t("results.ok") : t("results.warn")}`;
  }
}

/** A stored answer as "A over B" for the pair as the wizard asks it, whichever way round it is stored. */
function asAsked(row: JudgmentDto, p: Pair): number {
  return row.criterionAId === p.a ? row.value : 1 / row.value;
}
