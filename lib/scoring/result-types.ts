// Output contract of evaluateDecision. Plain JSON: every number is finite; a value that does not exist is null.
import type { KendallW } from "./consensus";

export interface ScoringError {
  code: string;
  path: (string | number)[];
  message: string;
  params?: Record<string, string | number>;
}

export interface WeightResult {
  criterionId: string;
  /** The raw weight actually used (override or AHP weight when chosen). */
  raw: number;
  /** ŵ = raw / Σ raw; shares sum to 1. */
  share: number;
}

export interface CellResult {
  criterionId: string;
  candidateId: string;
  /** Aggregated raw value (mean or median of evaluators); SKILL_MATCH: the match 0–10. */
  value: number | null;
  /** 0–10 display points. */
  points: number | null;
  /** Evaluators who scored the cell; 0 for a measured fact (METRIC) and a computed skill match. */
  evaluatorCount: number;
  /** Raw evaluator extremes; null when the cell is missing. */
  min: number | null;
  max: number | null;
  range: number | null;
  /** Population standard deviation of the evaluator values. */
  stdDev: number | null;
  /** Evaluator extremes mapped to points (ordered low → high); the Monte Carlo perturbs within them. */
  pointsMin: number | null;
  pointsMax: number | null;
  /** range > 40 % of the scale (RATING: hi − lo; METRIC: |best − worst| in raw units). */
  disagreement: boolean;
  missing: boolean;
}

export interface Contribution {
  criterionId: string;
  share: number;
  points: number | null;
  /** ŵ·s; null for a missing cell (it adds nothing to the total). */
  contribution: number | null;
}

export interface Exclusion {
  criterionId: string;
  value: number | null;
  threshold: number;
}

export interface RankedCandidate {
  candidateId: string;
  /** Σ ŵ·s over the present cells (a partial sum when incomplete). */
  total: number;
  /**
   * 1-based competition rank (1, 1, 3) at the displayed precision; excluded candidates continue after the complete
   * eligible ones. Null for an incomplete candidate: a partial sum is not ranked against complete totals.
   */
  rank: number | null;
  tied: boolean;
  /**
   * Displayed total minus the next candidate's displayed total within the same group (complete / excluded); null
   * for the last of a group and for incomplete candidates.
   */
  margin: number | null;
  contributions: Contribution[];
  incomplete: boolean;
  /** Criteria with a positive share whose cell is missing. */
  missingCriteria: string[];
  excluded: boolean;
  exclusions: Exclusion[];
}

export interface TeamSkillResult {
  skillId: string;
  /** The level used downstream: the override when present, else the aggregated level. */
  level: number | null;
  aggregated: number | null;
  override: { level: number; reason: string } | null;
  /** Members rated ≥ 7. */
  busFactor: number;
  ratedCount: number;
}

export interface TeamResult {
  skills: TeamSkillResult[];
}

export interface SkillRequirementResult {
  skillId: string;
  /** r̂, normalised per candidate. */
  weight: number;
  /** Team level used in the match; 0 when nobody rated the skill (see `rated`). */
  teamLevel: number;
  rated: boolean;
  target: number;
  gap: number;
  busFactor: number;
  risk: boolean;
}

export interface SkillMatchResult {
  candidateId: string;
  match: number | null;
  requirements: SkillRequirementResult[];
  risks: string[];
}

export interface AhpInconsistentJudgment {
  criterionA: string;
  criterionB: string;
  /** Group judgment a_AB. */
  value: number;
  /** Saaty value nearest (in log space) to w_A / w_B. */
  suggested: number;
  /** Share of Σ (ln(a·w_B/w_A))² carried by this pair. */
  contribution: number;
}

export interface AhpResult {
  weights: { criterionId: string; weight: number }[];
  lambdaMax: number;
  ci: number;
  cr: number | null;
  ri: number;
  consistent: boolean;
  inconsistentJudgments: AhpInconsistentJudgment[];
  evaluatorCount: number;
  /** False when some pairs were not judged; weights then come from Harker's method. */
  complete: boolean;
  missingPairs: { criterionA: string; criterionB: string }[];
}

