// Decision templates are plain data: the first-start seed builds the demo decisions from them, e2e fixtures reuse
// them, and "create from template" copies them into a workspace.
import type { CriterionKind, Direction } from "@/lib/scoring/types";

export interface TemplateCriterion {
  key: string;
  name: string;
  description: string;
  lowMeaning?: string;
  highMeaning?: string;
  weight: number;
  kind: CriterionKind;
  direction: Direction;
  scaleMin?: number;
  scaleMax?: number;
  unit?: string;
  worst?: number;
  best?: number;
  threshold?: number;
}

export interface TemplateCandidate {
  key: string;
  name: string;
  description: string;
  link: string;
  /** skill key → requirement weight (normalised per candidate by the engine); optional minimum level. */
  requirements?: { skill: string; weight: number; minLevel?: number }[];
}

export interface TemplateScore {
  criterion: string;
  candidate: string;
  /** One value per demo evaluator, in the order of the template's evaluators. */
  values: number[];
  rationale?: string;
  evidenceUrl?: string;
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
