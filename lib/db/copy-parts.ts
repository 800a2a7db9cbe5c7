// Writes a decision's criteria, candidates and skill requirements from plain values: the one copy path behind "create
// from template", "duplicate" and the seed (which cannot load the server-only data layer). Values are picked by the
// field lists of lib/validation, which lib/decisions/dto.ts proves equal to the stored columns, so a new column is
// copied without touching this file; a value left out takes the column's default.
import { pickDefined, REQUIREMENT_VALUE_KEYS, type CandidateCopy, type CriterionCopy } from "@/lib/decisions/dto";
import { CANDIDATE_FIELDS } from "@/lib/validation/candidate";
import { CRITERION_FIELDS } from "@/lib/validation/criterion";
import type { DecisionTemplate } from "@/lib/templates/types";
import type { TransactionClient } from "./write-queue";

/** Appends the parts in the given order; returns the new ids in that order. */
export async function copyParts(
  tx: TransactionClient,
  decisionId: string,
  parts: { criteria: CriterionCopy[]; candidates: CandidateCopy[] },
): Promise<{ criterionIds: string[]; candidateIds: string[] }> {
  const criterionIds: string[] = [];
  for (const [position, c] of parts.criteria.entries()) {
    const row = await tx.criterion.create({ data: { ...pickDefined(c, CRITERION_FIELDS), decisionId, position } });
    criterionIds.push(row.id);
  }
  // The criteria tree, once every copy exists: a copied criterion sits under the copy of its group.
  const copyOf = new Map(
    parts.criteria.flatMap((c, i) => ("id" in c && typeof c.id === "string" ? [[c.id, criterionIds[i]]] : [])),
  );
  for (const [i, c] of parts.criteria.entries()) {
    const parentId = "parentId" in c && typeof c.parentId === "string" ? copyOf.get(c.parentId) : undefined;
    if (parentId) await tx.criterion.update({ where: { id: criterionIds[i] }, data: { parentId } });
  }
  const candidateIds: string[] = [];
  for (const [position, c] of parts.candidates.entries()) {
    const row = await tx.candidate.create({
      data: {
        ...pickDefined(c, CANDIDATE_FIELDS),
        decisionId,
        position,
        requirements: {
          create: c.requirements.map((r) => ({ ...pickDefined(r, REQUIREMENT_VALUE_KEYS), skillId: r.skillId })),
        },
      },
    });
    candidateIds.push(row.id);
  }
  return { criterionIds, candidateIds };
}

/** A template's parts as copy values; requirements on skills missing from `skillIds` (skill key → id) are skipped. */
export function templateParts(
  template: DecisionTemplate,
  skillIds: Map<string, string>,
): { criteria: CriterionCopy[]; candidates: CandidateCopy[] } {
  return {
    criteria: template.criteria,
    candidates: template.candidates.map((c) => ({
      ...c,
      requirements: (c.requirements ?? []).flatMap((r) => {
        const skillId = skillIds.get(r.skill);
        return skillId ? [{ ...r, skillId }] : [];
      }),
    })),
  };
}
