// The JSON export's derived block (lib/validation/decision-json.ts, `evaluation`): every raw value with its unit
// beside its points, how each criterion's points were derived, and the totals, from the same rows as every report.
import type { DecisionDetail } from "@/lib/decisions/dto";
import { decisionOptionsOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { discussionList, evaluateDecision } from "@/lib/scoring";
import type { DecisionJson } from "@/lib/validation/decision-json";
import type { CellSource, ReportBundle } from "./bundle";
import { rawRows, type Derivation } from "./raw-values";

type EvaluationJson = NonNullable<DecisionJson["evaluation"]>;

function pointsFrom(d: Derivation): EvaluationJson["criteria"][number]["pointsFrom"] {
  if (d.kind !== "metric") return d.kind;
  return d.worstSet && d.bestSet ? "reference" : !d.worstSet && !d.bestSet ? "observed" : "mixed";
}

export function evaluationJson(b: Pick<ReportBundle, "decision" | "result" | "cellSources">): EvaluationJson {
  const rows = rawRows(b);
  const candidate = new Map(b.decision.candidates.map((c) => [c.id, c.name]));
  const criterion = new Map(b.decision.criteria.map((c) => [c.id, c.name]));
  return {
    method: "weighted-sum",
    criteria: rows.map((r) => ({
      criterion: r.criterion.name,
      unit: r.unit,
      pointsFrom: pointsFrom(r.derivation),
      worst: r.derivation.worst,
      best: r.derivation.best,
    })),
    cells: rows.flatMap((r) =>
      r.cells.map((c) => ({
        criterion: r.criterion.name,
        candidate: candidate.get(c.candidateId) ?? "?",
        raw: c.raw,
        unit: r.unit,
        points: c.points,
        evaluators: c.evaluatorCount,
        sourceUrl: c.sourceUrl,
        measuredOn: c.measuredOn,
      })),
    ),
    totals: (b.result?.ranking ?? []).map((x) => ({
      candidate: candidate.get(x.candidateId) ?? "?",
      total: x.total,
      rank: x.rank,
      incomplete: x.incomplete,
      excluded: x.excluded,
    })),
    agreement: b.result
      ? {
          overall: b.result.consensus.overall,
          criteria: b.result.consensus.criteria.map((c) => ({
            criterion: criterion.get(c.criterionId) ?? "?",
            concordance: c.concordance,
          })),
        }
      : undefined,
    discussion: b.result
      ? discussionList(b.result).map((c) => ({
          criterion: criterion.get(c.criterionId) ?? "?",
          candidate: candidate.get(c.candidateId) ?? "?",
          evaluators: c.evaluatorCount,
          min: c.min,
          max: c.max,
          swing: c.swing,
          portion: c.portion,
          changesLeader: c.changesLeader,
          changesRank: c.changesRank,
        }))
      : undefined,
  };
}

/** The evaluation without the Monte Carlo run: the file carries points and totals, not probabilities. */
export function evaluationForJson(decision: DecisionDetail, cellSources: CellSource[] = []): EvaluationJson {
  // The decision's own method (mean or median, direct or AHP weights), as on the results page.
  const outcome = evaluateDecision(toScoringModel(decision), {
    ...decisionOptionsOf(decision),
    monteCarlo: { samples: 0 },
  });
  return evaluationJson({ decision, result: outcome.ok ? outcome.result : null, cellSources });
}