/** A pairwise criterion's AHP of the candidates (lib/scoring/candidate-ahp.ts). */
export interface CandidatePairwiseResult {
  criterionId: string;
  /** ok: priorities determined; none: fewer than two candidates judged; disconnected: the judged pairs fall apart. */
  status: "ok" | "none" | "disconnected";
  /** The judged candidates in model order: eigenvector priority (sums to 1) and ideal-mode points 10·p/max p. */
  priorities: { candidateId: string; priority: number; points: number }[];
  lambdaMax: number | null;
  ci: number | null;
  /** Null when fewer than three candidates are judged (a 2×2 reciprocal matrix is always consistent) or not ok. */
  cr: number | null;
  consistent: boolean;
  evaluatorCount: number;
  /** Pairs among the judged candidates that nobody answered (filled by Harker's method when connected). */
  missingPairs: { candidateA: string; candidateB: string }[];
  /** Candidates no judgment mentions: their cells on this criterion are missing. */
  unjudged: string[];
  /** Group judgments furthest from what the priorities imply (as for criteria). */
  inconsistentJudgments: {
    candidateA: string;
    candidateB: string;
    value: number;
    suggested: number;
    contribution: number;
  }[];
  /** Each evaluator whose own answers connect every judged candidate: their consistency and their own points. */
  evaluators: { evaluatorId: string; cr: number | null; points: { candidateId: string; points: number }[] }[];
}

export interface TopsisCandidateResult {
  candidateId: string;
  closeness: number;
  rank: number;
  dPlus: number;
  dMinus: number;
}

export interface TopsisDecisionResult {
  closeness: TopsisCandidateResult[];
  winnerId: string | null;
  agreesWithWeightedSum: boolean;
  /**
   * When both methods have a single winner and they differ: the criterion on which TOPSIS (raw values, vector
   * normalised) counts its winner's advantage for most more than the weighted sum (0–10 points) does.
   */
  disagreementCriterionId: string | null;
}

export interface Crossover {
  candidateId: string;
  at: number;
}

export interface CriterionSensitivity {
  criterionId: string;
  currentShare: number;
  stableFrom: number;
  stableTo: number;
  crossovers: Crossover[];
  flipAt: number | null;
  flipTo: string | null;
}

export interface PairCrossover {
  criterionId: string;
  a: string;
  b: string;
  at: number;
}

export interface SmallestChange {
  criterionId: string;
  fromShare: number;
  toShare: number;
  delta: number;
  newWinnerId: string;
}

export interface SensitivityResult {
  /** Candidate whose lead is analysed: the winner, or the first of a tie at the top. */
  leaderId: string | null;
  criteria: CriterionSensitivity[];
  smallestChange: SmallestChange | null;
  /** Crossovers in [0,1] of every pair of eligible candidates per criterion. */
  pairs: PairCrossover[];
  /** True when pairs were skipped because there are too many eligible candidates. */
  pairsTruncated: boolean;
}

export interface MonteCarloResult {
  samples: number;
  seed: number;
  kappa: number;
  scoreNoise: boolean;
  /** [candidate index in model order][rank − 1], ranks over eligible candidates; excluded rows are zero. */
  rankAcceptability: number[][];
  pFirst: { candidateId: string; p: number; se: number }[];
  pWinnerFirst: number | null;
  seWinnerFirst: number | null;
  /** P(row ranked above column), model order; empty when pairwise was turned off. */
  pairwiseWinRate: number[][];
}

export interface SkillRiskFact {
  candidateId: string;
  skillId: string;
  busFactor: number;
  /** r̂: the skill's share of the candidate's requirements. */
  weight: number;
  /** The bus-factor rule fired (share ≥ RISK_WEIGHT and fewer than RISK_BUS_FACTOR experts); false: bus factor 0 on a smaller requirement. */
  flagged: boolean;
}

