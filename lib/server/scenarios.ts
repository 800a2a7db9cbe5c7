import "server-only";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { db, writeTransaction } from "./db";
import { notFound, duplicateName } from "@/lib/errors/domain-error";
import { storedWeightsSchema, type ScenarioInput } from "@/lib/validation/scenario";

export interface ScenarioDto {
  id: string;
  name: string;
  /** criterion id → raw weight (criteria added after saving fall back to their current weight in the UI). */
  weights: Record<string, number>;
  createdByName: string | null;
  createdAt: string;
}

export async function listScenarios(actor: Actor, decisionId: string): Promise<ScenarioDto[]> {
  authorize(actor, "decision.read");
  const rows = await db.scenario.findMany({
    where: { decisionId, decision: { workspaceId: actor.workspaceId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    weights: storedWeightsSchema.catch({}).parse(r.weights),
    createdByName: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function createScenario(actor: Actor, input: ScenarioInput): Promise<ScenarioDto> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const decision = await tx.decision.findFirst({
      where: { id: input.decisionId, workspaceId: actor.workspaceId },
      select: { id: true, criteria: { select: { id: true } } },
    });
    if (!decision) throw notFound("decision");
    // Only this decision's criteria are kept, so a scenario cannot smuggle ids from elsewhere.
    const own = new Set(decision.criteria.map((c) => c.id));
    const weights = Object.fromEntries(Object.entries(input.weights).filter(([id]) => own.has(id)));
    if (!Object.values(weights).some((w) => w > 0)) throw notFound("criterion");
    const taken = await tx.scenario.findFirst({
      where: { decisionId: decision.id, name: input.name },
      select: { id: true },
    });
    if (taken) throw duplicateName("scenario");
    const row = await tx.scenario.create({
      data: { decisionId: decision.id, name: input.name, weights, createdById: actor.userId },
      include: { createdBy: { select: { name: true } } },
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "scenario.created",
      entityType: "Scenario",
      entityId: row.id,
      after: { decisionId: decision.id, name: row.name, weights },
    });
    return {
      id: row.id,
      name: row.name,
      weights,
      createdByName: row.createdBy?.name ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
