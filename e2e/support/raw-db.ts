// Read-only raw SQL on the e2e run's database, whichever backend it is (better-sqlite3 for file: URLs, pg for
// PostgreSQL), for suites that must look at every table without going through the app.
import Database from "better-sqlite3";
import pg from "pg";

export interface RawDb {
  tables(): Promise<string[]>;
  /** Every row of a table as canonical text, in a stable order. */
  rowsAsText(table: string): Promise<string[]>;
  all<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function openRawDb(url: string): Promise<RawDb> {
  if (url.startsWith("file:")) {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    return {
      async tables() {
        const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
        return (rows as { name: string }[]).map((r) => r.name);
      },
      async rowsAsText(table) {
        return db
          .prepare(`SELECT * FROM "${table}" ORDER BY rowid`)
          .all()
          .map((r) => JSON.stringify(r));
      },
      async all<T>(sql: string) {
        return db.prepare(sql).all() as T[];
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async tables() {
      const { rows } = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
      );
      return rows.map((r) => r.name);
    },
    async rowsAsText(table) {
      // A row's text form is canonical; sorting it makes the order independent of physical storage.
      const { rows } = await client.query<{ t: string }>(`SELECT r::text AS t FROM "${table}" r ORDER BY 1`);
      return rows.map((r) => r.t);
    },
    async all<T>(sql: string) {
      return (await client.query(sql)).rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}