export interface UnrankedFact {
  candidateId: string;
  missingCriteria: string[];
}

export interface VerdictFacts {
  winnerId: string | null;
  runnerUpId: string | null;
  lead: number | null;
  pFirst: number | null;
  samples: number;
  weakestCriterionId: string | null;
  weakestFlipAt: number | null;
  flipTo: string | null;
  skillRisks: SkillRiskFact[];
  topsisAgrees: boolean;
  topsisWinnerId: string | null;
  topsisDisagreementCriterionId: string | null;
  /** Eligible candidates with missing cells: shown apart, not ranked. */
  unranked: UnrankedFact[];
}

/** verdict.none: nothing to judge yet (no complete candidate). */
export type VerdictKey = "verdict.clear" | "verdict.close" | "verdict.tie" | "verdict.none" | "verdict.noEligible";

export interface Verdict {
  key: VerdictKey;
  params: Record<string, string | number>;
  facts: VerdictFacts;
}

/** Kendall's W of the evaluators' rankings (lib/scoring/consensus.ts); null when fewer than two could be compared. */
export interface CriterionConsensus {
  criterionId: string;
  /** Evaluators who scored every contender on the criterion: the raters. */
  evaluatorIds: string[];
  concordance: KendallW | null;
}

export interface ConsensusResult {
  /** The evaluators' rankings of the contenders by each one's own weighted total. */
  overall: KendallW | null;
  /** Who the overall figure compares: evaluators who scored every counted opinion cell of every contender. */
  evaluatorIds: string[];
  /** Criteria with opinions on at least two contenders, in model order. */
  criteria: CriterionConsensus[];
}

/** One node of the criteria tree: its own raw weight, its share among its siblings and its share of the goal. */
export interface TreeNodeResult {
  criterionId: string;
  parentId: string | null;
  /** 1 for a top-level criterion. */
  depth: number;
  /** False for a group (it has sub-criteria; its leaves are scored). */
  leaf: boolean;
  raw: number;
  localShare: number;
  globalShare: number;
}

/** AHP within one group: the group's sub-criteria compared with each other. */
export interface GroupAhpResult {
  parentId: string;
  result: AhpResult | null;
}

export interface TreeResult {
  /** Every criterion, groups included, in model order. */
  nodes: TreeNodeResult[];
  /** AHP per group with two or more sub-criteria (the top level is DecisionResult.ahp), breadth first. */
  ahp: GroupAhpResult[];
  /**
   * One-way sensitivity per group: its global share moves to t with its sub-criteria's proportions kept and every
   * criterion outside it keeping its proportions, so totals stay linear in t and the crossovers are exact.
   */
  groupSensitivity: CriterionSensitivity[];
}

export interface DecisionResult {
  /** Leaves only (the scored criteria), with share = global weight; they sum to 1. */
  weights: WeightResult[];
  /** Null for a flat decision (no sub-criteria): its results are exactly today's. */
  tree: TreeResult | null;
  weightSource: "direct" | "ahp";
  cells: CellResult[];
  ranking: RankedCandidate[];
  winnerId: string | null;
  tieAtTop: boolean;
  team: TeamResult | null;
  skillMatch: SkillMatchResult[];
  ahp: AhpResult | null;
  /** One entry per pairwise criterion, in criterion order. */
  pairwise: CandidatePairwiseResult[];
  topsis: TopsisDecisionResult;
  sensitivity: SensitivityResult;
  monteCarlo: MonteCarloResult | null;
  verdict: Verdict;
  consensus: ConsensusResult;
  /** Non-blocking findings (e.g. AHP judgments that could not be used while weights are direct). */
  warnings: ScoringError[];
}

export type EvaluationOutcome = { ok: true; result: DecisionResult } | { ok: false; errors: ScoringError[] };
