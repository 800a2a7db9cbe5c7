// Fixtures for e2e/teams.spec.ts: a fresh copy of the "Order platform" team and a broker decision it owns, inside the
// demo workspace (so the demo accounts lead@ / viewer@ see them), built with the seed functions. The demo team and
// decisions that other spec files read stay untouched.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { BROKER_TEMPLATE, DEMO_SKILLS, DEMO_TEAMS } from "@/lib/templates/demo";
import { createDecisionFromTemplate, createTeam } from "@/prisma/seed/functions";
import { E2E_DATABASE_URL } from "./env";

export interface TeamFixture {
  teamId: string;
  teamName: string;
  decisionId: string;
  decisionTitle: string;
}

/** Mei AMQP 10 JMS 6 Streaming 7 Kubernetes 5; Tomás 6/4/5/8; Lina 4/2/3/6 — the demo "Order platform" ratings. */
export async function createOrderTeamFixture(): Promise<TeamFixture> {
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const skills = await db.skill.findMany({ where: { workspaceId: workspace.id } });
    const skillIds = new Map(DEMO_SKILLS.map((s) => [s.key, skills.find((x) => x.name === s.name)!.id]));
    const orders = DEMO_TEAMS.find((t) => t.key === "orders")!;
    const teamName = `Order platform ${tag}`;
    const team = await createTeam(db, workspace.id, { ...orders, key: `orders-${tag}`, name: teamName }, skillIds);
    const users = await db.user.findMany({
      where: { email: { in: ["ada@stackwise.demo", "bo@stackwise.demo"] } },
      orderBy: { email: "asc" },
    });
    const decisionTitle = `Broker for team fit ${tag}`;
    const decision = await createDecisionFromTemplate(db, {
      workspaceId: workspace.id,
      template: BROKER_TEMPLATE,
      teamId: team.id,
      evaluatorIds: users.map((u) => u.id),
      skillIds,
      title: decisionTitle,
    });
    return { teamId: team.id, teamName, decisionId: decision.id, decisionTitle };
  } finally {
    await db.$disconnect();
  }
}
