// Which rows a decision's reads are computed from, and which revision counter a change to each of them bumps. The
// counters (Decision, Team and Workspace .inputsRevision) are kept by database triggers, not by application code, so
// no write path — a server action, an API operation, an import, a raw SQL script, a cascade — can change an input
// without the counter moving. lib/server/input-stamp.ts reads the three counters (with the decision's and team's own
// rows) in one query: equal stamps mean equal inputs, which is what makes a cached read safe to serve.
//
// The migration that installs the triggers is generated from this table (`triggerSql`), and
// lib/db/input-revisions.test.ts proves on both databases that an insert, update and delete of every tracked table
// bumps the right counter, and that every model is either tracked here or listed as not an input.

export type Dialect = "sqlite" | "postgresql";

/** A revision counter: a table with an `inputsRevision` column. */
export type Counter = "Decision" | "Team" | "Workspace";
export const COUNTERS: readonly Counter[] = ["Decision", "Team", "Workspace"];

export interface Tracked {
  table: string;
  counter: Counter;
  /**
   * How a changed row finds the counter's row: its own foreign-key column (`key`), through one parent table
   * (`via`: the child's column `key` names a row of `via.table`, whose `via.key` column is the counter's id), or every
   * row of the counter (`all`: a user's name is shown in every workspace they ever scored in).
   */
  key?: string;
  via?: { table: string; key: string };
  all?: true;
  /** Only changes of these columns count (every column when absent). */
  columns?: string[];
}

export const TRACKED: Tracked[] = [
  { table: "Criterion", counter: "Decision", key: "decisionId" },
  { table: "Candidate", counter: "Decision", key: "decisionId" },
  { table: "PairwiseJudgment", counter: "Decision", key: "decisionId" },
  { table: "CandidateJudgment", counter: "Decision", key: "decisionId" },
  { table: "Scenario", counter: "Decision", key: "decisionId" },
  { table: "Score", counter: "Decision", key: "criterionId", via: { table: "Criterion", key: "decisionId" } },
  { table: "Fact", counter: "Decision", key: "criterionId", via: { table: "Criterion", key: "decisionId" } },
  {
    table: "SkillRequirement",
    counter: "Decision",
    key: "candidateId",
    via: { table: "Candidate", key: "decisionId" },
  },
  { table: "TeamMember", counter: "Team", key: "teamId" },
  { table: "TeamSkillOverride", counter: "Team", key: "teamId" },
  { table: "SkillRating", counter: "Team", key: "memberId", via: { table: "TeamMember", key: "teamId" } },
  { table: "Skill", counter: "Workspace", key: "workspaceId" },
  { table: "User", counter: "Workspace", all: true, columns: ["name", "email"] },
];

/**
 * Models whose rows no decision read is computed from, with the reason. The counters' own tables are read directly
 * by the stamp (their rows are part of it), so they need no trigger.
 */
export const NOT_INPUTS: Record<string, string> = {
  Decision: "its row is part of the stamp itself",
  Team: "its row is part of the stamp itself",
  Workspace: "its counter is part of the stamp",
  Session: "who is signed in: the actor, part of every cache key",
  Account: "password hashes",
  RateLimit: "throttle counters",
  Membership: "the actor's own role is in the key; nobody else's role is shown in a cached read",
  Invitation: "pending invitations",
  AuditEvent: "the change summary is read apart from the cached reads",
  ShareLink: "links to the decision, read apart",
  ApiToken: "tokens",
  IdempotencyKey: "replayed API responses",
  EvaluationCache: "the cache itself",
};

const q = (name: string) => `"${name}"`;
const bump = (counter: Counter) => `UPDATE ${q(counter)} SET "inputsRevision" = "inputsRevision" + 1`;

/** The rows of `counter` a change of `t` touches, from the transition rows / row alias `rows`. */
function targetsSqlite(t: Tracked, row: "NEW" | "OLD"): string {
  if (t.all) return "";
  if (t.via) return ` WHERE "id" = (SELECT ${q(t.via.key)} FROM ${q(t.via.table)} WHERE "id" = ${row}.${q(t.key!)})`;
  return ` WHERE "id" = ${row}.${q(t.key!)}`;
}

