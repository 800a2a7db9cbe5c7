// Decision templates are plain data: the first-start seed builds the demo decisions from them, e2e fixtures reuse
// them, and "create from template" copies them into a workspace.
// Criterion and candidate values have the stored rows' names and types (lib/decisions/dto.ts); a value a template
// leaves out takes the column's default.
import type { CriterionCopy, PartialValues, RequirementCopy } from "@/lib/decisions/dto";
import type { CandidateValues } from "@/lib/validation/candidate";

export type TemplateCriterion = { key: string } & CriterionCopy &
  Pick<Required<CriterionCopy>, "description" | "kind" | "direction">;

export type TemplateCandidate = { key: string } & PartialValues<CandidateValues, "name" | "description" | "link"> & {
    /** skill key → requirement weight (normalised per candidate by the engine); optional minimum level. */
    requirements?: ({ skill: string } & Omit<RequirementCopy, "skillId">)[];
  };

export interface TemplateScore {
  criterion: string;
  candidate: string;
  /** One value per demo evaluator, in the order of the template's evaluators. */
  values: number[];
  /** The first evaluator's rationale and evidence link. */
  rationale?: string;
  evidenceUrl?: string;
  /** The later evaluators' rationales, in order (a disputed cell reads best with both sides of it). */
  laterRationales?: string[];
}

/** The measured value of a METRIC cell, entered once (the unit is the criterion's). */
export interface TemplateFact {
  criterion: string;
  candidate: string;
  value: number;
  /** YYYY-MM-DD */
  measuredOn: string;
  sourceUrl?: string;
  note?: string;
}

export interface TemplateTeam {
  key: string;
  name: string;
  description: string;
  members: { name: string; ratings: Record<string, number> }[];
}

export interface DecisionTemplate {
  key: string;
  title: string;
  context: string;
  team: string;
  criteria: TemplateCriterion[];
  candidates: TemplateCandidate[];
  /** Opinions (RATING cells), one value per demo evaluator. */
  scores: TemplateScore[];
  /** Measurements (METRIC cells); absent when the template measures nothing. */
  facts?: TemplateFact[];
}

export interface TemplateSkill {
  key: string;
  name: string;
  category: string;
  description: string;
}
