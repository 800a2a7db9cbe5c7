// The plain shape of a measured fact as pages, client components, exports and tests see it.

export interface FactDto {
  id: string;
  criterionId: string;
  candidateId: string;
  value: number;
  /** The unit it was measured in (the criterion's unit unless it has none). */
  unit: string | null;
  sourceUrl: string;
  note: string;
  /** Calendar day, YYYY-MM-DD. */
  measuredOn: string;
  enteredById: string | null;
  enteredByName: string | null;
  version: number;
  updatedAt: string;
}

/** A stored fact row (with the person who entered it) → its DTO; no Prisma type leaks out. */
export function toFactDto(f: {
  id: string;
  criterionId: string;
  candidateId: string;
  value: number;
  unit: string | null;
  sourceUrl: string;
  note: string;
  measuredOn: Date;
  enteredById: string | null;
  enteredBy?: { name: string } | null;
  version: number;
  updatedAt: Date;
}): FactDto {
  return {
    id: f.id,
    criterionId: f.criterionId,
    candidateId: f.candidateId,
    value: f.value,
    unit: f.unit,
    sourceUrl: f.sourceUrl,
    note: f.note,
    measuredOn: f.measuredOn.toISOString().slice(0, 10),
    enteredById: f.enteredById,
    enteredByName: f.enteredBy?.name ?? null,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  };
}
