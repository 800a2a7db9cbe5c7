// Rows of one decision → the exchange format. Pure; sorting makes the output deterministic (same decision, same bytes).
import { pick } from "@/lib/decisions/dto";
import { CANDIDATE_FIELDS, type CandidateValues } from "@/lib/validation/candidate";
import { CRITERION_FIELDS, type CriterionValues } from "@/lib/validation/criterion";
import {
  DECISION_JSON_FORMAT,
  DECISION_JSON_VERSION,
  type DecisionJson,
  type DecisionJsonFile,
} from "@/lib/validation/decision-json";
import { curveFromText } from "@/lib/validation/value-curve";

export interface DecisionJsonSource {
  title: string;
  context: string;
  status: DecisionJson["decision"]["status"];
  outcomeRationale: string;
  chosenCandidateId: string | null;
  teamName: string | null;
  settings: Record<string, unknown> | null;
  criteria: ({ id: string; parentId: string | null } & CriterionValues)[];
  candidates: ({ id: string } & CandidateValues & {
      requirements: DecisionJson["candidates"][number]["requirements"];
    })[];
  scores: ({ criterionId: string; candidateId: string } & Omit<
    DecisionJson["scores"][number],
    "criterion" | "candidate"
  >)[];
  judgments: ({ criterionAId: string; criterionBId: string } & Omit<
    DecisionJson["judgments"][number],
    "criterionA" | "criterionB"
  >)[];
  candidateJudgments: {
    criterionId: string;
    candidateAId: string;
    candidateBId: string;
    evaluator: string;
    value: number;
  }[];
  facts: {
    criterionId: string;
    candidateId: string;
    value: number;
    unit: string | null;
    sourceUrl: string;
    note: string;
    measuredOn: string;
    enteredBy: string | null;
  }[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildDecisionJson(s: DecisionJsonSource): DecisionJsonFile {
  const criterion = new Map(s.criteria.map((c, i) => [c.id, { name: c.name, i }]));
  const candidate = new Map(s.candidates.map((c, i) => [c.id, { name: c.name, i }]));
  return {
    format: DECISION_JSON_FORMAT,
    version: DECISION_JSON_VERSION,
    decision: {
      title: s.title,
      context: s.context,
      status: s.status,
      outcomeRationale: s.outcomeRationale,
      chosenCandidate: s.chosenCandidateId ? (candidate.get(s.chosenCandidateId)?.name ?? null) : null,
      team: s.teamName,
      settings: s.settings,
    },
    // The format's key order is the field lists' order (lib/validation), which the JSON schema shares.
    criteria: s.criteria.map((c) => ({
      ...pick(c, CRITERION_FIELDS),
      valueCurve: curveFromText(c.valueCurve)?.map(([x, p]) => [x, p] as [number, number]) ?? null,
      parent: c.parentId ? (criterion.get(c.parentId)?.name ?? null) : null,
    })),
    candidates: s.candidates.map((c) => ({
      ...pick(c, CANDIDATE_FIELDS),
      requirements: [...c.requirements]
        .sort((a, b) => cmp(a.skill, b.skill))
        .map((r) => ({ skill: r.skill, weight: r.weight, minLevel: r.minLevel })),
    })),
    scores: [...s.scores]
      .sort(
        (a, b) =>
          criterion.get(a.criterionId)!.i - criterion.get(b.criterionId)!.i ||
          candidate.get(a.candidateId)!.i - candidate.get(b.candidateId)!.i ||
          cmp(a.evaluator, b.evaluator),
      )
      .map((x) => ({
        criterion: criterion.get(x.criterionId)!.name,
        candidate: candidate.get(x.candidateId)!.name,
        evaluator: x.evaluator,
        value: x.value,
        rationale: x.rationale,
        evidenceUrl: x.evidenceUrl,
      })),
    facts: [...s.facts]
      .sort(
        (a, b) =>
          criterion.get(a.criterionId)!.i - criterion.get(b.criterionId)!.i ||
          candidate.get(a.candidateId)!.i - candidate.get(b.candidateId)!.i,
      )
      .map((f) => ({
        criterion: criterion.get(f.criterionId)!.name,
        candidate: candidate.get(f.candidateId)!.name,
        value: f.value,
        unit: f.unit,
        sourceUrl: f.sourceUrl,
        note: f.note,
        measuredOn: f.measuredOn,
        enteredBy: f.enteredBy,
      })),
    judgments: [...s.judgments]
      .sort(
        (a, b) =>
          cmp(a.evaluator, b.evaluator) ||
          criterion.get(a.criterionAId)!.i - criterion.get(b.criterionAId)!.i ||
          criterion.get(a.criterionBId)!.i - criterion.get(b.criterionBId)!.i,
      )
      .map((j) => ({
        evaluator: j.evaluator,
        criterionA: criterion.get(j.criterionAId)!.name,
        criterionB: criterion.get(j.criterionBId)!.name,
        value: j.value,
      })),
    candidateJudgments: [...s.candidateJudgments]
      .sort(
        (a, b) =>
          criterion.get(a.criterionId)!.i - criterion.get(b.criterionId)!.i ||
          cmp(a.evaluator, b.evaluator) ||
          candidate.get(a.candidateAId)!.i - candidate.get(b.candidateAId)!.i ||
          candidate.get(a.candidateBId)!.i - candidate.get(b.candidateBId)!.i,
      )
      .map((j) => ({
        evaluator: j.evaluator,
        criterion: criterion.get(j.criterionId)!.name,
        candidateA: candidate.get(j.candidateAId)!.name,
        candidateB: candidate.get(j.candidateBId)!.name,
        value: j.value,
      })),
  };
}
