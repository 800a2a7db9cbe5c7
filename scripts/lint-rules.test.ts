// The layer rules in eslint.config.mjs, proved through ESLint's own Node API: each forbidden import is reported at
// a path inside the restricted folder, and each allowed one is not.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const RULE = "@typescript-eslint/no-restricted-imports";
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, "eslint.config.mjs") });
});

/** Messages of the layer rule only: unused imports and other rules are not what these cases are about. */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(ROOT, filePath) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("lib/scoring imports nothing from the framework, the data layer, Prisma or Node", () => {
  test.each([
    ['import { useState } from "react";', "lib/scoring/weights.ts"],
    ['import { createElement } from "react-dom";', "lib/scoring/weights.ts"],
    ['import Link from "next/link";', "lib/scoring/weights.ts"],
    ['import { headers } from "next/headers";', "lib/scoring/totals.ts"],
    ['import { getTranslations } from "next-intl/server";', "lib/scoring/verdict.ts"],
    ['import { db } from "@/lib/server/db";', "lib/scoring/totals.ts"],
    ['import type { Actor } from "@/lib/server/actor";', "lib/scoring/totals.ts"],
    ['import { db } from "../server/db";', "lib/scoring/totals.ts"],
    ['import { db } from "../../lib/server/db";', "lib/scoring/sub/deep.ts"],
    ['import { PrismaClient } from "@/generated/prisma/client";', "lib/scoring/totals.ts"],
    ['import type { Role } from "@/generated/prisma/enums";', "lib/scoring/totals.ts"],
    ['import { Prisma } from "@prisma/client";', "lib/scoring/totals.ts"],
    ['import { PrismaClient } from "../../generated/prisma/client";', "lib/scoring/totals.ts"],
    ['import fs from "node:fs";', "lib/scoring/monte-carlo.ts"],
    ['import { readFile } from "fs/promises";', "lib/scoring/monte-carlo.ts"],
    ['import path from "path";', "lib/scoring/monte-carlo.ts"],
    ['import { randomBytes } from "crypto";', "lib/scoring/prng.ts"],
    ['import { describe } from "react";', "lib/scoring/prng.test.ts"],
  ])("rejects %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  test.each([
    ['import { normaliseWeights } from "./weights";', "lib/scoring/totals.ts"],
    ['import type { ScoringModel } from "./types";', "lib/scoring/evaluate.ts"],
    ['import fc from "fast-check";', "lib/scoring/weights.test.ts"],
    ['import { describe } from "vitest";', "lib/scoring/weights.test.ts"],
    // Names that merely start like a restricted one are not restricted.
    ['import { x } from "./next-step";', "lib/scoring/totals.ts"],
    ['import { x } from "./server-side-free";', "lib/scoring/totals.ts"],
  ])("allows %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });
});

describe("components import the data layer only as types", () => {
  test.each([
    ['import { can } from "@/lib/server/authz";', "components/header/account-menu.tsx"],
    ['import { currentActor } from "@/lib/server/context";', "components/header/account-menu.tsx"],
    ['"use client";\nimport { listSkills } from "@/lib/server/skills";', "components/skills/skill-catalog.tsx"],
    ['import { type SkillView, listSkills } from "@/lib/server/skills";', "components/skills/skill-catalog.tsx"],
    ['import { db } from "../../lib/server/db";', "components/teams/team-list.tsx"],
    ['export { can } from "@/lib/server/authz";', "components/header/index.ts"],
  ])("rejects %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  test.each([
    ['import type { SkillView } from "@/lib/server/skills";', "components/skills/skill-catalog.tsx"],
    ['"use client";\nimport type { TeamSummary } from "@/lib/server/teams";', "components/teams/team-list.tsx"],
    ['import { type TeamMemberView } from "@/lib/server/teams";', "components/teams/members-panel.tsx"],
    ['import { saveScoreAction } from "@/lib/actions/scores";', "components/scores/score-grid.tsx"],
    ['import { can } from "@/lib/server/authz";', "app/settings/audit/page.tsx"],
  ])("allows %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });
});

describe("Prisma is imported only by the data layer, the client factory, prisma/, scripts and tests", () => {
  test.each([
    ['import { PrismaClient } from "@/generated/prisma/client";', "app/decisions/[id]/page.tsx"],
    ['import type { Role } from "@/generated/prisma/enums";', "components/auth/forbidden.tsx"],
    ['import { Prisma } from "@prisma/client";', "lib/actions/decisions.ts"],
    ['import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";', "lib/export/csv.ts"],
    ['import { Prisma } from "@/generated/prisma/client";', "lib/decisions/dto.ts"],
    ['import { Role } from "../../generated/prisma/enums";', "lib/validation/team.ts"],
    ['import { z } from "zod";\nimport { Role } from "@/generated/prisma/enums";', "lib/validation/auth.ts"],
    ['import { PrismaClient } from "@/generated/prisma/client";', "proxy.ts"],
  ])("rejects %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  test.each([
    ['import { PrismaClient } from "@/generated/prisma/client";', "lib/server/db.ts"],
    // Types are erased at build time: DTOs derive their shapes from the generated payload types.
    ['import type { Prisma } from "@/generated/prisma/client";', "lib/decisions/dto.ts"],
    // The one place generated enum constants become zod enums.
    ['import { CriterionKind } from "@/generated/prisma/enums";', "lib/validation/enums.ts"],
    ['import { PrismaClient } from "@/generated/prisma/client";', "lib/db/create-client.ts"],
    ['import type { Role } from "@/generated/prisma/enums";', "prisma/seed/functions.ts"],
    ['import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";', "prisma.config.ts"],
    ['import type { PrismaClient } from "@/generated/prisma/client";', "scripts/lib/bench-decision.ts"],
    ['import { Prisma } from "@prisma/client";', "lib/export/csv.test.ts"],
    ['import type { PrismaClient } from "@/generated/prisma/client";', "e2e/support/setup-fixtures.ts"],
    ['import { z } from "zod";', "lib/validation/auth.ts"],
  ])("allows %s in %s", async (code, file) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });
});
