// The single entry point: validate, then compute every view of the decision from the same cells and shares.
import { candidatePairwise } from "./candidate-ahp";
import { buildCells, isPairwise } from "./cells";
import { consensusOf } from "./consensus-result";
import { scoringError } from "./errors";
import {
  cellPerturbation,
  DEFAULT_KAPPA,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  monteCarloResult,
  simulate,
  type SimulationOptions,
  type WeightLevels,
} from "./monte-carlo";
import type {
  DecisionResult,
  EvaluationOutcome,
  MonteCarloResult,
  ScoringError,
  TopsisDecisionResult,
} from "./result-types";
import { sensitivity } from "./sensitivity";
import { DEFAULT_SKILL_TARGET, skillMatches, teamVector } from "./team";
import { topsis } from "./topsis";
import { CLOSENESS_DIGITS, displayRanks } from "./display";
import { candidateTotals, rankCandidates } from "./totals";
import type { CriterionInput, DecisionModel, EvaluateOptions } from "./types";
import { validateModel } from "./validate";
import { buildVerdict as verdictFor } from "./verdict";
import { buildTree, type CriteriaTree } from "./tree";
import { groupSensitivity, treeWeights } from "./tree-weights";

export function evaluateDecision(model: DecisionModel, options: EvaluateOptions = {}): EvaluationOutcome {
  const errors = validateModel(model, options);
  if (errors.length > 0) return { ok: false, errors };
  const opts = options ?? {};
  const warnings: ScoringError[] = [];
  // Groups (criteria with sub-criteria) only weigh; the leaves are what is scored, so from here on "criteria" are the
  // leaves, with their global weights as shares. A flat decision takes the unchanged path below.
  const tree = buildTree(model.criteria);
  const leafSet = new Set(tree.leaves.map((i) => model.criteria[i].id));
  // Pairwise judgments are preferences: "better" already points the right way and the points are 0–10, so a
  // pairwise criterion is a 0–10 benefit wherever direction or scale is read (thresholds, TOPSIS, consensus).
  const criteria = model.criteria
    .filter((c) => tree.flat || leafSet.has(c.id))
    .map((c) => (isPairwise(c) ? { ...c, direction: "BENEFIT" as const, scaleMin: null, scaleMax: null } : c));
  const candidates = model.candidates;
  const criterionIds = criteria.map((c) => c.id);
  const candidateIds = candidates.map((c) => c.id);
  const weightSource = opts.weightSource ?? "direct";

  // SKILL_MATCH cells are computed from the team; stray scores (e.g. left over after a kind change) are ignored.
  const kindOf = new Map(criteria.map((c) => [c.id, c.kind]));
  // Scores on a pairwise criterion (say, from before it was switched) are kept in the store but are not its input;
  // so are scores on a criterion that has since become a group.
  const pairwiseIds = new Set(criteria.filter(isPairwise).map((c) => c.id));
  const scores = model.scores.filter((s, k) => {
    if (pairwiseIds.has(s.criterionId) || !kindOf.has(s.criterionId)) return false;
    if (kindOf.get(s.criterionId) !== "SKILL_MATCH") return true;
    warnings.push(
      scoringError("score_ignored", ["scores", k], "Skill-match cells are computed; this score is ignored."),
    );
    return false;
  });

  const weighting = treeWeights(model, tree, weightSource === "ahp", opts.weightOverrides);
  if (!weighting.ok) return { ok: false, errors: weighting.errors };
  warnings.push(...weighting.warnings);
  const { ahp, raw, shares, treeResult } = weighting;
  const team = model.team ? teamVector(model.team, model.skills ?? [], opts.teamAggregation) : null;
  const skillMatch = skillMatches(
    candidateIds,
    model.requirements ?? [],
    team,
    opts.skillTarget ?? DEFAULT_SKILL_TARGET,
  );
  const pairwise = criteria
    .filter(isPairwise)
    .map((c) => candidatePairwise(c.id, candidateIds, model.candidateJudgments ?? []));
  for (const p of pairwise) {
    if (p.status !== "disconnected") continue;
    warnings.push(
      scoringError(
        "pairwise_incomplete",
        ["candidateJudgments"],
        "The judged pairs do not connect the candidates on this criterion.",
        { criterionId: p.criterionId, missingCount: p.missingPairs.length },
      ),
    );
  }
  const { cells } = buildCells(criteria, candidates, scores, skillMatch, opts.aggregation, model.facts ?? [], pairwise);
  const ranking = rankCandidates(candidateTotals(criteria, candidates, shares, cells));

  // Contenders: eligible and complete. Incomplete candidates are shown apart, never ranked, simulated or analysed
  // against complete ones (their partial sums count every missing cell as zero).
  const contenders = ranking.filter((r) => !r.excluded && r.rank !== null);
  const tieAtTop = contenders.length > 1 && contenders[1].rank === 1;
  const winnerId = contenders.length > 0 && !tieAtTop ? contenders[0].candidateId : null;

  // Model-order indices of the contenders: the simulation and sensitivity work on these only.
  const inPlay = new Set(contenders.map((r) => r.candidateId));
  const eligible = candidateIds.map((_, idx) => idx).filter((idx) => inPlay.has(candidateIds[idx]));
  const m = candidates.length;
  const pointsOf = (idx: number) => criteria.map((_, i) => cells[i * m + idx].points ?? 0);

  const topsisResult = decisionTopsis(criteria, eligible, candidateIds, cells, shares, winnerId);

  const leaderId = contenders[0]?.candidateId ?? null;
  const leader = leaderId === null ? null : eligible.findIndex((idx) => candidateIds[idx] === leaderId);
  const contenderIds = eligible.map((idx) => candidateIds[idx]);
  const contenderPoints = eligible.map(pointsOf);
  const sens = sensitivity({ criterionIds, candidateIds: contenderIds, points: contenderPoints, shares, leader });

  const levels = weighting.local ? { tree, local: weighting.local } : null;
  const monteCarlo = runMonteCarlo(opts, cells, shares, eligible, candidateIds, criteria.length, winnerId, levels);

  const result: DecisionResult = {
    weights: criteria.map((c, i) => ({ criterionId: c.id, raw: raw[i], share: shares[i] })),
    tree: treeResult && {
      ...treeResult,
      groupSensitivity: groupSensitivity(
        tree,
        weighting.local!,
        (g) => treeResult.nodes[g].globalShare,
        criterionIds,
        shares,
        contenderIds,
        contenderPoints,
        leader,
      ),
    },
    weightSource,
    cells,
    ranking,
    winnerId,
    tieAtTop,
    team,
    skillMatch,
    ahp,
    pairwise,
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
      topsisWinnerId: topsisResult.winnerId,
      topsisDisagreementCriterionId: topsisResult.disagreementCriterionId,
    }),
    consensus: consensusOf({
      criteria,
      candidates,
      shares,
      cells,
      // Each evaluator's own pairwise points stand for their scores on a pairwise criterion (a 0–10 benefit here).
      scores: [
        ...scores,
        ...pairwise.flatMap((p) =>
          p.evaluators.flatMap((e) =>
            e.points.map((x) => ({
              criterionId: p.criterionId,
              candidateId: x.candidateId,
              evaluatorId: e.evaluatorId,
              value: x.points,
            })),
          ),
        ),
      ],
      facts: model.facts ?? [],
      skillMatch,
      contenders: eligible,
    }),
    warnings,
  };
  return { ok: true, result };
}

