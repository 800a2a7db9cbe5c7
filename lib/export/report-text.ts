// The sentences of a report, built once from the bundle so the page, the PDF and the ADR say the same thing.
import type { CriterionDto } from "@/lib/decisions/dto";
import {
  agreementStrength,
  CHANCE_P,
  decisiveDisagreements,
  discussionList,
  leastAgreed,
  valueForMoney,
  type DecisionResult,
  type RankedCandidate,
  type SkillRequirementResult,
} from "@/lib/scoring";
import { atCurrentShare } from "@/lib/scoring/display";
import { EXPERT_LEVEL, RISK_BUS_FACTOR, RISK_WEIGHT } from "@/lib/scoring/team";
import { namesOf, type ReportBundle } from "./bundle";
import type { Formatters, ReportT } from "./i18n";

export function criterionMeaning(c: CriterionDto, t: ReportT, f: Formatters): string[] {
  const out: string[] = [];
  if (c.description) out.push(c.description);
  if (c.lowMeaning || c.highMeaning)
    out.push(t("meaning.lowHigh", { low: c.lowMeaning || "–", high: c.highMeaning || "–" }));
  // A rating's scale is stated by derivationText (raw-values.ts) together with how it maps to points.
  if (c.kind === "METRIC" && c.unit) out.push(t("meaning.unit", { unit: c.unit }));
  if (c.threshold !== null) {
    const value = `${f.raw(c.threshold)}${c.unit ? ` ${c.unit}` : ""}`;
    out.push(c.direction === "COST" ? t("meaning.mustHaveMax", { value }) : t("meaning.mustHaveMin", { value }));
  }
  return out;
}

export function rankingNotes(r: RankedCandidate, b: ReportBundle, t: ReportT): string[] {
  const n = namesOf(b);
  const notes: string[] = [];
  if (r.tied) notes.push(t("notes.tied"));
  if (r.excluded)
    notes.push(t("notes.excluded", { criterion: r.exclusions.map((e) => n.criterion(e.criterionId)).join(", ") }));
  if (r.incomplete) notes.push(t("notes.incomplete", { criteria: r.missingCriteria.map(n.criterion).join(", ") }));
  return notes;
}

/** Verdict, weakest weight, TOPSIS agreement and skill risk, as plain sentences. */
export function verdictSentences(result: DecisionResult, b: ReportBundle, t: ReportT, f: Formatters): string[] {
  const n = namesOf(b);
  const v = result.verdict;
  const facts = v.facts;
  const name = (id: string | null | undefined) => (id ? n.candidate(id) : "–");
  const common = {
    winner: name(facts.winnerId),
    runnerUp: name(facts.runnerUpId),
    lead: facts.lead === null ? "–" : f.points(facts.lead),
    pFirst: facts.pFirst === null ? "–" : f.share(facts.pFirst),
    samples: f.whole(facts.samples),
  };
  const out: string[] = [];
  switch (v.key) {
    case "verdict.clear":
      out.push(t("verdict.clear", common));
      break;
    case "verdict.close":
      out.push(t("verdict.close", common));
      break;
    case "verdict.tie":
      out.push(
        t("verdict.tie", {
          count: Number(v.params.tiedCount ?? 2),
          total: f.points(result.ranking.find((r) => r.rank === 1)?.total ?? 0),
        }),
      );
      break;
    case "verdict.none":
      out.push(t("verdict.none"));
      break;
    case "verdict.noEligible":
      out.push(t("verdict.noEligible"));
      break;
  }
  if (facts.unranked.length > 0)
    out.push(
      t("verdict.unranked", {
        list: facts.unranked
          .map((u) =>
            t("verdict.unrankedOne", {
              candidate: n.candidate(u.candidateId),
              criteria: u.missingCriteria.map(n.criterion).join(", "),
            }),
          )
          .join("; "),
      }),
    );
  // Nothing to judge: no flip, no second opinion, no risks of a winner that does not exist.
  if (v.key === "verdict.none" || v.key === "verdict.noEligible") return out;
  const change = result.sensitivity.smallestChange;
  if (change)
    out.push(
      t(atCurrentShare(change.toShare, change.fromShare) ? "verdict.flipNow" : "verdict.flip", {
        criterion: n.criterion(change.criterionId),
        from: f.share(change.fromShare),
        to: f.share(change.toShare),
        candidate: n.candidate(change.newWinnerId),
      }),
    );
  else if (result.winnerId) out.push(t("verdict.noFlip"));
  if (result.topsis.winnerId) {
    const why = result.topsis.disagreementCriterionId;
    out.push(
      result.topsis.agreesWithWeightedSum
        ? t("verdict.topsisAgrees")
        : why
          ? t("verdict.topsisDisagreesWhy", {
              candidate: n.candidate(result.topsis.winnerId),
              criterion: n.criterion(why),
            })
          : t("verdict.topsisDisagrees", { candidate: n.candidate(result.topsis.winnerId) }),
    );
  }
  if (facts.skillRisks.length > 0) {
    out.push(
      t("verdict.skillRisk", {
        skills: facts.skillRisks
          .map((r) =>
            t(r.flagged ? "verdict.skillRiskOne" : "verdict.skillNoExpert", {
              skill: n.skill(r.skillId),
              busFactor: r.busFactor,
              share: f.share(r.weight),
              level: EXPERT_LEVEL,
            }),
          )
          .join("; "),
      }),
    );
    if (facts.skillRisks.some((r) => r.flagged)) out.push(busFactorRule(t, f));
  }
  const agreement = result.consensus.overall;
  if (agreement) {
    out.push(
      t(agreement.pValue >= CHANCE_P ? "verdict.consensusChance" : "verdict.consensus", {
        raters: agreement.raters,
        items: agreement.items,
        strength: agreementStrength(agreement.w),
        w: f.concordance(agreement.w),
        p: f.pValue(agreement.pValue),
      }),
    );
    const least = leastAgreed(result.consensus);
    if (least)
      out.push(
        t("verdict.disagreeMost", { criterion: n.criterion(least.criterionId), w: f.concordance(least.concordance.w) }),
      );
  }
  const decisive = decisiveDisagreements(discussionList(result));
  if (decisive)
    out.push(
      t(decisive.count === 1 ? "verdict.discussionDecisive" : "verdict.discussionDecisiveMany", {
        count: decisive.count,
        criterion: n.criterion(decisive.first.criterionId),
        candidate: n.candidate(decisive.first.candidateId),
        min: f.raw(decisive.first.min),
        max: f.raw(decisive.first.max),
        swing: f.points(decisive.first.swing),
      }),
    );
  return out;
}

