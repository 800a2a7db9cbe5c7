// A table's columns as the database reports them, in SQLite's type words on both backends, so schema tests run
// unchanged on SQLite and PostgreSQL.
import type { PrismaClient } from "@/generated/prisma/client";
import { testProvider } from "./temp-db";

export interface TableColumn {
  name: string;
  type: "TEXT" | "REAL" | "INTEGER" | "BOOLEAN" | "DATETIME" | "JSONB" | "BIGINT" | string;
}

const PG_TYPES: Record<string, TableColumn["type"]> = {
  text: "TEXT",
  "double precision": "REAL",
  integer: "INTEGER",
  bigint: "BIGINT",
  boolean: "BOOLEAN",
  "timestamp without time zone": "DATETIME",
  jsonb: "JSONB",
};

export async function tableColumns(db: PrismaClient, table: string): Promise<TableColumn[]> {
  if (testProvider() === "sqlite")
    return db.$queryRawUnsafe<TableColumn[]>(`SELECT name, type FROM pragma_table_info('${table.replace(/'/g, "")}')`);
  const rows = await db.$queryRaw<{ name: string; data_type: string; udt_name: string }[]>`
    SELECT column_name AS name, data_type, udt_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`;
  // Enum columns are USER-DEFINED with the enum's name; SQLite stores them as TEXT.
  return rows.map((r) => ({
    name: r.name,
    type: PG_TYPES[r.data_type] ?? (r.data_type === "USER-DEFINED" ? "TEXT" : r.data_type),
  }));
}
