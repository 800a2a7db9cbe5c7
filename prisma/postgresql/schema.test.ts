// The PostgreSQL schema is generated from prisma/schema.prisma; a hand edit or a forgotten `npm run db:schema` fails
// here. (That its migrations reach it is checked on a real server by migrations.pg.test.ts.)
import fs from "node:fs";
import { expect, test } from "vitest";
import { PG_SCHEMA, SOURCE_SCHEMA, postgresSchema } from "@/scripts/db/pg-schema";

test("prisma/postgresql/schema.prisma is the generated one (run `npm run db:schema` after editing the schema)", () => {
  expect(fs.readFileSync(PG_SCHEMA, "utf8")).toBe(postgresSchema(fs.readFileSync(SOURCE_SCHEMA, "utf8")));
});

test("only the provider and the client's output differ", () => {
  const source = fs.readFileSync(SOURCE_SCHEMA, "utf8").split("\n");
  const generated = fs.readFileSync(PG_SCHEMA, "utf8").split("\n").slice(3);
  expect(generated).toHaveLength(source.length);
  const changed = source.flatMap((line, i) => (line === generated[i] ? [] : [[line.trim(), generated[i].trim()]]));
  expect(changed).toEqual([
    ['output       = "../generated/prisma"', 'output       = "../../generated/prisma-pg"'],
    ['provider = "sqlite"', 'provider = "postgresql"'],
  ]);
});

test("the generated schema is rejected when the source lacks what it rewrites", () => {
  expect(() => postgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/not found/);
});
