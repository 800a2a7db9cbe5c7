// The weight sweep for one criterion: every eligible candidate's total as that criterion's share runs 0 → 1 with the
// others in proportion, T_c(t) = t·s_ci + (1 − t)·Σ_{j≠i} ŵ_j s_cj / (1 − ŵ_i). Lines, so crossovers are exact.
import { crossingPoint, totalLine } from "@/lib/scoring/sensitivity";
import type { DecisionResult } from "@/lib/scoring/result-types";

export interface SweepLine {
  candidateId: string;
  at0: number;
  at1: number;
}

export interface WinnerChange {
  at: number;
  from: string;
  to: string;
}

export interface Sweep {
  criterionId: string;
  currentShare: number;
  lines: SweepLine[];
  /** Where the top candidate changes as t rises from 0 to 1, in order. */
  changes: WinnerChange[];
  /** Every pairwise meeting point in [0, 1] (the chart marks them faintly). */
  crossings: { at: number; a: string; b: string; total: number }[];
}

const EPS = 1e-9;

export const lineValue = (l: { at0: number; at1: number }, t: number) => t * l.at1 + (1 - t) * l.at0;

/** Lines for eligible candidates; a missing cell counts 0, exactly as in the deterministic total. */
export function sweepLines(result: DecisionResult, criterionId: string): SweepLine[] {
  const criterionIds = result.weights.map((w) => w.criterionId);
  const shares = result.weights.map((w) => w.share);
  const i = criterionIds.indexOf(criterionId);
  if (i < 0) return [];
  const cell = new Map(result.cells.map((c) => [`${c.criterionId}|${c.candidateId}`, c.points ?? 0]));
  // Model order (the order of the candidates' first appearance in cells), so line colours follow positions.
  const order = [...new Set(result.cells.map((c) => c.candidateId))];
  const excluded = new Set(result.ranking.filter((r) => r.excluded).map((r) => r.candidateId));
  return order
    .filter((id) => !excluded.has(id))
    .map((candidateId) => {
      const points = criterionIds.map((cid) => cell.get(`${cid}|${candidateId}`) ?? 0);
      return { candidateId, ...totalLine(points, shares, i) };
    });
}

/** The upper envelope's switch points: who leads at t = 0 and every t where someone overtakes the leader. */
export function winnerChanges(lines: readonly SweepLine[]): WinnerChange[] {
  if (lines.length < 2) return [];
  const slope = (l: SweepLine) => l.at1 - l.at0;
  // Leader at t = 0; on a tie the line that rises faster leads just after 0.
  let top = lines.reduce((best, l) =>
    l.at0 > best.at0 + EPS || (Math.abs(l.at0 - best.at0) <= EPS && slope(l) > slope(best)) ? l : best,
  );
  let t0 = 0;
  const changes: WinnerChange[] = [];
  for (let guard = 0; guard < lines.length * lines.length; guard++) {
    let next: SweepLine | null = null;
    let nextAt = Infinity;
    for (const l of lines) {
      if (l === top || slope(l) <= slope(top) + EPS) continue;
      const at = crossingPoint(l, top);
      if (at === null || at <= t0 + EPS || at >= 1 - EPS) continue;
      if (at < nextAt - EPS || (Math.abs(at - nextAt) <= EPS && next && slope(l) > slope(next))) {
        next = l;
        nextAt = at;
      }
    }
    if (!next) break;
    changes.push({ at: nextAt, from: top.candidateId, to: next.candidateId });
    top = next;
    t0 = nextAt;
  }
  return changes;
}

export function buildSweep(result: DecisionResult, criterionId: string): Sweep {
  const lines = sweepLines(result, criterionId);
  const crossings: Sweep["crossings"] = [];
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length; b++) {
      const at = crossingPoint(lines[a], lines[b]);
      if (at !== null && at > EPS && at < 1 - EPS) {
        crossings.push({ at, a: lines[a].candidateId, b: lines[b].candidateId, total: lineValue(lines[a], at) });
      }
    }
  }
  crossings.sort((x, y) => x.at - y.at);
  return {
    criterionId,
    currentShare: result.weights.find((w) => w.criterionId === criterionId)?.share ?? 0,
    lines,
    changes: winnerChanges(lines),
    crossings,
  };
}

/** Chart rows: t at 0, 1, the current share and every crossing (lines are straight, so these are enough). */
export function sweepRows(sweep: Sweep): Record<string, number>[] {
  const ts = [...new Set([0, 1, sweep.currentShare, ...sweep.crossings.map((c) => c.at)])].sort((a, b) => a - b);
  return ts.map((t) => {
    const row: Record<string, number> = { t };
    for (const l of sweep.lines) row[l.candidateId] = lineValue(l, t);
    return row;
  });
}
