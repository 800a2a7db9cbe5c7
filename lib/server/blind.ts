import "server-only";
import type { DecisionDetail } from "@/lib/decisions/dto";
import type { Actor } from "./actor";
import { can } from "./authz";
import { isPairwise, scoredCriteria } from "@/lib/scoring";

/*
 * THE BLIND SCORING RULE: one rule for every read path (results page, score grid, team fit, report, share link, PDF,
 * Markdown, CSV, XLSX, JSON, and any future API, all of which read scores through getDecision or through
 * `visibleScores` below).
 *
 * While blind scoring is on for a decision (settings.blindScoring, default on) and the decision is still open
 * (DRAFT or IN_REVIEW), a person who may score (score.write: ARCHITECT, ADMIN) and has not yet scored every scorable
 * cell (criterion × candidate, skill-match criteria excluded; on a pairwise criterion, every pair of candidates) sees
 * only their own scores and pairwise answers: no other evaluator's value,
 * rationale or evidence, no aggregate built from them, and no other evaluator in the evaluator list. Once they have
 * scored every cell, or the decision is DECIDED or SUPERSEDED (nobody can score any more, so nobody can be anchored),
 * they see everything. People who never score (VIEWER, TEAM_LEAD) and share-link visitors (read as a VIEWER) see the
 * group's scores at once: they cannot be anchored. Pairwise judgments of the criteria' weights are not blind (the AHP
 * tab shows the group's answers to everyone, as before); pairwise judgments of the candidates are opinions about
 * them, as scores are, and are blind like scores.
 *
 * Evaluator e-mail addresses appear only in the JSON export, and only for people who may import it again
 * (decision.write); everyone else, and every other export, names evaluators by display name.
 */

export interface BlindInput {
  status: DecisionDetail["status"];
  settings: unknown;
  criteria: {
    id: string;
    kind: DecisionDetail["criteria"][number]["kind"];
    pairwise?: boolean;
    parentId?: string | null;
  }[];
  candidates: { id: string }[];
  scores: { evaluatorId: string; criterionId: string; candidateId: string }[];
  candidateJudgments?: { evaluatorId: string; criterionId: string; candidateA: string; candidateB: string }[];
}

export interface BlindState {
  /** Blind scoring is switched on for this decision (the default). */
  blindScoring: boolean;
  /** Others' scores are withheld from this actor. */
  hidden: boolean;
  /** Scorable cells of the decision (criterion × candidate, skill-match criteria excluded). */
  scorableCells: number;
  /** Scorable cells the actor has scored. */
  scoredByActor: number;
}

export function blindScoringOn(settings: unknown): boolean {
  return !(
    typeof settings === "object" &&
    settings !== null &&
    (settings as Record<string, unknown>).blindScoring === false
  );
}

/** Only the actor's own scores are needed to decide, so this gives the same answer before and after filtering. */
export function blindState(actor: Actor, d: BlindInput): BlindState {
  const blindScoring = blindScoringOn(d.settings);
  // Only opinions are scored: facts (METRIC) are entered once and skill match is computed. A pairwise criterion's
  // opinions are its pairs of candidates.
  // Groups are not scored: their sub-criteria are.
  const rating = scoredCriteria(d.criteria).filter((c) => c.kind === "RATING");
  const scorable = new Set(rating.filter((c) => !isPairwise(c)).map((c) => c.id));
  const pairwise = new Set(rating.filter(isPairwise).map((c) => c.id));
  const candidates = new Set(d.candidates.map((c) => c.id));
  const n = candidates.size;
  const scorableCells = scorable.size * n + (pairwise.size * n * (n - 1)) / 2;
  const answered = new Set(
    (d.candidateJudgments ?? [])
      .filter(
        (j) =>
          j.evaluatorId === actor.userId &&
          pairwise.has(j.criterionId) &&
          j.candidateA !== j.candidateB &&
          candidates.has(j.candidateA) &&
          candidates.has(j.candidateB),
      )
      .map((j) => JSON.stringify([j.criterionId, ...[j.candidateA, j.candidateB].sort()])),
  );
  const scoredByActor =
    d.scores.filter(
      (s) => s.evaluatorId === actor.userId && scorable.has(s.criterionId) && candidates.has(s.candidateId),
    ).length + answered.size;
  const open = d.status === "DRAFT" || d.status === "IN_REVIEW";
  const hidden = blindScoring && open && can(actor.role, "score.write") && scoredByActor < scorableCells;
  return { blindScoring, hidden, scorableCells, scoredByActor };
}

/** The scores this actor may see: all of them, or their own while the blind holds. */
export function visibleScores<T extends { evaluatorId: string }>(actor: Actor, state: BlindState, scores: T[]): T[] {
  return state.hidden ? scores.filter((s) => s.evaluatorId === actor.userId) : scores;
}

/** The decision as the actor may see it: scores and the evaluator list cut down while the blind holds. */
export function applyBlindScoring(actor: Actor, d: DecisionDetail, settings: unknown): DecisionDetail {
  const state = blindState(actor, { ...d, settings });
  if (!state.hidden) return d;
  return {
    ...d,
    scores: visibleScores(actor, state, d.scores),
    candidateJudgments: visibleScores(actor, state, d.candidateJudgments),
    evaluators: d.evaluators.filter((e) => e.id === actor.userId),
  };
}

/** Whether exports may carry evaluators' e-mail addresses for this actor (the JSON format's re-import key). */
export function mayReadEvaluatorEmails(actor: Actor): boolean {
  return can(actor.role, "decision.write");
}
