// Plain objects the data layer returns for decisions: no Prisma types leak to pages or client components.
import type { CriterionKind, Direction } from "@/lib/scoring/types";
import type { FactDto } from "./fact-dto";

export type DecisionStatus = "DRAFT" | "IN_REVIEW" | "DECIDED" | "SUPERSEDED";

export interface DecisionSummary {
  id: string;
  title: string;
  status: DecisionStatus;
  teamName: string | null;
  candidateCount: number;
  criterionCount: number;
  updatedAt: string;
}

export interface CriterionDto {
  id: string;
  name: string;
  description: string;
  lowMeaning: string;
  highMeaning: string;
  weight: number;
  kind: CriterionKind;
  direction: Direction;
  scaleMin: number | null;
  scaleMax: number | null;
  unit: string | null;
  worst: number | null;
  best: number | null;
  threshold: number | null;
  position: number;
  version: number;
}

export interface CandidateDto {
  id: string;
  name: string;
  description: string;
  link: string;
  position: number;
  version: number;
}

export interface ScoreDto {
  id: string;
  criterionId: string;
  candidateId: string;
  evaluatorId: string;
  value: number;
  rationale: string;
  evidenceUrl: string;
  version: number;
}

/** Picks exactly the DTO's fields off a stored score (which carries timestamps and relations the client must not get). */
export function toScoreDto(s: ScoreDto): ScoreDto {
  return {
    id: s.id,
    criterionId: s.criterionId,
    candidateId: s.candidateId,
    evaluatorId: s.evaluatorId,
    value: s.value,
    rationale: s.rationale,
    evidenceUrl: s.evidenceUrl,
    version: s.version,
  };
}

/** The shared measured value of one METRIC cell (see lib/decisions/fact-dto.ts). */
export type { FactDto } from "./fact-dto";

export interface TeamDto {
  id: string;
  name: string;
  aggregation: string;
  members: { id: string; name: string }[];
  ratings: { memberId: string; skillId: string; level: number }[];
  overrides: { skillId: string; level: number; reason: string }[];
}

export interface DecisionDetail {
  id: string;
  title: string;
  context: string;
  status: DecisionStatus;
  outcomeRationale: string;
  chosenCandidateId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  criteria: CriterionDto[];
  candidates: CandidateDto[];
  scores: ScoreDto[];
  facts: FactDto[];
  evaluators: { id: string; name: string }[];
  skills: { id: string; name: string; category: string }[];
  requirements: { candidateId: string; skillId: string; weight: number; minLevel: number | null }[];
  judgments: { evaluatorId: string; criterionA: string; criterionB: string; value: number }[];
  team: TeamDto | null;
}
