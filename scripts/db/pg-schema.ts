// The PostgreSQL schema is generated from the one schema source, prisma/schema.prisma (SQLite): Prisma cannot switch
// providers at run time, so each backend gets its own schema file, migrations folder and generated client.
// `npm run db:schema` rewrites prisma/postgresql/schema.prisma; prisma/postgresql/schema.test.ts fails on drift.
import fs from "node:fs";
import path from "node:path";

export const SOURCE_SCHEMA = "prisma/schema.prisma";
export const PG_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:schema`: do not edit. Edit the source schema, then run\n" +
  "// `npm run db:schema -- --migration <name>` to regenerate this file and add the PostgreSQL migration.\n\n";

/** The PostgreSQL schema for a given SQLite schema text. */
export function postgresSchema(source: string): string {
  let out = source;
  const replace = (re: RegExp, to: string) => {
    if (!re.test(out)) throw new Error(`pg-schema: ${re} not found in ${SOURCE_SCHEMA}`);
    out = out.replace(re, to);
  };
  replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  // Relative to prisma/postgresql/: the PostgreSQL client lives beside the SQLite one.
  replace(/output(\s*)=\s*"\.\.\/generated\/prisma"/, 'output$1= "../../generated/prisma-pg"');
  return HEADER + out;
}

export function writePostgresSchema(root = process.cwd()): boolean {
  const next = postgresSchema(fs.readFileSync(path.join(root, SOURCE_SCHEMA), "utf8"));
  const target = path.join(root, PG_SCHEMA);
  const prev = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (prev === next) return false;
  fs.writeFileSync(target, next);
  return true;
}
