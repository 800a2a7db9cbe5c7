// The single entry point: validate, then compute every view of the decision from the same cells and shares.
import { ahpWeights, groupMatrix, inconsistentJudgments } from "./ahp";
import { buildCells } from "./cells";
import { scoringError } from "./errors";
import {
  cellPerturbation,
  DEFAULT_KAPPA,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  monteCarloResult,
  simulate,
  type SimulationOptions,
} from "./monte-carlo";
import type {
  AhpResult,
  DecisionResult,
  EvaluationOutcome,
  MonteCarloResult,
  RankedCandidate,
  ScoringError,
  TopsisDecisionResult,
} from "./result-types";
import { sensitivity } from "./sensitivity";
import { DEFAULT_SKILL_TARGET, skillMatches, teamVector } from "./team";
import { topsis } from "./topsis";
import { candidateTotals, competitionRanks, rankCandidates, TIE_EPSILON } from "./totals";
import type { DecisionModel, EvaluateOptions } from "./types";
import { validateModel } from "./validate";
import { buildVerdict as verdictFor } from "./verdict";
import { effectiveRawWeights, normaliseWeights } from "./weights";

export function evaluateDecision(model: DecisionModel, options: EvaluateOptions = {}): EvaluationOutcome {
  const errors = validateModel(model, options);
  if (errors.length > 0) return { ok: false, errors };
  const opts = options ?? {};
  const warnings: ScoringError[] = [];
  const criteria = model.criteria;
  const candidates = model.candidates;
  const criterionIds = criteria.map((c) => c.id);
  const candidateIds = candidates.map((c) => c.id);
  const weightSource = opts.weightSource ?? "direct";

  // SKILL_MATCH cells are computed from the team; stray scores (e.g. left over after a kind change) are ignored.
  const kindOf = new Map(criteria.map((c) => [c.id, c.kind]));
  const scores = model.scores.filter((s, k) => {
    if (kindOf.get(s.criterionId) !== "SKILL_MATCH") return true;
    warnings.push(
      scoringError("score_ignored", ["scores", k], "Skill-match cells are computed; this score is ignored."),
    );
    return false;
  });

  const ahpOutcome = buildAhp(model, criterionIds, weightSource === "ahp");
  if (ahpOutcome.error) {
    if (weightSource === "ahp") return { ok: false, errors: [ahpOutcome.error] };
    warnings.push(ahpOutcome.error);
  }
  const ahp = ahpOutcome.result;

  const raw =
    weightSource === "ahp" && ahp
      ? ahp.weights.map((w) => w.weight)
      : effectiveRawWeights(criteria, opts.weightOverrides);
  const shares = normaliseWeights(raw);
  if (!shares) {
    return {
      ok: false,
      errors: [scoringError("all_weights_zero", ["criteria"], "At least one criterion needs a weight above 0.")],
    };
  }

  const team = model.team ? teamVector(model.team, model.skills ?? [], opts.teamAggregation) : null;
  const skillMatch = skillMatches(
    candidateIds,
    model.requirements ?? [],
    team,
    opts.skillTarget ?? DEFAULT_SKILL_TARGET,
  );
  const { cells } = buildCells(criteria, candidates, scores, skillMatch, opts.aggregation, model.facts ?? []);
  const ranking = rankCandidates(candidateTotals(criteria, candidates, shares, cells));

  const eligibleRanked = ranking.filter((r) => !r.excluded);
  const tieAtTop = eligibleRanked.length > 1 && eligibleRanked[1].rank === 1;
  const winnerId = eligibleRanked.length > 0 && !tieAtTop ? eligibleRanked[0].candidateId : null;

  // Model-order indices of eligible candidates: the simulation and sensitivity work on these only.
  const excluded = new Set(ranking.filter((r) => r.excluded).map((r) => r.candidateId));
  const eligible = candidateIds.map((_, idx) => idx).filter((idx) => !excluded.has(candidateIds[idx]));
  const m = candidates.length;
  const pointsOf = (idx: number) => criteria.map((_, i) => cells[i * m + idx].points ?? 0);

  const topsisResult = decisionTopsis(ranking, candidateIds, cells, shares, m, winnerId);

  const leaderId = eligibleRanked[0]?.candidateId ?? null;
  const sens = sensitivity({
    criterionIds,
    candidateIds: eligible.map((idx) => candidateIds[idx]),
    points: eligible.map(pointsOf),
    shares,
    leader: leaderId === null ? null : eligible.findIndex((idx) => candidateIds[idx] === leaderId),
  });

  const monteCarlo = runMonteCarlo(opts, cells, shares, eligible, candidateIds, criteria.length, winnerId);

  const result: DecisionResult = {
    weights: criteria.map((c, i) => ({ criterionId: c.id, raw: raw[i], share: shares[i] })),
    weightSource,
    cells,
    ranking,
    winnerId,
    tieAtTop,
    team,
    skillMatch,
    ahp,
    topsis: topsisResult,
    sensitivity: sens,
    monteCarlo,
    verdict: verdictFor({
      ranking,
      winnerId,
      tieAtTop,
      sensitivity: sens,
      monteCarlo,
      skillMatch,
      topsisAgrees: topsisResult.agreesWithWeightedSum,
    }),
    warnings,
  };
  return { ok: true, result };
}

