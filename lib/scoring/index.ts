// Public surface of the scoring engine. Pure TypeScript: safe in server code, the browser and a Web Worker.
export { evaluateDecision } from "./evaluate";
export { validateModel } from "./validate";
export { normaliseWeights, effectiveRawWeights, setShare, sharesOf } from "./weights";
export { ratingPoints, metricPoints, metricReference, metricScale, ratingScale, clampPoints } from "./normalise";
export type { MetricReference, MetricScale } from "./normalise";
export {
  checkValueCurve,
  curveKnots,
  curvePoints,
  curveRange,
  diminishingCurve,
  linearCurve,
  thresholdCurve,
  DIMINISHING_K,
  MAX_CURVE_POINTS,
  MIN_CURVE_POINTS,
} from "./value-function";
export type { CurveKnot, CurvePoint, CurveProblem, ValueCurve } from "./value-function";
export { summariseValues, median } from "./aggregate";
export type { ValueSummary } from "./aggregate";
export { buildCells, DISAGREEMENT_FRACTION } from "./cells";
export {
  roundTo,
  displayPoints,
  displayShare,
  displayCloseness,
  displayMargin,
  displayRanks,
  sameAtDisplay,
  atCurrentShare,
  POINTS_DIGITS,
  SHARE_DIGITS,
  CLOSENESS_DIGITS,
} from "./display";
export { candidateTotals, rankCandidates, competitionRanks, TIE_EPSILON } from "./totals";
export type { CandidateTotal } from "./totals";
export { aggregateTeamLevel, teamVector, skillMatches, EXPERT_LEVEL, RISK_WEIGHT, DEFAULT_SKILL_TARGET } from "./team";
export {
  ahpWeights,
  groupMatrix,
  inconsistentJudgments,
  nearestSaaty,
  randomIndex,
  RANDOM_INDEX,
  CR_LIMIT,
} from "./ahp";
export type { AhpWeights, GroupMatrix } from "./ahp";
export { assembleAhp, judgmentPairs, liveAhp } from "./ahp-result";
export { candidatePairwise, idealPoints } from "./candidate-ahp";
export { isPairwise } from "./cells";
export { ahpDistances } from "./ahp-consensus";
export type { AhpEvaluatorDistance } from "./ahp-consensus";
export type { AhpAssembly, JudgmentPair } from "./ahp-result";
export {
  buildTree,
  checkTree,
  leavesUnder,
  listShares,
  MAX_TREE_DEPTH,
  moveAmongSiblings,
  possibleParents,
  scoredCriteria,
  siblingsOf,
  treeOrder,
  treeShares,
} from "./tree";
export type { CriteriaTree, TreeRow } from "./tree";
export { topsis } from "./topsis";
export type { TopsisOutput } from "./topsis";
export { sensitivity, totalLine, crossingPoint, MAX_PAIR_CANDIDATES } from "./sensitivity";
export type { SensitivityInput } from "./sensitivity";
export {
  simulate,
  cellPerturbation,
  monteCarloResult,
  standardError,
  DEFAULT_SAMPLES,
  DEFAULT_KAPPA,
  DEFAULT_SEED,
  MAX_SAMPLES,
} from "./monte-carlo";
export type { MonteCarloProblem, SimulationOptions, SimulationCounts } from "./monte-carlo";
export { Sfc32, splitmix32, normaliseSeed } from "./prng";
export { Sampler } from "./distributions";
export { agreementStrength, averageRanks, chiSquareSurvival, kendallW, CHANCE_P } from "./consensus";
export type { AgreementStrength } from "./consensus";
export type { KendallW } from "./consensus";
export { byAgreement, consensusOf, DISCUSS_BELOW, leastAgreed } from "./consensus-result";
export { decisiveDisagreements, discussionList, judgmentDiscussion } from "./discussion";
export type { DiscussionCell, DiscussionPair } from "./discussion";
export { valueForMoney } from "./value-for-money";
export type { MoneyCriterion, ValueForMoney, ValuePoint } from "./value-for-money";
export { buildVerdict, CLOSE_LEAD, CLEAR_PROBABILITY } from "./verdict";
export type { VerdictInput } from "./verdict";
export type * from "./result-types";
export type * from "./types";
