// Both backends' committed migrations produce exactly their schema: a schema change without its migration (on either
// side) fails here. Replays every migration in a shadow database on the test run's PostgreSQL server and in a
// temporary SQLite file.
import { expect, test } from "vitest";
import { migrationDiff } from "@/scripts/db/migration-diff";

const template = process.env.STACKWISE_TEST_PG_TEMPLATE!;

test(
  "PostgreSQL: prisma/postgresql/migrations reach prisma/postgresql/schema.prisma",
  { timeout: 180_000 },
  async () => {
    expect(await migrationDiff("postgresql", template)).toBe("");
  },
);