/** What a requirement's bus factor means, with the rule beside the flag; a bus factor of 0 is always named. */
export function requirementFlags(q: SkillRequirementResult, skill: string, t: ReportT, f: Formatters): string[] {
  const out: string[] = [];
  if (q.risk)
    out.push(
      t("teamFit.risk", {
        skill,
        busFactor: q.busFactor,
        share: f.share(q.weight),
        minShare: f.share(RISK_WEIGHT),
        people: RISK_BUS_FACTOR,
        level: EXPERT_LEVEL,
      }),
    );
  if (q.busFactor === 0) out.push(t("teamFit.noExpert", { skill, level: EXPERT_LEVEL }));
  return out;
}

/** The bus-factor rule in words, stated wherever a risk is flagged. */
export function busFactorRule(t: ReportT, f: Formatters): string {
  return t("teamFit.rule", { share: f.share(RISK_WEIGHT), people: RISK_BUS_FACTOR, level: EXPERT_LEVEL });
}

/** Per criterion: the share interval over which the current winner stays first. */
export function stabilitySentences(result: DecisionResult, b: ReportBundle, t: ReportT, f: Formatters): string[] {
  const n = namesOf(b);
  if (!result.sensitivity.leaderId) return [];
  return result.sensitivity.criteria.map((c) =>
    t("verdict.stable", {
      criterion: n.criterion(c.criterionId),
      from: f.share(c.stableFrom),
      to: f.share(c.stableTo),
      share: f.share(c.currentShare),
    }),
  );
}

/** The candidate the report presents as the outcome: the chosen one when decided, else the leader. */
export function outcomeLine(b: ReportBundle, t: ReportT): string {
  const n = namesOf(b);
  if (b.decision.chosenCandidateId)
    return t("outcome.chosen", { candidate: n.candidate(b.decision.chosenCandidateId) });
  if (b.result?.winnerId) return t("outcome.leading", { candidate: n.candidate(b.result.winnerId) });
  return t("outcome.none");
}

/** How the figures were computed: cell aggregation and weight source, as set on the decision. */
export function methodLine(b: ReportBundle, t: ReportT): string {
  const m = b.decision.scoring ?? { aggregation: "mean", weightSource: "direct" };
  return t("method.line", { aggregation: t(`method.${m.aggregation}`), weights: t(`method.${m.weightSource}`) });
}

export function scoringErrorLine(b: ReportBundle, t: ReportT): string | null {
  return b.errors.length ? t("errors.cannotScore", { reasons: b.errors.map((e) => e.message).join("; ") }) : null;
}

export { changeSentence, lastChangedAt } from "./change-log";

/** Value for money in words (lib/scoring/value-for-money.ts): nothing when no criterion is money. */
export function valueSentences(result: DecisionResult, b: ReportBundle, t: ReportT, f: Formatters): string[] {
  const v = valueForMoney(b.decision.criteria, result);
  const n = namesOf(b);
  if (v.kind === "none") return [];
  if (v.kind === "mixed")
    return [
      t("value.mixed", { list: v.currencies.map((c) => (c.unit ? `${c.currency} ${c.unit}` : c.currency)).join(", ") }),
    ];
  if (v.kind === "noBenefit") return [t("value.noBenefit")];
  const money = (x: number) => f.money(x, v.currency, v.unit);
  const at = (id: string) => v.points.find((p) => p.candidateId === id)!;
  const frontier = v.frontier.map(at);
  return [
    t("value.explain", { share: f.share(v.benefitShare), money: v.moneyCriterionIds.map(n.criterion).join(", ") }),
    ...v.points.map((p) =>
      t("value.point", { candidate: n.candidate(p.candidateId), cost: money(p.cost), benefit: f.points(p.benefit) }),
    ),
    t("value.frontier", { list: frontier.map((p) => n.candidate(p.candidateId)).join(", ") }),
    ...v.steps.map((s) =>
      t("value.step", {
        from: n.candidate(s.from),
        to: n.candidate(s.to),
        cost: money(s.extraCost),
        benefit: f.points(s.extraBenefit),
      }),
    ),
    ...v.points
      .filter((p) => p.dominated)
      .map((p) =>
        t("value.dominated", { candidate: n.candidate(p.candidateId), by: p.dominatedBy.map(n.candidate).join(", ") }),
      ),
    ...(v.withoutCost.length ? [t("value.withoutCost", { list: v.withoutCost.map(n.candidate).join(", ") })] : []),
  ];
}
