import "server-only";
// Everyone's view of one cell, side by side: the discussion list (lib/scoring/discussion.ts) opens the cells that
// drive the disagreement with each evaluator's value, rationale and evidence. Read through getDecision, so the blind
// scoring rule (lib/server/blind.ts) already holds: while it does, the list is the actor's own score at most.
import type { CellInput } from "@/lib/validation/score";
import { notFound } from "@/lib/errors/domain-error";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { getDecision } from "./decisions";

export interface CellOpinion {
  evaluatorId: string;
  evaluatorName: string;
  value: number;
  rationale: string;
  evidenceUrl: string;
}

export interface CellOpinions {
  criterionId: string;
  candidateId: string;
  /** Lowest value first (so the two ends of the disagreement stand at the two ends), then by name. */
  opinions: CellOpinion[];
}

export async function getCellOpinions(actor: Actor, input: CellInput): Promise<CellOpinions> {
  authorize(actor, "decision.read");
  const d = await getDecision(actor, input.decisionId);
  if (!d) throw notFound("decision");
  // Ids from the caller are checked against this decision: another decision's cell is "not found", never read.
  if (!d.criteria.some((c) => c.id === input.criterionId)) throw notFound("criterion");
  if (!d.candidates.some((c) => c.id === input.candidateId)) throw notFound("candidate");
  const names = new Map(d.evaluators.map((e) => [e.id, e.name]));
  const opinions = d.scores
    .filter((s) => s.criterionId === input.criterionId && s.candidateId === input.candidateId)
    .map((s) => ({
      evaluatorId: s.evaluatorId,
      evaluatorName: names.get(s.evaluatorId) ?? "",
      value: s.value,
      rationale: s.rationale,
      evidenceUrl: s.evidenceUrl,
    }))
    .sort((a, b) => a.value - b.value || a.evaluatorName.localeCompare(b.evaluatorName));
  return { criterionId: input.criterionId, candidateId: input.candidateId, opinions };
}
