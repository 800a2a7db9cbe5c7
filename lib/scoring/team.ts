// Team skill vector t_k and each candidate's skill match M_c = Σ r̂_ck · t_k.
import type { SkillMatchResult, TeamResult, TeamSkillResult } from "./result-types";
import type { SkillInput, SkillRequirementInput, TeamAggregation, TeamInput } from "./types";

/** A member rated at or above this level counts towards the bus factor. */
export const EXPERT_LEVEL = 7;
/** A skill carrying at least this share of a candidate's requirements is risky with fewer than two experts. */
export const RISK_WEIGHT = 0.2;
export const RISK_BUS_FACTOR = 2;
export const DEFAULT_SKILL_TARGET = 7;

/**
 * Team level from members' levels. "top2" (default) is the mean of the two strongest: depth matters, but one expert
 * is not a team. With one rated member every method returns that member's level. Null when nobody is rated.
 */
export function aggregateTeamLevel(levels: readonly number[], method: TeamAggregation = "top2"): number | null {
  if (levels.length === 0) return null;
  if (method === "mean") return levels.reduce((a, b) => a + b, 0) / levels.length;
  let first = -Infinity;
  let second = -Infinity;
  for (const l of levels) {
    if (l > first) {
      second = first;
      first = l;
    } else if (l > second) {
      second = l;
    }
  }
  if (method === "max" || levels.length === 1) return first;
  return (first + second) / 2;
}

export function teamVector(
  team: TeamInput,
  skills: readonly SkillInput[],
  method: TeamAggregation = "top2",
): TeamResult {
  const bySkill = new Map<string, number[]>();
  for (const r of team.ratings) {
    const list = bySkill.get(r.skillId);
    if (list) list.push(r.level);
    else bySkill.set(r.skillId, [r.level]);
  }
  const overrides = new Map((team.overrides ?? []).map((o) => [o.skillId, o]));
  const result: TeamSkillResult[] = skills.map((s) => {
    const levels = bySkill.get(s.id) ?? [];
    const aggregated = aggregateTeamLevel(levels, method);
    const o = overrides.get(s.id);
    return {
      skillId: s.id,
      level: o ? o.level : aggregated,
      aggregated,
      override: o ? { level: o.level, reason: o.reason } : null,
      // An override changes the stated level, not how many people actually hold the skill.
      busFactor: levels.filter((l) => l >= EXPERT_LEVEL).length,
      ratedCount: levels.length,
    };
  });
  return { skills: result };
}

/**
 * Skill match per candidate. A required skill nobody rated counts as level 0: the team has shown no ability in it, and
 * treating it as missing would let an unknown skill silently raise the match. Match is null when the candidate has no
 * requirements (or only zero-weight ones) or when there is no team — the SKILL_MATCH cell is then missing.
 */
export function skillMatches(
  candidateIds: readonly string[],
  requirements: readonly SkillRequirementInput[],
  team: TeamResult | null,
  skillTarget: number = DEFAULT_SKILL_TARGET,
): SkillMatchResult[] {
  const levels = new Map((team?.skills ?? []).map((s) => [s.skillId, s]));
  return candidateIds.map((candidateId) => {
    const reqs = requirements.filter((r) => r.candidateId === candidateId);
    const sum = reqs.reduce((a, r) => a + r.weight, 0);
    if (team === null || !(sum > 0)) return { candidateId, match: null, requirements: [], risks: [] };
    let match = 0;
    const rows = reqs.map((r) => {
      const skill = levels.get(r.skillId);
      const level = skill?.level ?? null;
      const teamLevel = level ?? 0;
      const weight = r.weight / sum;
      const target = r.minLevel ?? skillTarget;
      const busFactor = skill?.busFactor ?? 0;
      match += weight * teamLevel;
      return {
        skillId: r.skillId,
        weight,
        teamLevel,
        rated: level !== null,
        target,
        gap: Math.max(0, target - teamLevel),
        busFactor,
        // Tolerance: a requirement entered as exactly 20 % must not escape the rule through rounding.
        risk: weight >= RISK_WEIGHT - 1e-12 && busFactor < RISK_BUS_FACTOR,
      };
    });
    return { candidateId, match, requirements: rows, risks: rows.filter((r) => r.risk).map((r) => r.skillId) };
  });
}
