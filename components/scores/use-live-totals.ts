"use client";
// The grid's figures, recomputed in the browser with the same engine as the server. A scorer's own cells count as
// they see them right now (a valid value being typed, a save on its way, or the stored row); everyone else's count as
// the server sent them. A read-only grid (viewer, decided decision) uses exactly what was sent, the person's own past
// scores included.
import { useMemo } from "react";
import type { CriterionDto, DecisionDetail, ScoreDto } from "@/lib/decisions/dto";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision, type CellResult } from "@/lib/scoring";
import { cellKey } from "./use-score-saver";

/** Skill-match cells are computed from the team, never typed. */
export const isScorable = (c: CriterionDto) => c.kind !== "SKILL_MATCH";

export interface OwnCells {
  /** The value the person sees in their own cell, or null. */
  valueOf: (key: string) => number | null;
  /** Their stored rows by cell key. */
  mine: Record<string, ScoreDto>;
}

export function useLiveTotals(opts: {
  decision: DecisionDetail;
  meId: string;
  canScore: boolean;
  own: OwnCells;
  /** The valid value being typed in the editor, which counts before it is committed. */
  draft: { key: string; value: number } | null;
}) {
  const { decision, meId, canScore, own, draft } = opts;
  const { valueOf, mine } = own;
  const others = useMemo(() => decision.scores.filter((s) => s.evaluatorId !== meId), [decision.scores, meId]);

  const scores = useMemo(
    () => gridScores({ decision, others, meId, canScore, own: { valueOf, mine }, draft }),
    [decision, others, meId, canScore, valueOf, mine, draft],
  );

  const result = useMemo(() => evaluate(decision, scores), [decision, scores]);
  // The totals of exactly the values a scorer sees in their cells: their own scores (and the shared facts).
  const ownResult = useMemo(
    () =>
      canScore
        ? evaluate(
            decision,
            scores.filter((s) => s.evaluatorId === meId),
          )
        : null,
    [decision, scores, canScore, meId],
  );

  const cells = useMemo(
    () => new Map<string, CellResult>(result?.cells.map((c) => [cellKey(c.criterionId, c.candidateId), c]) ?? []),
    [result],
  );
  return { result, ownResult, cells, others };
}

function evaluate(decision: DecisionDetail, scores: ScoreDto[]) {
  const outcome = evaluateDecision(toScoringModel({ ...decision, scores }), {
    teamAggregation: teamAggregationOf(decision),
    monteCarlo: { samples: 0 },
  });
  return outcome.ok ? outcome.result : null;
}

/** The scores the figures use (see the top of this file). */
export function gridScores(opts: {
  decision: Pick<DecisionDetail, "scores" | "criteria" | "candidates">;
  others: readonly ScoreDto[];
  meId: string;
  canScore: boolean;
  own: OwnCells;
  draft: { key: string; value: number } | null;
}): ScoreDto[] {
  const { decision, own, draft } = opts;
  if (!opts.canScore) return decision.scores;
  const out: ScoreDto[] = [...opts.others];
  for (const cr of decision.criteria) {
    if (!isScorable(cr)) continue;
    for (const ca of decision.candidates) {
      const key = cellKey(cr.id, ca.id);
      const v = draft?.key === key ? draft.value : own.valueOf(key);
      if (v !== null) out.push({ ...(own.mine[key] ?? blankScore(cr.id, ca.id, opts.meId)), value: v });
    }
  }
  return out;
}

const blankScore = (criterionId: string, candidateId: string, evaluatorId: string): ScoreDto => ({
  id: "",
  criterionId,
  candidateId,
  evaluatorId,
  value: 0,
  rationale: "",
  evidenceUrl: "",
  version: 0,
});
