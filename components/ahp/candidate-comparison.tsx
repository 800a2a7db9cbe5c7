"use client";
// Comparing the candidates in pairs on a pairwise criterion (issue 17): one Saaty question per pair, saved as it is
// answered, with the person's own points and consistency and the group's (geometric mean of every visible answer,
// principal eigenvector, ideal mode 10 × p / max p) updating live from the same engine function the results use.
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveCandidateJudgmentAction } from "@/lib/actions/candidate-judgments";
import { candidatePairwise, CR_LIMIT, type CandidateJudgmentInput, type CandidatePairwiseResult } from "@/lib/scoring";
import type { CandidateJudgmentDto, ComparisonView } from "@/lib/server/candidate-judgments";
import { asSaatyValue } from "@/lib/validation/judgment";
import { SaatyScale } from "./saaty-scale";
import { PairFeedback } from "./pair-feedback";
import { usePairAnswers } from "./use-pair-answers";

type Pair = { key: string; criterionId: string; a: string; b: string };

const pairKey = (criterionId: string, a: string, b: string) => `${criterionId}|${a}|${b}`;

export function CandidateComparison({ view, initialCriterion }: { view: ComparisonView; initialCriterion?: string }) {
  const t = useTranslations("ahp.candidates");
  const ta = useTranslations("ahp");
  const f = useFormatter();
  const router = useRouter();
  const [criterionId, setCriterionId] = useState(
    view.criteria.find((c) => c.id === initialCriterion)?.id ?? view.criteria[0]?.id ?? "",
  );
  const criterion = view.criteria.find((c) => c.id === criterionId);
  const candidateIds = view.candidates.map((c) => c.id);
  const name = (id: string) => view.candidates.find((c) => c.id === id)?.name ?? "";
  const pairs = useMemo(() => {
    const out: Pair[] = [];
    for (let i = 0; i < view.candidates.length; i++)
      for (let j = i + 1; j < view.candidates.length; j++) {
        const [a, b] = [view.candidates[i].id, view.candidates[j].id];
        out.push({ key: pairKey(criterionId, a, b), criterionId, a, b });
      }
    return out;
  }, [view.candidates, criterionId]);

  // My answers keyed by criterion and pair, always "A over B" in candidate order.
  const { mine, status, errors, conflict, answer, resolve } = usePairAnswers<Pair, CandidateJudgmentDto>({
    initial: () => {
      const order = new Map(candidateIds.map((id, i) => [id, i]));
      const out: Record<string, { value: number; row: CandidateJudgmentDto }> = {};
      for (const j of view.mine) {
        const forward = (order.get(j.candidateAId) ?? 0) < (order.get(j.candidateBId) ?? 0);
        const [a, b] = forward ? [j.candidateAId, j.candidateBId] : [j.candidateBId, j.candidateAId];
        out[pairKey(j.criterionId, a, b)] = { value: forward ? j.value : 1 / j.value, row: j };
      }
      return out;
    },
    save: (p, value, version) =>
      saveCandidateJudgmentAction({
        decisionId: view.decisionId,
        criterionId: p.criterionId,
        candidateAId: p.a,
        candidateBId: p.b,
        value,
        version,
      }),
    asAsked,
    fieldError: (e) => e?.value ?? e?.criterionId,
    // The results, the score grid's progress and the blind state read the answers on the server.
    onSaved: () => router.refresh(),
  });

  const myJudgments: CandidateJudgmentInput[] = Object.entries(mine).map(([key, a]) => {
    const [crit, candidateA, candidateB] = key.split("|");
    return { criterionId: crit, evaluatorId: view.me.id, candidateA, candidateB, value: a.value };
  });
  const others: CandidateJudgmentInput[] = view.judgments.filter((j) => j.evaluatorId !== view.me.id);
  const own = criterion ? candidatePairwise(criterionId, candidateIds, myJudgments) : null;
  const group = criterion ? candidatePairwise(criterionId, candidateIds, [...others, ...myJudgments]) : null;

  const words = (p: Pair, v: number) => {
    const s = asSaatyValue(v) ?? v;
    if (Math.abs(s - 1) < 1e-9) return t("answerEqual", { a: name(p.a), b: name(p.b) });
    const [more, less, k] = s > 1 ? [p.a, p.b, Math.round(s)] : [p.b, p.a, Math.round(1 / s)];
    return t("answerMore", { more: name(more), less: name(less), words: t(`words.${k}` as "words.2"), value: k });
  };
  const fmt = (v: number, d: number) => f.number(v, { minimumFractionDigits: d, maximumFractionDigits: d });
  const crText = (r: CandidatePairwiseResult | null) => {
    if (!r || r.status !== "ok") return ta("results.notYet");
    if (r.cr === null) return ta("results.notApplicable");
    return `${fmt(r.cr, 3)} · ${r.cr <= CR_LIMIT ? ta("results.ok") : ta("results.warn")}`;
  };
  const states = pairs.map((p) => status[p.key]).filter(Boolean);
  const saveStatus = states.includes("failed")
    ? ta("status.failed")
    : states.includes("saving")
      ? ta("status.saving")
      : states.length
        ? ta("status.saved")
        : "";
  const answered = pairs.filter((p) => mine[p.key]).length;
  const pointsOf = (r: CandidatePairwiseResult | null, id: string) =>
    r?.status === "ok" ? r.priorities.find((x) => x.candidateId === id) : undefined;

  return (
    <section className="ahp-page" id="compare" aria-labelledby="compare-heading" data-testid="candidate-comparison">
      <h2 id="compare-heading">{t("title")}</h2>
      <p className="lede">{t("lede")}</p>
      {view.criteria.length === 0 ? (
        <p className="callout">{t("none")}</p>
      ) : view.candidates.length < 2 ? (
        <p className="callout">{t("needsCandidates")}</p>
      ) : (
        <>
          {view.locked ? (
            <p className="callout">{ta("locked")}</p>
          ) : !view.canAnswer ? (
            <p className="callout">{ta("readOnly")}</p>
          ) : null}
          {view.blind ? <p className="callout">{t("blind")}</p> : null}
          <div className="setup-field">
            <label htmlFor="compare-criterion">{t("pick")}</label>
            <select id="compare-criterion" value={criterionId} onChange={(e) => setCriterionId(e.target.value)}>
              {view.criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {criterion?.description ? <p className="hint">{criterion.description}</p> : null}
          </div>
          <div className="ahp-layout">
            {view.canAnswer && criterion ? (
              <div className="ahp-questions">
                <h3>{t("questionsTitle", { criterion: criterion.name, count: pairs.length, answered })}</h3>
                <p role="status" aria-live="polite" className="score-save-status" data-testid="compare-save-status">
                  {saveStatus}
                </p>
                <ol className="plain ahp-question-list">
                  {pairs.map((p, n) => {
                    const a = mine[p.key];
                    const c = conflict[p.key];
                    return (
                      <li
                        key={p.key}
                        className="ahp-question"
                        data-testid="compare-question"
                        data-pair={`${name(p.a)} vs ${name(p.b)}`}
                      >
                        <fieldset>
                          <legend>
                            {n + 1}. {t("question", { criterion: criterion.name, a: name(p.a), b: name(p.b) })}
                          </legend>
                          <SaatyScale
                            name={p.key}
                            value={a?.value}
                            onPick={(v) => void answer(p, v)}
                            endA={t("better", { name: name(p.a) })}
                            endB={t("better", { name: name(p.b) })}
                            equal={ta("equal")}
                            words={(v) => words(p, v)}
                          />
                          <p className="hint" data-testid="compare-answer">
                            {a ? words(p, a.value) : ta("unanswered")}
                          </p>
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
                            conflictTestId="compare-conflict"
                          />
                        </fieldset>
                      </li>
                    );
                  })}
                </ol>
              </div>
            ) : null}
            <section className="ahp-results" aria-labelledby="compare-results-heading">
              <h3 id="compare-results-heading">{criterion?.name}</h3>
              <dl className="ahp-cr">
                {view.canAnswer ? (
                  <>
                    <dt>{t("yourCr")}</dt>
                    <dd data-testid="compare-own-cr">{crText(own)}</dd>
                  </>
                ) : null}
                <dt>{t("groupCr")}</dt>
                <dd data-testid="compare-group-cr">{crText(group)}</dd>
                {group?.status === "ok" ? (
                  <dd className="sub">
                    {ta("results.groupOf", { count: group.evaluatorCount })}
                    {group.lambdaMax !== null && group.ci !== null
                      ? ` · λmax ${fmt(group.lambdaMax, 3)}, CI ${fmt(group.ci, 3)}`
                      : ""}
                  </dd>
                ) : null}
              </dl>
              <table className="data-table" data-testid="compare-points">
                <thead>
                  <tr>
                    <th scope="col">{t("candidate")}</th>
                    {view.canAnswer ? (
                      <th scope="col" className="num">
                        {t("yourPoints")}
                      </th>
                    ) : null}
                    <th scope="col" className="num">
                      {t("groupPriority")}
                    </th>
                    <th scope="col" className="num">
                      {t("groupPoints")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.candidates.map((c) => {
                    const o = pointsOf(own, c.id);
                    const g = pointsOf(group, c.id);
                    return (
                      <tr key={c.id} data-candidate={c.name}>
                        <th scope="row">{c.name}</th>
                        {view.canAnswer ? <td className="num">{o ? fmt(o.points, 2) : "—"}</td> : null}
                        <td className="num">{g ? fmt(g.priority, 3) : "—"}</td>
                        <td className="num" data-testid="compare-group-points">
                          {g ? fmt(g.points, 2) : "—"}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {group?.status === "disconnected" ? <p className="hint">{t("disconnected")}</p> : null}
              {group?.status === "ok" && group.unjudged.length > 0 ? (
                <p className="hint">{t("unjudged", { names: group.unjudged.map(name).join(", ") })}</p>
              ) : null}
              {group?.status === "ok" && group.cr !== null && group.cr > CR_LIMIT ? (
                <p className="callout" data-testid="compare-inconsistent">
                  {t("inconsistent", {
                    pairs: group.inconsistentJudgments
                      .slice(0, 3)
                      .map((x) => `${name(x.candidateA)} / ${name(x.candidateB)}`)
                      .join("; "),
                  })}
                </p>
              ) : null}
            </section>
          </div>
        </>
      )}
    </section>
  );
}

/** A stored row's value as "A over B" for the pair as asked, whichever way round it is stored. */
function asAsked(row: CandidateJudgmentDto, p: Pair): number {
  return row.candidateAId === p.a ? row.value : 1 / row.value;
}