function sqliteTriggers(t: Tracked): string {
  const name = (op: string) => q(`${t.table}_inputs_${op}`);
  const changed = t.columns ? ` OF ${t.columns.map(q).join(", ")}` : "";
  const when = t.columns ? ` WHEN ${t.columns.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(" OR ")}` : "";
  const out: string[] = [];
  if (!t.columns)
    out.push(
      `CREATE TRIGGER ${name("ins")} AFTER INSERT ON ${q(t.table)} BEGIN ${bump(t.counter)}${targetsSqlite(t, "NEW")}; END;`,
    );
  out.push(
    `CREATE TRIGGER ${name("upd")} AFTER UPDATE${changed} ON ${q(t.table)}${when} BEGIN ${bump(t.counter)}${targetsSqlite(t, "OLD")}; ${t.all ? "" : `${bump(t.counter)}${targetsSqlite(t, "NEW")}; `}END;`,
  );
  out.push(
    `CREATE TRIGGER ${name("del")} AFTER DELETE ON ${q(t.table)} BEGIN ${bump(t.counter)}${targetsSqlite(t, "OLD")}; END;`,
  );
  return out.join("\n");
}

function targetsPg(t: Tracked, rows: "new_rows" | "old_rows"): string {
  if (t.via)
    return ` WHERE "id" IN (SELECT p.${q(t.via.key)} FROM ${q(t.via.table)} p JOIN ${rows} r ON p."id" = r.${q(t.key!)})`;
  return ` WHERE "id" IN (SELECT r.${q(t.key!)} FROM ${rows} r)`;
}

/**
 * PostgreSQL: statement-level triggers over transition tables, so an import of 2,000 scores bumps its decision once,
 * not 2,000 times. A transition table can serve one event only, hence three triggers over one function.
 */
function pgTriggers(t: Tracked): string {
  const fn = q(`stackwise_inputs_${t.table}`);
  let body: string;
  if (t.all) {
    const differs = t.columns!.map((c) => `o.${q(c)} IS DISTINCT FROM n.${q(c)}`).join(" OR ");
    body = [
      `  IF TG_OP = 'DELETE' THEN`,
      `    IF EXISTS (SELECT 1 FROM old_rows) THEN ${bump(t.counter)}; END IF;`,
      `  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON o."id" = n."id" WHERE ${differs}) THEN`,
      `    ${bump(t.counter)};`,
      `  END IF;`,
    ].join("\n");
  } else {
    body = [
      `  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${bump(t.counter)}${targetsPg(t, "new_rows")}; END IF;`,
      `  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${bump(t.counter)}${targetsPg(t, "old_rows")}; END IF;`,
    ].join("\n");
  }
  const trigger = (op: string, event: string, referencing: string) =>
    `CREATE TRIGGER ${q(`${t.table}_inputs_${op}`)} AFTER ${event} ON ${q(t.table)} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${body}\n  RETURN NULL;\nEND\n$$;`,
    ...(t.all ? [] : [trigger("ins", "INSERT", "NEW TABLE AS new_rows")]),
    trigger("upd", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    trigger("del", "DELETE", "OLD TABLE AS old_rows"),
  ].join("\n");
}

/**
 * The SQL that installs the triggers of TRACKED (the input_revisions migrations hold its output; a table tracked
 * later gets its own in the migration that creates it, from `tables`).
 */
export function triggerSql(dialect: Dialect, tables?: readonly string[]): string {
  return TRACKED.filter((t) => !tables || tables.includes(t.table))
    .map(
      (t) => `-- ${t.table} → ${t.counter}.inputsRevision\n${dialect === "sqlite" ? sqliteTriggers(t) : pgTriggers(t)}`,
    )
    .join("\n\n");
}

/** The names of the triggers triggerSql installs, to check a migrated database still has every one. */
export function triggerNames(): string[] {
  return TRACKED.flatMap((t) => [...(t.columns ? [] : ["ins"]), "upd", "del"].map((op) => `${t.table}_inputs_${op}`));
}
