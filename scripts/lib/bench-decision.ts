// A synthetic large decision for the web benchmark: 12 candidates × 20 criteria × 8 evaluators, with a team and skill
// requirements, written through the same seed functions the demo uses. Values come from a fixed-seed PRNG so every run
// measures the same page.
import type { PrismaClient } from "@/generated/prisma/client";
import {
  addMembership,
  createDecisionFromTemplate,
  createSkills,
  createTeam,
  createUser,
} from "@/prisma/seed/functions";
import type { DecisionTemplate, TemplateSkill, TemplateTeam } from "@/lib/templates/types";
import { createPrismaClient } from "@/lib/db/create-client";
import { prepareDatabase } from "./database";
import { Sfc32 } from "@/lib/scoring/prng";

export const BENCH_TITLE = "Benchmark: 12 stacks × 20 criteria × 8 evaluators";

export async function createBenchDecision(db: PrismaClient, workspaceId: string): Promise<string> {
  const rng = new Sfc32(20260101);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
  const skills: TemplateSkill[] = Array.from({ length: 10 }, (_, k) => ({
    key: `bench-skill-${k}`,
    name: `Bench skill ${k + 1}`,
    category: "Bench",
    description: "",
  }));
  const skillIds = await createSkills(db, workspaceId, skills);
  const team: TemplateTeam = {
    key: "bench",
    name: "Bench team",
    description: "",
    members: Array.from({ length: 8 }, (_, m) => ({
      name: `Member ${m + 1}`,
      ratings: Object.fromEntries(skills.map((s) => [s.key, int(2, 10)])),
    })),
  };
  const teamRow = await createTeam(db, workspaceId, team, skillIds);
  const evaluatorIds: string[] = [];
  for (let e = 0; e < 8; e++) {
    const user = await createUser(db, {
      email: `bench-evaluator-${e}-${Date.now()}@bench.invalid`,
      name: `Evaluator ${e + 1}`,
    });
    await addMembership(db, { workspaceId, userId: user.id, role: "ARCHITECT" });
    evaluatorIds.push(user.id);
  }
  const template: DecisionTemplate = {
    key: "bench",
    title: BENCH_TITLE,
    context: "Synthetic decision used to measure the results page.",
    team: "bench",
    criteria: Array.from({ length: 20 }, (_, i) => ({
      key: `c${i}`,
      name: `Criterion ${i + 1}`,
      description: "",
      weight: int(1, 30),
      kind: "RATING" as const,
      direction: "BENEFIT" as const,
      scaleMin: 0,
      scaleMax: 10,
    })),
    candidates: Array.from({ length: 12 }, (_, c) => ({
      key: `s${c}`,
      name: `Stack ${String.fromCharCode(65 + c)}`,
      description: "",
      link: "",
      requirements: [0, 1, 2].map((k) => ({ skill: skills[(c + k * 3) % skills.length].key, weight: int(1, 5) })),
    })),
    scores: [],
  };
  for (const cr of template.criteria) {
    for (const ca of template.candidates) {
      const base = int(2, 9);
      template.scores.push({
        criterion: cr.key,
        candidate: ca.key,
        values: Array.from({ length: 8 }, () => Math.min(10, Math.max(0, base + int(-2, 2)))),
      });
    }
  }
  const decision = await createDecisionFromTemplate(db, {
    workspaceId,
    template,
    teamId: teamRow.id,
    evaluatorIds,
    skillIds,
  });
  return decision.id;
}

/**
 * A migrated, seeded database at `url` holding the benchmark decision, and the demo viewer to read it as: a viewer
 * sees every evaluator's scores (blind scoring hides them from architects who have not finished).
 */
export async function benchDecisionForViewer(url: string, log: (m: string) => void) {
  await prepareDatabase(url, { log });
  const db = createPrismaClient(url);
  try {
    const workspace = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
    const decisionId = await createBenchDecision(db, workspace.id);
    const viewer = await db.membership.findFirstOrThrow({ where: { workspaceId: workspace.id, role: "VIEWER" } });
    return { decisionId, actor: { userId: viewer.userId, workspaceId: workspace.id, role: "VIEWER" as const } };
  } finally {
    await db.$disconnect();
  }
}
