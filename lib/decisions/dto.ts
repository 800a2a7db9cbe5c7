// Plain objects the data layer returns for decisions: no Prisma values leak to pages or client components, but every
// row shape is derived from the generated Prisma types, so a column exists in exactly one place (the schema). Only
// type imports from Prisma here: client components import this module.
import type { Prisma } from "@/generated/prisma/client";
import { CANDIDATE_FIELDS, type CandidateValues } from "@/lib/validation/candidate";
import { CRITERION_FIELDS, type CriterionValues } from "@/lib/validation/criterion";
import type { DecisionStatus } from "@/lib/validation/enums";
import type { ScoringSettings } from "@/lib/validation/decision";
import type { FactDto } from "./fact-dto";

export type { DecisionStatus };

/**
 * Columns a part's DTO leaves out: the parent key (implied by where the part sits) and the timestamps (Dates do not
 * cross to the browser). Every other column, present or added later, is in the DTO.
 */
export const criterionOmit = {
  decisionId: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CriterionOmit;
export const candidateOmit = {
  decisionId: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CandidateOmit;
export const scoreOmit = { createdAt: true, updatedAt: true } as const satisfies Prisma.ScoreOmit;

export type CriterionDto = Prisma.CriterionGetPayload<{ omit: typeof criterionOmit }>;
export type CandidateDto = Prisma.CandidateGetPayload<{ omit: typeof candidateOmit }>;
export type ScoreDto = Prisma.ScoreGetPayload<{ omit: typeof scoreOmit }>;

/** DTO columns that are bookkeeping rather than values a person edits. */
const PART_KEYS = ["id", "position", "version"] as const;
type PartKey = (typeof PART_KEYS)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/**
 * Compile-time proof that the editable fields (one parser each in lib/validation) are exactly the stored columns
 * minus bookkeeping, with the same types. A new column fails here until it has a parser (or joins an omit list).
 */
export type PartShapesInStep = [
  Assert<Same<CriterionValues, Omit<CriterionDto, PartKey | "parentId">>>,
  Assert<Same<CandidateValues, Omit<CandidateDto, PartKey>>>,
];

// Where a criterion sits in the tree is bookkeeping like its position: moved by its own action (setCriterionParent,
// which checks the whole tree), not edited as a field of the row.
export const CRITERION_DTO_KEYS = [...PART_KEYS, "parentId", ...CRITERION_FIELDS] as (keyof CriterionDto)[];
export const CANDIDATE_DTO_KEYS = [...PART_KEYS, ...CANDIDATE_FIELDS] as (keyof CandidateDto)[];
export const SCORE_DTO_KEYS = [
  "id",
  "criterionId",
  "candidateId",
  "evaluatorId",
  "value",
  "rationale",
  "evidenceUrl",
  "version",
] as const satisfies readonly (keyof ScoreDto)[];

/** Exactly `keys` of `row`, in that order (rows from Prisma carry timestamps and relations the client must not get). */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

/** `keys` of `values` that are not undefined: the shape a create() takes, leaving the rest to column defaults. */
export function pickDefined<T extends object, K extends keyof T>(values: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (values[k] !== undefined) out[k] = values[k];
  return out;
}

/** Values where `Required` must be given and the rest may be left to the column's default. */
export type PartialValues<V, Required extends keyof V> = Pick<V, Required> & Partial<Omit<V, Required>>;

export type CriterionCopy = PartialValues<CriterionValues, "name" | "weight">;
export type RequirementCopy = PartialValues<RequirementValues, "weight"> & { skillId: string };
export type CandidateCopy = PartialValues<CandidateValues, "name"> & { requirements: RequirementCopy[] };

export const criterionDto = (c: CriterionDto): CriterionDto => pick(c, CRITERION_DTO_KEYS);
export const candidateDto = (c: CandidateDto): CandidateDto => pick(c, CANDIDATE_DTO_KEYS);
export const toScoreDto = (s: ScoreDto): ScoreDto => pick(s, SCORE_DTO_KEYS);

/** A stored score carries every DTO column; the assertion keeps SCORE_DTO_KEYS complete. */
export type ScoreKeysComplete = Assert<Same<(typeof SCORE_DTO_KEYS)[number], keyof ScoreDto>>;

export interface DecisionSummary {
  id: string;
  title: string;
  status: DecisionStatus;
  teamName: string | null;
  candidateCount: number;
  criterionCount: number;
  updatedAt: string;
}

export const requirementSelect = {
  candidateId: true,
  skillId: true,
  weight: true,
  minLevel: true,
} as const satisfies Prisma.SkillRequirementSelect;
export type RequirementDto = Prisma.SkillRequirementGetPayload<{ select: typeof requirementSelect }>;

/** A requirement's own values (its keys are the candidate and the skill). */
export const REQUIREMENT_VALUE_KEYS = ["weight", "minLevel"] as const;
export type RequirementValues = Pick<Prisma.SkillRequirementModel, (typeof REQUIREMENT_VALUE_KEYS)[number]>;
export type RequirementKeysComplete = Assert<
  Same<
    (typeof REQUIREMENT_VALUE_KEYS)[number],
    Exclude<keyof Prisma.SkillRequirementModel, "id" | "candidateId" | "skillId" | "version" | "updatedAt">
  >
>;

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

/** The decision's own columns every view of it shows. */
export const decisionCoreSelect = {
  id: true,
  title: true,
  context: true,
  status: true,
  outcomeRationale: true,
  chosenCandidateId: true,
  version: true,
} as const satisfies Prisma.DecisionSelect;
export type DecisionCore = Prisma.DecisionGetPayload<{ select: typeof decisionCoreSelect }>;
export const DECISION_CORE_KEYS = Object.keys(decisionCoreSelect) as (keyof DecisionCore)[];

export interface CandidateJudgmentCell {
  evaluatorId: string;
  criterionId: string;
  candidateA: string;
  candidateB: string;
  value: number;
}

export interface DecisionDetail extends DecisionCore {
  createdAt: string;
  updatedAt: string;
  criteria: CriterionDto[];
  candidates: CandidateDto[];
  scores: ScoreDto[];
  facts: FactDto[];
  evaluators: { id: string; name: string }[];
  skills: { id: string; name: string; category: string }[];
  requirements: RequirementDto[];
  judgments: { evaluatorId: string; criterionA: string; criterionB: string; value: number }[];
  /** Answers on pairwise criteria: on criterionId, candidateA is `value` times as good as candidateB. */
  candidateJudgments: CandidateJudgmentCell[];
  team: TeamDto | null;
  /** Scoring method from Decision.settings (cell aggregation, weight source). */
  scoring: ScoringSettings;
}
