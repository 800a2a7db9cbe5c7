"use client";
import { useFormatter, useTranslations } from "next-intl";
import {
  formatConcordance,
  formatPoints,
  formatPValue,
  formatRaw,
  formatShare,
} from "@/components/decisions/number-format";
import {
  agreementStrength,
  CHANCE_P,
  decisiveDisagreements,
  discussionList,
  leastAgreed,
  type DecisionResult,
  type Verdict,
  type VerdictFacts,
} from "@/lib/scoring";
import { atCurrentShare } from "@/lib/scoring/display";
import { EXPERT_LEVEL, RISK_BUS_FACTOR, RISK_WEIGHT } from "@/lib/scoring/team";
import type { Names } from "./names";
import type { McState } from "./use-monte-carlo";

/** The answer in plain words: the engine's verdict key and facts, worded here in the reader's language. */
export function VerdictPanel({ result, mc, names }: { result: DecisionResult; mc: McState; names: Names }) {
  const t = useTranslations("results.verdict");
  const f = useFormatter();
  const verdict: Verdict = mc.verdict ?? result.verdict;
  const facts = verdict.facts;
  const p = verdict.params;
  const name = (id: unknown) => (typeof id === "string" ? names.candidate(id) : "—");
  const leaderId = facts.winnerId ?? result.ranking.find((r) => !r.excluded)?.candidateId ?? null;
  // A disagreement that alone could change the winner is part of how sure the answer is.
  const decisive = decisiveDisagreements(discussionList(result));
  const main = (() => {
    switch (verdict.key) {
      case "verdict.clear":
        return t("clear", {
          winner: name(facts.winnerId),
          runnerUp: name(facts.runnerUpId),
          lead: formatPoints(f, facts.lead ?? 0),
        });
      case "verdict.close":
        return facts.runnerUpId
          ? t("close", {
              winner: name(facts.winnerId),
              runnerUp: name(facts.runnerUpId),
              lead: formatPoints(f, facts.lead ?? 0),
            })
          : t("closeAlone", { winner: name(facts.winnerId) });
      case "verdict.tie":
        return t("tie", {
          count: Number(p.tiedCount ?? 2),
          total: formatPoints(f, result.ranking.find((r) => r.candidateId === leaderId)?.total ?? 0),
          names: String(p.tiedIds ?? "")
            .split(",")
            .map(name)
            .join(", "),
        });
      case "verdict.none":
        return t("none");
      default:
        return t("noEligible");
    }
  })();
  const change = result.sensitivity.smallestChange;
  const ranked = result.ranking
    .filter((r) => r.rank !== null && !r.excluded)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || b.total - a.total);
  const first = mc.monteCarlo && leaderId ? mc.monteCarlo.pFirst.find((x) => x.candidateId === leaderId) : undefined;
  return (
    <section
      className="verdict callout"
      aria-labelledby="verdict-heading"
      data-testid="verdict"
      data-verdict={verdict.key}
    >
      <h2 id="verdict-heading">{t("title")}</h2>
      <p className="verdict-main">{main}</p>
      {ranked.length > 0 ? (
        // The ranking at a glance, for narrow screens, where the full table is a screen further down (results.css
        // shows it only there). Each line: rank, candidate, total, lead over the next one.
        <ol className="plain verdict-ranking" aria-label={t("glanceLabel")} data-testid="verdict-ranking">
          {ranked.map((r) => (
            <li key={r.candidateId} data-candidate={name(r.candidateId)}>
              <span className="verdict-rank">{r.tied ? t("glanceTied", { rank: r.rank ?? 0 }) : r.rank}</span>{" "}
              <span className="verdict-name">{name(r.candidateId)}</span>{" "}
              <span className="verdict-total">{formatPoints(f, r.total)}</span>
              {r.margin !== null ? (
                <>
                  {" "}
                  <span className="verdict-margin" data-testid="verdict-margin">
                    {t("glanceMargin", { margin: formatPoints(f, r.margin) })}
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {facts.unranked.length > 0 ? (
        <p data-testid="verdict-unranked">
          {t("unranked", {
            list: facts.unranked
              .map((u) =>
                t("unrankedOne", {
                  candidate: name(u.candidateId),
                  criteria: u.missingCriteria.map(names.criterion).join(", "),
                }),
              )
              .join(t("listSeparator")),
          })}
        </p>
      ) : null}
      {verdict.key !== "verdict.noEligible" && verdict.key !== "verdict.none" ? (
        <>
          {/* Its own line with reserved height: the simulation's sentence arrives after the page is shown and must not
              push the ranking down (layout shift). */}
          <p className="verdict-mc">
            {mc.monteCarlo && first ? (
              <span data-testid="verdict-mc">
                {t(mc.final ? "mc" : "mcProvisional", {
                  leader: name(leaderId),
                  p: formatShare(f, first.p),
                  se: formatShare(f, first.se),
                  samples: mc.monteCarlo.samples,
                })}
              </span>
            ) : (
              <span className="hint">
                {mc.status === "unsupported" || mc.status === "error" ? t("mcUnavailable") : t("mcPending")}
              </span>
            )}
          </p>
          {facts.skillRisks.length > 0 ? <p data-testid="verdict-risks">{riskSentence(facts, names, t, f)}</p> : null}
          <p>
            {change
              ? t(
                  `${change.toShare > change.fromShare ? "flipUp" : "flipDown"}${atCurrentShare(change.toShare, change.fromShare) ? "Now" : ""}`,
                  {
                    other: name(change.newWinnerId),
                    criterion: names.criterion(change.criterionId),
                    share: formatShare(f, change.toShare),
                    current: formatShare(f, change.fromShare),
                  },
                )
              : t("noFlip")}{" "}
            {result.topsis.winnerId
              ? result.topsis.agreesWithWeightedSum
                ? t("topsisAgrees")
                : result.topsis.disagreementCriterionId
                  ? t("topsisDisagreesWhy", {
                      other: name(result.topsis.winnerId),
                      criterion: names.criterion(result.topsis.disagreementCriterionId),
                    })
                  : t("topsisDisagrees", { other: name(result.topsis.winnerId) })
              : null}
          </p>
          {result.consensus.overall ? (
            <p data-testid="verdict-consensus">{consensusSentence(result, names, t, f)}</p>
          ) : null}
          {decisive ? (
            <p data-testid="verdict-discussion">
              {t(decisive.count === 1 ? "discussionDecisive" : "discussionDecisiveMany", {
                count: decisive.count,
                criterion: names.criterion(decisive.first.criterionId),
                candidate: names.candidate(decisive.first.candidateId),
                min: formatRaw(f, decisive.first.min),
                max: formatRaw(f, decisive.first.max),
                swing: formatPoints(f, decisive.first.swing),
              })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** How far the evaluators agree on the order, and where least, in the words of lib/scoring/consensus.ts. */
function consensusSentence(
  result: DecisionResult,
  names: Names,
  t: ReturnType<typeof useTranslations<"results.verdict">>,
  f: ReturnType<typeof useFormatter>,
): string {
  const o = result.consensus.overall!;
  const main = t(o.pValue >= CHANCE_P ? "consensusChance" : "consensus", {
    raters: o.raters,
    items: o.items,
    strength: agreementStrength(o.w),
    w: formatConcordance(f, o.w),
    p: formatPValue(f, o.pValue),
  });
  const least = leastAgreed(result.consensus);
  return least
    ? `${main} ${t("disagreeMost", { criterion: names.criterion(least.criterionId), w: formatConcordance(f, least.concordance.w) })}`
    : main;
}

/**
 * The winner's skill risks, each with the reason it is named: the bus-factor rule (stated in full) or a bus factor of
 * 0, which is always named whatever the skill's share.
 */
function riskSentence(
  facts: VerdictFacts,
  names: Names,
  t: ReturnType<typeof useTranslations<"results.verdict">>,
  f: ReturnType<typeof useFormatter>,
): string {
  const list = facts.skillRisks
    .map((r) =>
      t(r.flagged ? "risk" : "riskNoExpert", {
        skill: names.skill(r.skillId),
        busFactor: r.busFactor,
        share: formatShare(f, r.weight),
        level: EXPERT_LEVEL,
      }),
    )
    .join(t("listSeparator"));
  const rule = facts.skillRisks.some((r) => r.flagged)
    ? ` ${t("riskRule", { share: formatShare(f, RISK_WEIGHT), people: RISK_BUS_FACTOR, level: EXPERT_LEVEL })}`
    : "";
  return `${t("risks", { list })}${rule}`;
}
