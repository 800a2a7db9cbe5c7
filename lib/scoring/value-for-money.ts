// Value for money (issue 17): what each candidate gives for what it costs. The benefit is the weighted total over the
// criteria that are not money, with their shares renormalised to sum to 1 (so it stays on the 0–10 points scale); the
// cost is the money criteria's raw amounts added up, in their currency and unit (a sum only makes sense when they
// share both). A candidate is dominated when another costs no more and gives at least as much benefit, and is
// strictly better on one of the two; the others form the Pareto frontier, cheapest first.
import type { DecisionResult } from "./result-types";

export interface MoneyCriterion {
  id: string;
  /** ISO 4217 code when the criterion is money, null otherwise. */
  currency?: string | null;
  unit: string | null;
}

export interface ValuePoint {
  candidateId: string;
  /** Σ ŵᵢ·sᵢ / Σ ŵᵢ over the criteria that are not money: 0–10 points. */
  benefit: number;
  /** Σ of the money criteria's raw amounts (the group's value of each cell). */
  cost: number;
  dominated: boolean;
  /** The candidates that dominate this one, in ranking order. */
  dominatedBy: string[];
}

export type ValueForMoney =
  /** No criterion is money. */
  | { kind: "none" }
  /** The money criteria are in different currencies or units: their amounts cannot be added. */
  | { kind: "mixed"; currencies: { currency: string; unit: string | null }[] }
  /** Every criterion with weight is money: there is no benefit to set against the cost. */
  | { kind: "noBenefit"; currency: string; unit: string | null }
  | {
      kind: "ok";
      currency: string;
      unit: string | null;
      moneyCriterionIds: string[];
      /** Σ ŵ of the criteria that are not money: the part of the weight the benefit stands for. */
      benefitShare: number;
      /** The ranked candidates (complete, not excluded) with every money amount, in ranking order. */
      points: ValuePoint[];
      /** Frontier candidates, cheapest first (an equal cost: more benefit first). */
      frontier: string[];
      /** Each step up the frontier: what moving from one member to the next costs and buys (equal points skipped). */
      steps: { from: string; to: string; extraCost: number; extraBenefit: number }[];
      /** Ranked candidates left out because a money amount is missing. */
      withoutCost: string[];
    };

/** Benefit differences below this are equal: the totals they come from are shown with two decimals. */
const SAME = 1e-9;

export function valueForMoney(criteria: readonly MoneyCriterion[], result: DecisionResult): ValueForMoney {
  // null or absent: not money. Only scored criteria count: a money criterion that has since become a group of a
  // criteria tree is priced through its sub-criteria.
  const scored = new Set(result.weights.map((w) => w.criterionId));
  const money = criteria.filter((c) => c.currency != null && scored.has(c.id));
  if (money.length === 0) return { kind: "none" };
  const kinds = [...new Map(money.map((c) => [`${c.currency}\u0000${c.unit ?? ""}`, c])).values()];
  if (kinds.length > 1)
    return { kind: "mixed", currencies: kinds.map((c) => ({ currency: c.currency!, unit: c.unit })) };
  const { currency, unit } = { currency: money[0].currency!, unit: money[0].unit };
  const moneyIds = new Set(money.map((c) => c.id));
  const share = new Map(result.weights.map((w) => [w.criterionId, w.share]));
  const benefitShare = result.weights.filter((w) => !moneyIds.has(w.criterionId)).reduce((s, w) => s + w.share, 0);
  if (!(benefitShare > 0)) return { kind: "noBenefit", currency, unit };

  const cells = new Map(result.cells.map((c) => [`${c.criterionId}\u0000${c.candidateId}`, c]));
  const ranked = result.ranking.filter((r) => r.rank !== null && !r.excluded);
  const withoutCost: string[] = [];
  const base: Omit<ValuePoint, "dominated" | "dominatedBy">[] = [];
  for (const r of ranked) {
    let cost = 0;
    let complete = true;
    for (const id of moneyIds) {
      const v = cells.get(`${id}\u0000${r.candidateId}`)?.value ?? null;
      if (v === null) complete = false;
      else cost += v;
    }
    if (!complete) {
      withoutCost.push(r.candidateId);
      continue;
    }
    const benefit = r.contributions
      .filter((c) => !moneyIds.has(c.criterionId) && c.contribution !== null)
      .reduce((s, c) => s + (share.get(c.criterionId) ?? 0) * (c.points ?? 0), 0);
    base.push({ candidateId: r.candidateId, benefit: benefit / benefitShare, cost });
  }
  const dominates = (a: (typeof base)[number], b: (typeof base)[number]) =>
    a.cost <= b.cost && a.benefit >= b.benefit - SAME && (a.cost < b.cost || a.benefit > b.benefit + SAME);
  const points = base.map((p) => {
    const by = base.filter((q) => q !== p && dominates(q, p)).map((q) => q.candidateId);
    return { ...p, dominated: by.length > 0, dominatedBy: by };
  });
  const line = points.filter((p) => !p.dominated).sort((a, b) => a.cost - b.cost || b.benefit - a.benefit);
  const frontier = line.map((p) => p.candidateId);
  // Two members with the same cost and benefit are one point of the line: no step between them.
  const steps = line
    .slice(1)
    .map((p, i) => ({ from: line[i], to: p }))
    .filter(({ from, to }) => to.cost > from.cost)
    .map(({ from, to }) => ({
      from: from.candidateId,
      to: to.candidateId,
      extraCost: to.cost - from.cost,
      extraBenefit: to.benefit - from.benefit,
    }));
  return {
    kind: "ok",
    currency,
    unit,
    moneyCriterionIds: money.map((c) => c.id),
    benefitShare,
    points,
    frontier,
    steps,
    withoutCost,
  };
}