function buildAhp(
  model: DecisionModel,
  criterionIds: string[],
  required: boolean,
): { result: AhpResult | null; error: ScoringError | null } {
  const judgments = model.judgments ?? [];
  if (judgments.length === 0) {
    return {
      result: null,
      error: required ? scoringError("ahp_no_judgments", ["judgments"], "AHP weights need pairwise judgments.") : null,
    };
  }
  const group = groupMatrix(criterionIds, judgments);
  const missingPairs = group.missingPairs.map(([i, j]) => ({
    criterionA: criterionIds[i],
    criterionB: criterionIds[j],
  }));
  if (!group.connected) {
    return {
      result: null,
      error: scoringError("ahp_incomplete", ["judgments"], "The judged pairs do not connect all criteria.", {
        missing: missingPairs.map((p) => `${p.criterionA}|${p.criterionB}`).join(","),
        missingCount: missingPairs.length,
      }),
    };
  }
  const w = ahpWeights(group.matrix);
  return {
    result: {
      weights: criterionIds.map((criterionId, i) => ({ criterionId, weight: w.weights[i] })),
      lambdaMax: w.lambdaMax,
      ci: w.ci,
      cr: w.cr,
      ri: w.ri,
      consistent: w.consistent,
      inconsistentJudgments: inconsistentJudgments(criterionIds, group.matrix, w.weights),
      evaluatorCount: group.evaluatorCount,
      complete: missingPairs.length === 0,
      missingPairs,
    },
    error: null,
  };
}

/**
 * TOPSIS over complete, eligible candidates on the points matrix (direction already folded in, so every column is a
 * benefit column). Incomplete candidates are left out: a missing cell has no honest value to measure a distance from.
 */
function decisionTopsis(
  ranking: readonly RankedCandidate[],
  candidateIds: readonly string[],
  cells: DecisionResult["cells"],
  shares: readonly number[],
  m: number,
  winnerId: string | null,
): TopsisDecisionResult {
  const used = candidateIds
    .map((id, idx) => ({ id, idx }))
    .filter(({ id }) => {
      const r = ranking.find((x) => x.candidateId === id);
      return r !== undefined && !r.excluded && !r.incomplete;
    });
  const cols = shares.map((s, i) => ({ s, i })).filter(({ s }) => s > 0);
  const matrix = used.map(({ idx }) => cols.map(({ i }) => cells[i * m + idx].points ?? 0));
  const out = topsis(
    matrix,
    cols.map((c) => c.s),
    cols.map(() => "BENEFIT" as const),
  );
  const order = used.map((u, k) => ({ ...u, k })).sort((a, b) => out.closeness[b.k] - out.closeness[a.k] || a.k - b.k);
  const ranks = competitionRanks(
    order.map((o) => out.closeness[o.k]),
    TIE_EPSILON,
  );
  const closeness = order.map((o, r) => ({
    candidateId: o.id,
    closeness: out.closeness[o.k],
    rank: ranks[r],
    dPlus: out.dPlus[o.k],
    dMinus: out.dMinus[o.k],
  }));
  const topUnique = closeness.length > 0 && !(closeness.length > 1 && closeness[1].rank === 1);
  const topsisWinner = topUnique ? closeness[0].candidateId : null;
  return {
    closeness,
    winnerId: topsisWinner,
    agreesWithWeightedSum: topsisWinner !== null && topsisWinner === winnerId,
  };
}

function runMonteCarlo(
  opts: EvaluateOptions,
  cells: DecisionResult["cells"],
  shares: readonly number[],
  eligible: readonly number[],
  candidateIds: readonly string[],
  n: number,
  winnerId: string | null,
): MonteCarloResult | null {
  const mc = opts.monteCarlo ?? {};
  const options: SimulationOptions = {
    samples: mc.samples ?? DEFAULT_SAMPLES,
    seed: mc.seed ?? DEFAULT_SEED,
    kappa: mc.kappa ?? DEFAULT_KAPPA,
    scoreNoise: mc.scoreNoise ?? true,
    pairwise: mc.pairwise ?? true,
  };
  if (options.samples === 0 || eligible.length === 0) return null;
  const m = eligible.length;
  const all = candidateIds.length;
  const base = new Float64Array(m * n);
  const width = new Float64Array(m * n);
  eligible.forEach((idx, k) => {
    for (let i = 0; i < n; i++) {
      const cell = cells[i * all + idx];
      const p = options.scoreNoise ? cellPerturbation(cell) : { base: cell.points ?? 0, width: 0 };
      base[k * n + i] = p.base;
      width[k * n + i] = p.width;
    }
  });
  const counts = simulate({ m, n, shares: Float64Array.from(shares), base, width }, options);
  return monteCarloResult(counts, candidateIds, eligible, winnerId, options);
}
