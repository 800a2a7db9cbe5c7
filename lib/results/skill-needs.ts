// "What would this candidate need?" per required skill: how many more people at the target level the team would have
// to add so that the skill has at least two experts (bus factor 2) and the team's level reaches the target.
import { aggregateTeamLevel, EXPERT_LEVEL, RISK_BUS_FACTOR } from "@/lib/scoring/team";
import type { TeamAggregation } from "@/lib/scoring/types";

export interface SkillNeed {
  /** People to add; 0 when the skill already meets both conditions; null when no number up to `limit` would. */
  people: number | null;
  /** The level the added people are assumed to have: the target, and at least expert level so they count as experts. */
  atLevel: number;
  levelAfter: number | null;
  busFactorAfter: number;
}

/**
 * Smallest k such that adding k members rated `atLevel` gives bus factor ≥ 2 and aggregated level ≥ target. With the
 * default top-2 mean: k = 0 if the two strongest already average the target and two are experts; one newcomer lifts
 * the top-2 mean to the target only when the strongest member is already at or above it.
 */
export function skillNeed(
  levels: readonly number[],
  target: number,
  method: TeamAggregation = "top2",
  limit = 20,
): SkillNeed {
  const atLevel = Math.max(target, EXPERT_LEVEL);
  const experts = levels.filter((l) => l >= EXPERT_LEVEL).length;
  for (let k = 0; k <= limit; k++) {
    const all = [...levels, ...Array<number>(k).fill(atLevel)];
    const level = aggregateTeamLevel(all, method);
    const bus = experts + k;
    if (bus >= RISK_BUS_FACTOR && level !== null && level >= target - 1e-9) {
      return { people: k, atLevel, levelAfter: level, busFactorAfter: bus };
    }
  }
  return { people: null, atLevel, levelAfter: null, busFactorAfter: experts };
}
