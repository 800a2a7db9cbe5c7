// Fixtures for e2e/scores.spec.ts and e2e/ahp.spec.ts: each test gets its own copy of the demo workspace (own ada, bo,
// viewer… at a unique email domain) plus a fresh decision copied from the broker template, built with the same seed
// functions as the first start. Nothing here touches the main demo workspace other spec files read.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import type { DecisionTemplate } from "@/lib/templates/types";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { E2E_DATABASE_URL } from "./env";

export interface ScoresWorkspace {
  email: { admin: string; ada: string; bo: string; lead: string; viewer: string };
  decisionId: string;
}

/**
 * A workspace and one decision. `scoredBy` lists who has already scored it with the template's values (index i of each
 * cell's values goes to the i-th person); [] gives an empty grid.
 */
export async function createScoresWorkspace(
  opts: { template?: DecisionTemplate; scoredBy?: ("ada" | "bo")[] } = {},
): Promise<ScoresWorkspace> {
  const tag = `sc${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const domain = `${tag}.example.com`;
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const seeded = await seedDemoWorkspace(db, { slug: `scores-${tag}`, emailDomain: domain });
    const template = opts.template ?? BROKER_TEMPLATE;
    const decision = await createDecisionFromTemplate(db, {
      workspaceId: seeded.workspace.id,
      template,
      teamId: seeded.teamIds.get(template.team) ?? null,
      evaluatorIds: (opts.scoredBy ?? []).map((k) => seeded.users.get(k)!),
      skillIds: seeded.skillIds,
      title: `${template.title} (${tag})`,
    });
    const email = {
      admin: `admin@${domain}`,
      ada: `ada@${domain}`,
      bo: `bo@${domain}`,
      lead: `lead@${domain}`,
      viewer: `viewer@${domain}`,
    };
    return { email, decisionId: decision.id };
  } finally {
    await db.$disconnect();
  }
}

/** Wikipedia's AHP "leader" example as a decision: four criteria, no candidates' scores needed. */
export const LEADER_TEMPLATE: DecisionTemplate = {
  ...BROKER_TEMPLATE,
  key: "leader",
  title: "Choose a leader",
  criteria: ["Experience", "Education", "Charisma", "Age"].map((name) => ({
    key: name.toLowerCase(),
    name,
    description: "",
    weight: 25,
    kind: "RATING" as const,
    direction: "BENEFIT" as const,
    scaleMin: 0,
    scaleMax: 10,
  })),
  scores: [],
};

/** What is stored, read straight from the database (the app is not asked). */
export async function storedScores(decisionId: string) {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return await db.score.findMany({
      where: { criterion: { decisionId } },
      include: { evaluator: { select: { email: true } } },
    });
  } finally {
    await db.$disconnect();
  }
}

export async function storedWeights(decisionId: string) {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return (await db.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" } })).map(
      (c) => [c.name, c.weight] as const,
    );
  } finally {
    await db.$disconnect();
  }
}
