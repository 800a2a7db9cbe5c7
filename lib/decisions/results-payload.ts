// What the results page sends the browser. The engine needs each cell's evaluator values, not the score rows the
// editing pages carry (ids, versions, rationale, evidence links): at 12 × 20 × 8 those rows were 440 kB of the page's
// 700 kB. Scores travel as one flat array of values in (criterion, candidate, evaluator) order, null where an
// evaluator has not scored, with the evaluator ids once; the browser unpacks them into the cells the engine reads.
import type { DecisionDetail, ScoreDto } from "./dto";

/** One evaluator's value in one cell: all the results views and the engine read of a score. */
export type ScoreCell = Pick<ScoreDto, "criterionId" | "candidateId" | "evaluatorId" | "value">;

/** A decision as the results views read it: the editing pages' DecisionDetail is one too. */
export type ResultsDecision = Omit<DecisionDetail, "scores"> & { scores: ScoreCell[] };

export interface PackedScores {
  /** Evaluator ids in the order of the innermost index. */
  evaluatorIds: string[];
  /** values[(criterion · candidates + candidate) · evaluators + evaluator], criteria and candidates in list order. */
  values: (number | null)[];
}

export type PackedDecision = Omit<DecisionDetail, "scores"> & { packedScores: PackedScores };

export function packScores(d: Pick<DecisionDetail, "criteria" | "candidates"> & { scores: ScoreCell[] }): PackedScores {
  const evaluatorIds = [...new Set(d.scores.map((s) => s.evaluatorId))];
  const crit = new Map(d.criteria.map((c, i) => [c.id, i]));
  const cand = new Map(d.candidates.map((c, i) => [c.id, i]));
  const ev = new Map(evaluatorIds.map((e, i) => [e, i]));
  const m = d.candidates.length;
  const k = evaluatorIds.length;
  const values: (number | null)[] = new Array(d.criteria.length * m * k).fill(null);
  for (const s of d.scores) {
    const i = crit.get(s.criterionId);
    const j = cand.get(s.candidateId);
    // A score of a part not in the lists cannot be shown or counted anywhere; it is not sent.
    if (i === undefined || j === undefined) continue;
    values[(i * m + j) * k + ev.get(s.evaluatorId)!] = s.value;
  }
  return { evaluatorIds, values };
}

/** The inverse of packScores, in (criterion, candidate, evaluator) order. */
export function unpackScores(d: Pick<DecisionDetail, "criteria" | "candidates">, packed: PackedScores): ScoreCell[] {
  const m = d.candidates.length;
  const k = packed.evaluatorIds.length;
  const out: ScoreCell[] = [];
  d.criteria.forEach((c, i) =>
    d.candidates.forEach((candidate, j) =>
      packed.evaluatorIds.forEach((evaluatorId, e) => {
        const value = packed.values[(i * m + j) * k + e];
        if (value !== null && value !== undefined)
          out.push({ criterionId: c.id, candidateId: candidate.id, evaluatorId, value });
      }),
    ),
  );
  return out;
}

export function packDecision(d: DecisionDetail): PackedDecision {
  const { scores, ...rest } = d;
  return { ...rest, packedScores: packScores({ ...d, scores }) };
}

export function unpackDecision(p: PackedDecision): ResultsDecision {
  const { packedScores, ...rest } = p;
  return { ...rest, scores: unpackScores(p, packedScores) };
}
