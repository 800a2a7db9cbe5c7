// Lookups every results view needs: display names and the candidate's position (which fixes its colour).
import type { ResultsDecision } from "@/lib/decisions/results-payload";
import { candidateStyle, type SeriesStyle } from "@/lib/results/palette";

export interface Names {
  candidate: (id: string) => string;
  criterion: (id: string) => string;
  skill: (id: string) => string;
  member: (id: string) => string;
  evaluator: (id: string) => string;
  style: (candidateId: string) => SeriesStyle;
}

export function namesOf(d: ResultsDecision): Names {
  const c = new Map(d.candidates.map((x, i) => [x.id, { name: x.name, i }]));
  const cr = new Map(d.criteria.map((x) => [x.id, x.name]));
  const sk = new Map(d.skills.map((x) => [x.id, x.name]));
  const mem = new Map((d.team?.members ?? []).map((x) => [x.id, x.name]));
  const ev = new Map(d.evaluators.map((x) => [x.id, x.name]));
  return {
    candidate: (id) => c.get(id)?.name ?? id,
    criterion: (id) => cr.get(id) ?? id,
    skill: (id) => sk.get(id) ?? id,
    member: (id) => mem.get(id) ?? id,
    evaluator: (id) => ev.get(id) ?? id,
    style: (id) => candidateStyle(c.get(id)?.i ?? 0),
  };
}
