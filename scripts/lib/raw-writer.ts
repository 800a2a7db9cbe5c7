// Bulk row writer over the raw drivers for fixtures too large for Prisma (bench:scale's organisation): better-sqlite3
// prepared statements inside one transaction per call, or PostgreSQL multi-row INSERTs of up to 1,000 rows. Callers
// give values the column accepts in both databases (ISO timestamps, JSON as text, enums as their names).
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, pgConfig } from "../../lib/db/pg-adapter";

export type Cell = string | number | null;

export interface RawWriter {
  insert(table: string, columns: string[], rows: Cell[][]): Promise<void>;
  /** One statement with `$1…$n` placeholders, whichever database. */
  query<T = Record<string, unknown>>(sql: string, params?: Cell[]): Promise<T[]>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

/**
 * A `$1…$n` statement as better-sqlite3 takes it: anonymous `?` in order of appearance (it binds an array only to
 * those), with the indexes that pick each one's value out of the original parameters.
 */
export function toSqlitePlaceholders(sql: string): { sql: string; order: number[] } {
  const order: number[] = [];
  return { sql: sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), "?")), order };
}
const PG_BATCH = 1000;

export async function openRawWriter(databaseUrl: string): Promise<RawWriter> {
  if (!isPostgresUrl(databaseUrl)) {
    const db = new Database(databaseUrl.replace(/^file:/, ""));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    const statements = new Map<string, Database.Statement>();
    return {
      async insert(table, columns, rows) {
        const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        let stmt = statements.get(sql);
        if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
        const run = stmt;
        db.transaction(() => {
          for (const r of rows) run.run(r);
        })();
      },
      async query<T>(sql: string, params: Cell[] = []) {
        const s = toSqlitePlaceholders(sql);
        const stmt = db.prepare(s.sql);
        const args = s.order.map((i) => params[i]);
        return (stmt.reader ? stmt.all(args) : (stmt.run(args), [])) as T[];
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ ...pgConfig(databaseUrl), statement_timeout: 0 });
  await client.connect();
  return {
    async insert(table, columns, rows) {
      await client.query("BEGIN");
      try {
        for (let at = 0; at < rows.length; at += PG_BATCH) {
          const batch = rows.slice(at, at + PG_BATCH);
          const values = batch
            .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`)
            .join(", ");
          await client.query(
            `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${values}`,
            batch.flat(),
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async query<T>(sql: string, params: Cell[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}
