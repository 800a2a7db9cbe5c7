// The plain, JSON-serialisable contract between Stackwise's data layer / UI and the scoring engine.
// Everything here is data only: the engine never sees Prisma rows, React state or Dates.
import type { ValueCurve } from "./value-function";

export type CriterionKind = "RATING" | "METRIC" | "SKILL_MATCH";
export type Direction = "BENEFIT" | "COST";
export type CellAggregation = "mean" | "median";
/** How a team's members' ratings of one skill become the team's level. */
export type TeamAggregation = "top2" | "max" | "mean";

export interface CriterionInput {
  id: string;
  name: string;
  /** Raw weight ≥ 0; shares are weight / Σ weight. */
  weight: number;
  kind: CriterionKind;
  direction: Direction;
  /** RATING: fixed scale bounds of the raw values (default 0–10). */
  scaleMin?: number | null;
  scaleMax?: number | null;
  /** METRIC: user-set reference values in the metric's unit; default is the observed min/max across candidates. */
  worst?: number | null;
  best?: number | null;
  unit?: string | null;
  /**
   * METRIC: a piecewise-linear value function (raw → 0–10) that replaces worst/best when set; it must have passed
   * checkValueCurve (ascending raw values, monotone in the criterion's direction).
   */
  valueCurve?: ValueCurve | null;
  /**
   * METRIC: the references were fixed automatically (or are still to be) and follow the direction — of the two
   * stated values the lower is the worst for a benefit and the best for a cost — so a direction set after the first
   * measurements turns the scale round with it. False (older criteria): worst and best are taken as stated.
   */
  autoReferences?: boolean;
  /**
   * RATING: the candidates are compared in pairs on this criterion (candidateJudgments) instead of scored; its
   * points are the ideal-mode priorities 10·p/max p. Judgments are preferences, so the direction and scale do not
   * apply, and scores left on it are not used.
   */
  pairwise?: boolean;
  /**
   * The group this criterion sits under (another criterion of the decision); null or absent at the top level. A
   * criterion with sub-criteria is a group: its weight is local to its siblings, and its own kind, scores, facts and
   * threshold are not used (its leaves are scored).
   */
  parentId?: string | null;
  /**
   * Must-have threshold in the criterion's own raw unit (rating on its scale, metric in its unit, skill match 0–10).
   * BENEFIT: the aggregated value must be ≥ threshold; COST: ≤ threshold. A candidate failing it is excluded.
   */
  threshold?: number | null;
}

export interface CandidateInput {
  id: string;
  name: string;
}

/** One evaluator's raw value for one cell (criterion × candidate). SKILL_MATCH cells are computed, never scored. */
export interface ScoreInput {
  criterionId: string;
  candidateId: string;
  evaluatorId: string;
  value: number;
}

/**
 * The measured raw value of one METRIC cell (QPS, ms, MB, $): one shared number, not an opinion, so it has no
 * evaluators and no spread. When a METRIC cell has a fact, scores for that cell are ignored.
 */
export interface FactInput {
  criterionId: string;
  candidateId: string;
  value: number;
}

export interface SkillInput {
  id: string;
  name: string;
}

export interface TeamMemberInput {
  id: string;
  name: string;
}

export interface SkillRatingInput {
  memberId: string;
  skillId: string;
  /** 0–10 */
  level: number;
}

/** A team lead's explicit level for a skill, replacing the aggregated value. */
export interface SkillOverrideInput {
  skillId: string;
  level: number;
  reason: string;
}

export interface TeamInput {
  members: TeamMemberInput[];
  ratings: SkillRatingInput[];
  overrides?: SkillOverrideInput[];
}

export interface SkillRequirementInput {
  candidateId: string;
  skillId: string;
  /** Raw weight ≥ 0; normalised per candidate to sum 1. */
  weight: number;
  /** Optional target level for the gap; default is options.skillTarget (7). */
  minLevel?: number | null;
}

/** Evaluator's judgment: criterion a is `value` times as important as criterion b (Saaty 1/9..9). */
export interface PairwiseJudgmentInput {
  evaluatorId: string;
  criterionA: string;
  criterionB: string;
  value: number;
}

/** Evaluator's judgment on a pairwise criterion: candidate a is `value` times as good as candidate b (1/9..9). */
export interface CandidateJudgmentInput {
  criterionId: string;
  evaluatorId: string;
  candidateA: string;
  candidateB: string;
  value: number;
}

export interface DecisionModel {
  criteria: CriterionInput[];
  candidates: CandidateInput[];
  scores: ScoreInput[];
  /** Measured METRIC values; optional so models without facts (older JSON, tests) keep working. */
  facts?: FactInput[];
  skills?: SkillInput[];
  team?: TeamInput | null;
  requirements?: SkillRequirementInput[];
  judgments?: PairwiseJudgmentInput[];
  /** Judgments on pairwise criteria; optional so older models keep working. */
  candidateJudgments?: CandidateJudgmentInput[];
}

export interface MonteCarloOptions {
  /** Number of samples; default 10,000. 0 disables the simulation. */
  samples?: number;
  /** PRNG seed; same seed → same result everywhere. */
  seed?: number;
  /** Dirichlet concentration κ: weights ~ Dirichlet(κ·ŵ). Default 100. */
  kappa?: number;
  /**
   * Perturb cell scores within their evaluator spread (±0.5 points for one evaluator). Measured facts and computed
   * skill-match cells have no evaluators and are held fixed. Default true.
   */
  scoreNoise?: boolean;
  /** Accumulate the pairwise win-rate matrix (O(m²) per sample). Default true. */
  pairwise?: boolean;
}

export interface EvaluateOptions {
  aggregation?: CellAggregation;
  teamAggregation?: TeamAggregation;
  /** Target level for skill gaps when a requirement has no minimum; default 7. */
  skillTarget?: number;
  /** Use the AHP-derived weights instead of the raw weights. Default "direct". */
  weightSource?: "direct" | "ahp";
  /** Overrides raw weights by criterion id (what-if sliders) without touching the model. */
  weightOverrides?: Record<string, number>;
  monteCarlo?: MonteCarloOptions;
}
