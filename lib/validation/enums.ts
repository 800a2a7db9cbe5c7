// The closed value lists of the domain, one definition each. Stored enums come from the generated Prisma enums (a
// browser-safe module of plain objects), so validation, forms, exports and the database cannot drift apart; the team
// aggregation is stored as text and listed here. The scoring engine keeps its own union types (lib/scoring must not
// import Prisma); the assertions at the end make tsc fail when either side changes without the other.
import { z } from "zod";
import { CriterionKind, DecisionStatus, Direction, Role } from "@/generated/prisma/enums";
import type * as Scoring from "@/lib/scoring/types";

export const criterionKindSchema = z.enum(CriterionKind, { message: "kindInvalid" });
export const directionSchema = z.enum(Direction, { message: "directionInvalid" });
export const decisionStatusSchema = z.enum(DecisionStatus, { message: "statusInvalid" });
export const roleSchema = z.enum(Role, { message: "roleInvalid" });

/** Declaration order of the schema, which is also the order forms list them and the list sorts statuses by. */
export const CRITERION_KINDS = criterionKindSchema.options;
export const DIRECTIONS = directionSchema.options;
export const DECISION_STATUSES = decisionStatusSchema.options;
export const ROLES = roleSchema.options;

export const TEAM_AGGREGATIONS = ["top2", "max", "mean"] as const;
export const teamAggregationSchema = z.enum(TEAM_AGGREGATIONS, { message: "aggregationInvalid" });

export type { CriterionKind, DecisionStatus, Direction, Role };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compile-time only: the engine's unions equal the stored enums (and the team aggregation list). */
export type ScoringEnumsInStep = [
  Assert<Same<Scoring.CriterionKind, CriterionKind>>,
  Assert<Same<Scoring.Direction, Direction>>,
  Assert<Same<Scoring.TeamAggregation, (typeof TEAM_AGGREGATIONS)[number]>>,
];