/**
 * TOPSIS on the data: the raw aggregated cell values (ratings on their own scale, metrics in their unit, skill match
 * 0–10) with each criterion's direction, over the contenders only (complete and eligible: a missing cell has no value
 * to measure a distance from). Running it on 0–10 points would feed it min–max rescaled columns, which is a different
 * method: vector normalisation then measures distances between rescaled ranks, not between the data.
 */
function decisionTopsis(
  criteria: readonly CriterionInput[],
  used: readonly number[],
  candidateIds: readonly string[],
  cells: DecisionResult["cells"],
  shares: readonly number[],
  winnerId: string | null,
): TopsisDecisionResult {
  const m = candidateIds.length;
  const cols = shares.map((s, i) => ({ s, i })).filter(({ s }) => s > 0);
  const matrix = used.map((idx) => cols.map(({ i }) => cells[i * m + idx].value ?? 0));
  const directions = cols.map(({ i }) => (criteria[i].kind === "SKILL_MATCH" ? "BENEFIT" : criteria[i].direction));
  const out = topsis(
    matrix,
    cols.map((c) => c.s),
    directions,
  );
  const order = used
    .map((idx, k) => ({ id: candidateIds[idx], idx, k }))
    .sort((a, b) => out.closeness[b.k] - out.closeness[a.k] || a.k - b.k);
  const ranks = displayRanks(
    order.map((o) => out.closeness[o.k]),
    CLOSENESS_DIGITS,
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
  const agrees = topsisWinner !== null && topsisWinner === winnerId;
  let disagreementCriterionId: string | null = null;
  if (topsisWinner !== null && winnerId !== null && !agrees) {
    const kT = order.find((o) => o.id === topsisWinner)!.k;
    const kW = order.find((o) => o.id === winnerId)!.k;
    const idxT = used[kT];
    const idxW = used[kW];
    // Each method's advantage of the TOPSIS winner over the weighted-sum winner per criterion, as a share of that
    // method's whole gap between the two; the criterion where TOPSIS counts the advantage for most more than the
    // weighted sum does is where the methods part.
    const gapT = cols.map((_, j) => (directions[j] === "COST" ? -1 : 1) * (out.weighted[kT][j] - out.weighted[kW][j]));
    const gapW = cols.map(({ s, i }) => s * ((cells[i * m + idxT].points ?? 0) - (cells[i * m + idxW].points ?? 0)));
    const sumT = gapT.reduce((a, g) => a + Math.abs(g), 0);
    const sumW = gapW.reduce((a, g) => a + Math.abs(g), 0);
    let best = -Infinity;
    cols.forEach(({ i }, j) => {
      const d = (sumT > 0 ? gapT[j] / sumT : 0) - (sumW > 0 ? gapW[j] / sumW : 0);
      if (d > best + 1e-12) [best, disagreementCriterionId] = [d, criteria[i].id];
    });
  }
  return {
    closeness,
    winnerId: topsisWinner,
    agreesWithWeightedSum: agrees,
    disagreementCriterionId,
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
  levels: { tree: CriteriaTree; local: readonly number[] } | null,
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
  const counts = simulate(
    { m, n, shares: Float64Array.from(shares), base, width, levels: levels && weightLevels(levels, options.kappa) },
    options,
  );
  return monteCarloResult(counts, candidateIds, eligible, winnerId, options);
}

/**
 * Level-by-level sampling for a tree: each group's local weights ~ Dirichlet(κ·local share), so a group's weight and
 * its sub-criteria's split vary separately, as the judgments behind them were made separately.
 */
function weightLevels(levels: { tree: CriteriaTree; local: readonly number[] }, kappa: number): WeightLevels {
  const { tree, local } = levels;
  // A set with one member always weighs 1 there: it is not drawn at all, so wrapping criteria in a group or splitting
  // a leaf into one sub-criterion samples exactly what the flat list samples (same generator calls, same weights).
  const setOf = new Map<number, [number, number]>();
  // (When no set has two members the top level is drawn anyway, as the flat list of one criterion is.)
  const drawnSets = tree.sets.filter((set) => set.members.length > 1);
  const alpha = (drawnSets.length > 0 ? drawnSets : tree.sets.slice(0, 1)).map((set, k) => {
    set.members.forEach((i, p) => setOf.set(i, [k, p]));
    return Float64Array.from(set.members, (i) => kappa * local[i]);
  });
  const index = new Map(tree.nodes.map((n, i) => [n.id, i]));
  const path = tree.leaves.map((leaf) => {
    const steps: number[] = [];
    for (let at: number | undefined = leaf; at !== undefined;) {
      const step = setOf.get(at);
      if (step) steps.push(step[0], step[1]);
      const parent: string | null = tree.nodes[at].parentId;
      at = parent === null ? undefined : index.get(parent);
    }
    return Int32Array.from(steps);
  });
  return { alpha, path };
}
