// The discussion list (issue 17): which disagreements are worth the meeting's time. A spread of 4 points on a
// criterion weighted 5 % matters less than a spread of 2 on one weighted 40 %, so cells are ranked by their swing:
// the weighted points between the lowest and the highest evaluator's view, ŵ·(pointsMax − pointsMin), which is how far
// the candidate's total would move if the group took the most sceptical instead of the most enthusiastic opinion.
// Whether that swing can change the outcome is stated too: the cell is moved alone across its range, everything else
// at the group's values, on the same 0–10 scale the cell's points are shown on. Pairwise judgments get their own list:
// the pairs whose answers lie furthest apart (in log space, where 5 against 1/5 is the widest of a 1–9 scale).
import { groupMatrix } from "./ahp";
import type { DecisionResult } from "./result-types";
import type { PairwiseJudgmentInput } from "./types";

export interface DiscussionCell {
  criterionId: string;
  candidateId: string;
  evaluatorCount: number;
  /** Raw extremes of the evaluators' values. */
  min: number;
  max: number;
  /** The extremes as points, low → high (a cost criterion's highest value gives its lowest points). */
  pointsMin: number;
  pointsMax: number;
  /** The criterion's share of the weight, ŵ. */
  share: number;
  /** ŵ·(pointsMax − pointsMin): the points of the candidate's total between the lowest and the highest view. */
  swing: number;
  /** This cell's swing over the sum of every listed cell's swing (the list's portions sum to 1). */
  portion: number;
  /** Taking the lowest or the highest view of this cell alone would put another contender first. */
  changesLeader: boolean;
  /** … or move this candidate past (or behind) some other contender. */
  changesRank: boolean;
}

/**
 * Opinion cells two or more evaluators scored differently, on criteria with weight, largest swing first (then the
 * wider spread of raw opinions, then model order). Missing cells, measured facts and skill matches have nothing to
 * discuss. The outcome flags consider the complete, eligible candidates (the ones ranked against each other).
 */
export function discussionList(result: DecisionResult): DiscussionCell[] {
  const share = new Map(result.weights.map((w) => [w.criterionId, w.share]));
  const contenders = result.ranking.filter((r) => r.rank !== null && !r.excluded);
  const totalOf = new Map(contenders.map((r) => [r.candidateId, r.total]));
  const leaderId = result.sensitivity.leaderId;
  const order = new Map(result.cells.map((c, i) => [c, i]));

  const listed = result.cells.flatMap((cell) => {
    const w = share.get(cell.criterionId) ?? 0;
    if (cell.missing || cell.evaluatorCount < 2 || w <= 0) return [];
    if (cell.points === null || cell.pointsMin === null || cell.pointsMax === null) return [];
    if (cell.min === null || cell.max === null || !(cell.pointsMax > cell.pointsMin)) return [];
    const swing = w * (cell.pointsMax - cell.pointsMin);
    let changesLeader = false;
    let changesRank = false;
    const total = totalOf.get(cell.candidateId);
    if (total !== undefined) {
      const low = total - w * (cell.points - cell.pointsMin);
      const high = total + w * (cell.pointsMax - cell.points);
      const others = contenders.filter((r) => r.candidateId !== cell.candidateId);
      changesRank = others.some((r) => low < r.total && r.total < high);
      if (leaderId === cell.candidateId) changesLeader = others.some((r) => r.total > low);
      else if (leaderId !== null && totalOf.has(leaderId)) changesLeader = high > totalOf.get(leaderId)!;
    }
    return [
      {
        criterionId: cell.criterionId,
        candidateId: cell.candidateId,
        evaluatorCount: cell.evaluatorCount,
        min: cell.min,
        max: cell.max,
        pointsMin: cell.pointsMin,
        pointsMax: cell.pointsMax,
        share: w,
        swing,
        portion: 0,
        changesLeader,
        changesRank,
        spread: cell.stdDev ?? 0,
        at: order.get(cell)!,
      },
    ];
  });
  const sum = listed.reduce((s, c) => s + c.swing, 0);
  return listed
    .sort((a, b) => b.swing - a.swing || b.spread - a.spread || a.at - b.at)
    .map(({ spread: _spread, at: _at, ...c }) => ({ ...c, portion: c.swing / sum }));
}

/** The disagreements that alone could change the winner: the largest of them and how many there are, or null. */
export function decisiveDisagreements(
  list: readonly DiscussionCell[],
): { first: DiscussionCell; count: number } | null {
  const decisive = list.filter((c) => c.changesLeader);
  return decisive.length > 0 ? { first: decisive[0], count: decisive.length } : null;
}

export interface DiscussionPair {
  /** Stated as criterionA over criterionB, A before B in the criteria's order. */
  criterionA: string;
  criterionB: string;
  evaluatorCount: number;
  /** The most and the least A-favouring answers (how many times A is as important as B). */
  lowest: number;
  highest: number;
  /** The group's judgment: the geometric mean of the answers. */
  group: number;
  /** ln(highest / lowest): 0 when everyone gave the same answer; ln 81 ≈ 4.39 for 1/9 against 9. */
  logSpread: number;
}

/**
 * Pairs at least two evaluators judged differently, widest log spread first (ties in the criteria's pair order).
 * Only answers between criteria of `criterionIds` count, one per evaluator and pair (as in the group matrix).
 */
export function judgmentDiscussion(
  criterionIds: readonly string[],
  judgments: readonly PairwiseJudgmentInput[],
): DiscussionPair[] {
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  const group = groupMatrix(criterionIds, judgments).matrix;
  const answers = new Map<string, { lo: number; hi: number; values: number[]; seen: Set<string> }>();
  for (const j of judgments) {
    const a = index.get(j.criterionA);
    const b = index.get(j.criterionB);
    if (a === undefined || b === undefined || a === b) continue;
    const [lo, hi, value] = a < b ? [a, b, j.value] : [b, a, 1 / j.value];
    const key = `${lo}:${hi}`;
    const entry = answers.get(key) ?? { lo, hi, values: [], seen: new Set<string>() };
    if (entry.seen.has(j.evaluatorId)) continue;
    entry.seen.add(j.evaluatorId);
    entry.values.push(value);
    answers.set(key, entry);
  }
  return [...answers.values()]
    .filter((e) => e.values.length >= 2)
    .map((e) => {
      const lowest = Math.min(...e.values);
      const highest = Math.max(...e.values);
      return {
        criterionA: criterionIds[e.lo],
        criterionB: criterionIds[e.hi],
        evaluatorCount: e.values.length,
        lowest,
        highest,
        group: group[e.lo][e.hi]!,
        logSpread: Math.log(highest / lowest),
        at: e.lo * criterionIds.length + e.hi,
      };
    })
    .filter((p) => p.logSpread > 1e-12)
    .sort((x, y) => y.logSpread - x.logSpread || x.at - y.at)
    .map(({ at: _at, ...p }) => p);
}
