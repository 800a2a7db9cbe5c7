// Fixtures for e2e/matrix.spec.ts: the test's own copy of the demo workspace, blank decisions made straight in the
// database, and a read of everything a paste could write (to prove a refused paste wrote nothing).
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { E2E_DATABASE_URL } from "./env";

async function withDb<T>(fn: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export async function createMatrixWorkspace() {
  const tag = `m${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const domain = `${tag}.example.com`;
  return withDb(async (db) => {
    const seeded = await seedDemoWorkspace(db, { slug: `matrix-${tag}`, emailDomain: domain });
    return {
      workspaceId: seeded.workspace.id,
      adaId: seeded.users.get("ada")!,
      email: { ada: `ada@${domain}`, bo: `bo@${domain}`, viewer: `viewer@${domain}` },
    };
  });
}

/** A decision with nothing in it, owned by nobody's team. */
export function createBlankDecision(workspaceId: string, title: string, createdById: string) {
  return withDb(async (db) => (await db.decision.create({ data: { workspaceId, title, createdById } })).id);
}

/** Every row of the decision a matrix edit or paste can write, in a stable order. */
export function readDecisionRows(decisionId: string) {
  return withDb(async (db) => ({
    criteria: await db.criterion.findMany({ where: { decisionId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    candidates: await db.candidate.findMany({ where: { decisionId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    scores: await db.score.findMany({ where: { criterion: { decisionId } }, orderBy: { id: "asc" } }),
    facts: await db.fact.findMany({ where: { criterion: { decisionId } }, orderBy: { id: "asc" } }),
  }));
}

/** A decision with the given RATING criteria (weights) and candidates, and optionally some of Ada's own scores. */
export function createDecisionWith(
  ws: { workspaceId: string; adaId: string },
  title: string,
  parts: { criteria: [string, number][]; candidates: string[]; adaScores?: [string, string, number][] },
) {
  return withDb(async (db) => {
    const d = await db.decision.create({ data: { workspaceId: ws.workspaceId, title, createdById: ws.adaId } });
    const criteria = new Map<string, string>();
    for (const [i, [name, weight]] of parts.criteria.entries())
      criteria.set(name, (await db.criterion.create({ data: { decisionId: d.id, name, weight, position: i } })).id);
    const candidates = new Map<string, string>();
    for (const [i, name] of parts.candidates.entries())
      candidates.set(name, (await db.candidate.create({ data: { decisionId: d.id, name, position: i } })).id);
    for (const [cr, ca, value] of parts.adaScores ?? [])
      await db.score.create({
        data: { criterionId: criteria.get(cr)!, candidateId: candidates.get(ca)!, evaluatorId: ws.adaId, value },
      });
    return d.id;
  });
}
