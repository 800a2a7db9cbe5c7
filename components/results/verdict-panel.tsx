"use client";
import { useFormatter, useTranslations } from "next-intl";
import { formatPoints, formatShare } from "@/components/decisions/number-format";
import type { DecisionResult, Verdict } from "@/lib/scoring";
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
          names: String(p.tiedIds ?? "")
            .split(",")
            .map(name)
            .join(", "),
        });
      case "verdict.incomplete":
        return t("incomplete", { leader: name(leaderId) });
      default:
        return t("noEligible");
    }
  })();
  const change = result.sensitivity.smallestChange;
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
      {verdict.key !== "verdict.noEligible" ? (
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
          <p>
            {change
              ? t(change.toShare > change.fromShare ? "flipUp" : "flipDown", {
                  other: name(change.newWinnerId),
                  criterion: names.criterion(change.criterionId),
                  share: formatShare(f, change.toShare),
                  current: formatShare(f, change.fromShare),
                })
              : t("noFlip")}{" "}
            {facts.skillRisks.length > 0
              ? t("risks", {
                  list: facts.skillRisks
                    .map((r) => t("risk", { skill: names.skill(r.skillId), busFactor: r.busFactor }))
                    .join(t("listSeparator")),
                })
              : null}{" "}
            {result.topsis.winnerId
              ? result.topsis.agreesWithWeightedSum
                ? t("topsisAgrees")
                : t("topsisDisagrees", { other: name(result.topsis.winnerId) })
              : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
