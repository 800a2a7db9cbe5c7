import "server-only";
import type { CreateSkillInput, DeleteSkillInput, UpdateSkillInput } from "@/lib/validation/skill";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { countChildren } from "./child-counts";
import { updateIfVersion } from "./concurrency";
import { PAGE_SIZE, paged, type Paged } from "./paging";
import { db, writeTransaction } from "./db";
import { notFound, stale, duplicateName } from "@/lib/errors/domain-error";

// The workspace's skill catalog. Everyone in the workspace reads it; skill.write changes it.

type Meta = { ip: string | null };
const NO_META: Meta = { ip: null };

export interface SkillView {
  id: string;
  name: string;
  category: string;
  description: string;
  version: number;
  /** How many ratings, requirements and overrides use it: the removal confirmation says what goes with it. */
  ratingCount: number;
  requirementCount: number;
  overrideCount: number;
}

/** The catalog by category and name: all of it, or the window the API's cursor asks for. */
export async function listSkills(actor: Actor, window: { skip?: number; take?: number } = {}): Promise<SkillView[]> {
  authorize(actor, "decision.read");
  return readSkills({ workspaceId: actor.workspaceId }, window);
}

/** One page of the skills page's catalog, by category and name. */
export async function listSkillsPage(actor: Actor, page = 1): Promise<Paged<SkillView>> {
  authorize(actor, "decision.read");
  const where = { workspaceId: actor.workspaceId };
  return paged(
    page,
    PAGE_SIZE,
    () => db.skill.count({ where }),
    (window) => readSkills(where, window),
  );
}

/** One skill of the actor's workspace, or null (also for another workspace's id). */
export async function getSkill(actor: Actor, skillId: string): Promise<SkillView | null> {
  authorize(actor, "decision.read");
  const [row] = await readSkills({ workspaceId: actor.workspaceId, id: skillId }, { take: 1 });
  return row ?? null;
}

async function readSkills(
  where: { workspaceId: string; id?: string },
  window: { skip?: number; take?: number },
): Promise<SkillView[]> {
  const skills = await db.skill.findMany({
    where,
    orderBy: [{ category: "asc" }, { name: "asc" }, { id: "asc" }],
    ...window,
  });
  const counts = await countChildren(
    where.workspaceId,
    skills.map((s) => s.id),
    ["skillRatings", "skillRequirements", "skillOverrides"],
  );
  return skills.map((s) => ({
    id: s.id,
    name: s.name,
    category: s.category,
    description: s.description,
    version: s.version,
    ratingCount: counts.skillRatings(s.id),
    requirementCount: counts.skillRequirements(s.id),
    overrideCount: counts.skillOverrides(s.id),
  }));
}

async function skillInWorkspace(tx: TransactionClient, actor: Actor, skillId: string) {
  const s = await tx.skill.findFirst({ where: { id: skillId, workspaceId: actor.workspaceId } });
  if (!s) throw notFound("skill");
  return s;
}

async function assertUniqueName(tx: TransactionClient, workspaceId: string, name: string, exceptId?: string) {
  const clash = await tx.skill.findFirst({
    where: { workspaceId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw duplicateName("skill");
}

const fields = (s: { name: string; category: string; description: string }) => ({
  name: s.name,
  category: s.category,
  description: s.description,
});

export async function createSkill(
  actor: Actor,
  input: CreateSkillInput,
  meta: Meta = NO_META,
): Promise<{ id: string }> {
  authorize(actor, "skill.write");
  return writeTransaction(async (tx) => {
    await assertUniqueName(tx, actor.workspaceId, input.name);
    const s = await tx.skill.create({ data: { workspaceId: actor.workspaceId, ...fields(input) } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "skill.created",
      entityType: "Skill",
      entityId: s.id,
      after: fields(s),
      ip: meta.ip,
    });
    return { id: s.id };
  });
}

export async function updateSkill(
  actor: Actor,
  input: UpdateSkillInput,
  meta: Meta = NO_META,
): Promise<{ version: number }> {
  authorize(actor, "skill.write");
  return writeTransaction(async (tx) => {
    const before = await skillInWorkspace(tx, actor, input.skillId);
    await assertUniqueName(tx, actor.workspaceId, input.name, before.id);
    await updateIfVersion(tx.skill, { id: before.id, version: input.version }, fields(input), "skill", () =>
      tx.skill.findUnique({
        where: { id: before.id },
        select: { name: true, category: true, description: true, version: true },
      }),
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "skill.updated",
      entityType: "Skill",
      entityId: before.id,
      before: fields(before),
      after: fields(input),
      ip: meta.ip,
    });
    return { version: input.version + 1 };
  });
}

/** Removes the skill with its ratings, requirements and overrides (the confirmation showed how many). */
export async function deleteSkill(actor: Actor, input: DeleteSkillInput, meta: Meta = NO_META): Promise<void> {
  authorize(actor, "skill.write");
  await writeTransaction(async (tx) => {
    const s = await skillInWorkspace(tx, actor, input.skillId);
    const [ratings, requirements, overrides] = await Promise.all([
      tx.skillRating.count({ where: { skillId: s.id } }),
      tx.skillRequirement.count({ where: { skillId: s.id } }),
      tx.teamSkillOverride.count({ where: { skillId: s.id } }),
    ]);
    const { count } = await tx.skill.deleteMany({ where: { id: s.id, version: input.version } });
    if (count === 0) throw stale("skill", { ...fields(s), version: s.version });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "skill.deleted",
      entityType: "Skill",
      entityId: s.id,
      before: { ...fields(s), ratings, requirements, overrides },
      ip: meta.ip,
    });
  });
}
