// What a matrix cell edits, as a string key (for state maps and the undo history) and back. A criterion field and a
// candidate's name are versioned per row; a score (the person's own) and a fact per cell.
import type { CandidateDto, CriterionDto, DecisionDetail, FactDto, ScoreDto } from "@/lib/decisions/dto";

export const CRITERION_COLUMNS = ["name", "weight", "kind", "direction", "unit"] as const;
export type CriterionColumn = (typeof CRITERION_COLUMNS)[number];

export type Target =
  | { t: "score"; criterionId: string; candidateId: string }
  | { t: "fact"; criterionId: string; candidateId: string }
  | { t: "crit"; id: string; field: CriterionColumn }
  | { t: "cand"; id: string; field: "name" };

/** A stored value as the matrix shows and sends it: numbers for scores, facts and weights; text otherwise. */
export type Value = string | number | null;

export function targetKey(x: Target): string {
  if (x.t === "score" || x.t === "fact") return `${x.t}:${x.criterionId}:${x.candidateId}`;
  return `${x.t}:${x.id}:${x.field}`;
}

export function parseTargetKey(key: string): Target | null {
  const [t, a, b] = key.split(":");
  if ((t === "score" || t === "fact") && a && b) return { t, criterionId: a, candidateId: b };
  if (t === "crit" && a && (CRITERION_COLUMNS as readonly string[]).includes(b))
    return { t, id: a, field: b as CriterionColumn };
  if (t === "cand" && a && b === "name") return { t, id: a, field: "name" };
  return null;
}

/** The row whose version a save must name: the criterion or candidate, or the cell itself. */
export function rowKey(x: Target): string {
  if (x.t === "score" || x.t === "fact") return targetKey(x);
  return `${x.t}:${x.id}`;
}

export interface Stored {
  value: Value;
  /** null: no row yet (a cell nobody scored or measured). */
  version: number | null;
  fact?: FactDto;
}

/** The stored value and version of a target, as the page's data has it. */
export function storedOf(
  d: Pick<DecisionDetail, "criteria" | "candidates" | "facts">,
  own: ScoreDto[],
  x: Target,
): Stored {
  if (x.t === "score") {
    const s = own.find((r) => r.criterionId === x.criterionId && r.candidateId === x.candidateId);
    return s ? { value: s.value, version: s.version } : { value: null, version: null };
  }
  if (x.t === "fact") {
    const f = d.facts.find((r) => r.criterionId === x.criterionId && r.candidateId === x.candidateId);
    return f ? { value: f.value, version: f.version, fact: f } : { value: null, version: null };
  }
  if (x.t === "crit") {
    const c: CriterionDto | undefined = d.criteria.find((r) => r.id === x.id);
    return c ? { value: c[x.field] as Value, version: c.version } : { value: null, version: null };
  }
  const k: CandidateDto | undefined = d.candidates.find((r) => r.id === x.id);
  return k ? { value: k.name, version: k.version } : { value: null, version: null };
}
