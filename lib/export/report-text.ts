// The sentences of a report, built once from the bundle so the page, the PDF and the ADR say the same thing.
import type { CriterionDto } from "@/lib/decisions/dto";
import type { DecisionResult, RankedCandidate } from "@/lib/scoring";
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
      out.push(t("verdict.tie", { count: Number(v.params.tiedCount ?? 2) }));
      break;
    case "verdict.incomplete":
      out.push(t("verdict.incomplete"));
      break;
    case "verdict.noEligible":
      out.push(t("verdict.noEligible"));
      break;
  }
  const change = result.sensitivity.smallestChange;
  if (change)
    out.push(
      t("verdict.flip", {
        criterion: n.criterion(change.criterionId),
        from: f.share(change.fromShare),
        to: f.share(change.toShare),
        candidate: n.candidate(change.newWinnerId),
      }),
    );
  else if (result.winnerId) out.push(t("verdict.noFlip"));
  if (result.topsis.winnerId) {
    out.push(
      result.topsis.agreesWithWeightedSum
        ? t("verdict.topsisAgrees")
        : t("verdict.topsisDisagrees", { candidate: n.candidate(result.topsis.winnerId) }),
    );
  }
  if (facts.skillRisks.length > 0)
    out.push(
      t("verdict.skillRisk", {
        skills: facts.skillRisks.map((r) => `${n.skill(r.skillId)} (${r.busFactor})`).join(", "),
      }),
    );
  return out;
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

export function scoringErrorLine(b: ReportBundle, t: ReportT): string | null {
  return b.errors.length ? t("errors.cannotScore", { reasons: b.errors.map((e) => e.message).join("; ") }) : null;
}

export { changeSentence, lastChangedAt } from "./change-log";
