import "server-only";
// How many child rows each of a page of parents has, counted for those parents only. Prisma's relation `_count` on a
// list compiles to `LEFT JOIN (SELECT fk, COUNT(*) FROM child WHERE 1=1 GROUP BY fk)`: the whole child table, every
// workspace's rows, on every request — a decisions list of 25 rows counted all 17,819 criteria and 11,610 candidates of
// the 1,000-decision benchmark organisation, and its cost grew with every other decision. Here every count is one
// indexed `IN (…)` lookup of the page's ids, all of them in one statement.
import { Prisma } from "@/generated/prisma/client";
import { db } from "./db";

export type ChildKind =
  | "decisionCriteria"
  | "decisionCandidates"
  | "teamMembers"
  | "teamDecisions"
  | "skillRatings"
  | "skillRequirements"
  | "skillOverrides";

/**
 * The counts a list can ask for: a child table and its foreign-key column, which leads an index — or, for a child that
 * carries its workspace, an index led by the workspace and then the column (`scoped`).
 */
const CHILDREN: Record<ChildKind, { table: string; column: string; scoped?: true }> = {
  decisionCriteria: { table: "Criterion", column: "decisionId" },
  decisionCandidates: { table: "Candidate", column: "decisionId" },
  teamMembers: { table: "TeamMember", column: "teamId" },
  teamDecisions: { table: "Decision", column: "teamId", scoped: true },
  skillRatings: { table: "SkillRating", column: "skillId" },
  skillRequirements: { table: "SkillRequirement", column: "skillId" },
  // Indexed by (teamId, skillId) only: at most one row per team and skill of the workspace, so a small table.
  skillOverrides: { table: "TeamSkillOverride", column: "skillId" },
};

const ident = (name: string) => Prisma.raw(`"${name}"`);

/** Ids per statement: each id is a bound parameter once per kind, and SQLite allows 32,766 in one statement. */
const CHUNK = 1000;

/**
 * For each kind, the number of child rows of every id in `ids` (0 for an id without any). One statement for a page
 * (whatever the number of kinds), one per thousand ids for a whole catalog, none for an empty list.
 */
export async function countChildren<K extends ChildKind>(
  workspaceId: string,
  ids: readonly string[],
  kinds: readonly K[],
): Promise<Record<K, (id: string) => number>> {
  const counts = new Map<string, number>();
  for (let i = 0; kinds.length > 0 && i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const parts = kinds.map((kind) => {
      const { table, column, scoped } = CHILDREN[kind];
      const scope = scoped ? Prisma.sql`"workspaceId" = ${workspaceId} AND ` : Prisma.empty;
      return Prisma.sql`SELECT ${Prisma.raw(`'${kind}'`)} AS "kind", ${ident(column)} AS "id", COUNT(*) AS "n" FROM ${ident(table)} WHERE ${scope}${ident(column)} IN (${Prisma.join(chunk)}) GROUP BY ${ident(column)}`;
    });
    const rows = await db.$queryRaw<{ kind: string; id: string; n: number | bigint }[]>(
      Prisma.join(parts, " UNION ALL "),
    );
    // PostgreSQL's COUNT is a bigint, SQLite's a number.
    for (const r of rows) counts.set(`${r.kind}\u0000${r.id}`, Number(r.n));
  }
  return Object.fromEntries(
    kinds.map((kind) => [kind, (id: string) => counts.get(`${kind}\u0000${id}`) ?? 0]),
  ) as Record<K, (id: string) => number>;
}
