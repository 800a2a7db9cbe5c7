import "server-only";
import type { TransactionClient } from "@/lib/db/write-queue";
import {
  parseLevel,
  type ClearOverrideInput,
  type ClearRatingInput,
  type PasteRatingsInput,
  type SetOverrideInput,
  type SetRatingInput,
} from "@/lib/validation/rating";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { authorize } from "./authz";
import { notFound, stale, rejected } from "@/lib/errors/domain-error";
import { writeTransaction } from "./db";
import { SINGLE_ROW_EDIT } from "@/lib/db/write-queue";
import { memberInWorkspace, teamInWorkspace } from "./teams";

// Skill ratings (member × skill, 0–10) and a team's per-skill overrides. Each write names the version it read; null
// means "I saw no row", so two tabs creating the same rating end in a visible conflict, never a 500 or an overwrite.
// All checks run inside the serialised write transaction, so check-then-write cannot race within the process.

type Meta = { ip: string | null };
const NO_META: Meta = { ip: null };

export interface CellValue {
  level: number;
  version: number;
}

/** The cell as it is now, for "their value and yours". */
export type RatingConflict = CellValue | null;

async function skillInWorkspace(tx: TransactionClient, actor: Actor, skillId: string) {
  const s = await tx.skill.findFirst({ where: { id: skillId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!s) throw notFound("skill");
  return s;
}

const cellOf = (r: { level: number; version: number } | null): RatingConflict =>
  r ? { level: r.level, version: r.version } : null;

async function writeCell(
  tx: TransactionClient,
  memberId: string,
  skillId: string,
  level: number,
  version: number | null,
) {
  const existing = await tx.skillRating.findUnique({ where: { memberId_skillId: { memberId, skillId } } });
  if (version === null ? existing !== null : existing?.version !== version) throw stale("rating", cellOf(existing));
  const row = existing
    ? await tx.skillRating.update({ where: { id: existing.id }, data: { level, version: { increment: 1 } } })
    : await tx.skillRating.create({ data: { memberId, skillId, level } });
  return { before: cellOf(existing), after: { level: row.level, version: row.version } };
}

export async function setRating(actor: Actor, input: SetRatingInput, meta: Meta = NO_META): Promise<CellValue> {
  authorize(actor, "rating.write");
  return writeTransaction(async (tx) => {
    const member = await memberInWorkspace(tx, actor, input.memberId);
    await skillInWorkspace(tx, actor, input.skillId);
    const { before, after } = await writeCell(tx, member.id, input.skillId, input.level, input.version);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "rating.set",
      entityType: "SkillRating",
      entityId: `${member.id}:${input.skillId}`,
      before: before ? { level: before.level } : null,
      after: { teamId: member.teamId, memberId: member.id, skillId: input.skillId, level: after.level },
      ip: meta.ip,
    });
    return after;
  }, SINGLE_ROW_EDIT);
}

export async function clearRating(actor: Actor, input: ClearRatingInput, meta: Meta = NO_META): Promise<void> {
  authorize(actor, "rating.write");
  await writeTransaction(async (tx) => {
    const member = await memberInWorkspace(tx, actor, input.memberId);
    await skillInWorkspace(tx, actor, input.skillId);
    const existing = await tx.skillRating.findUnique({
      where: { memberId_skillId: { memberId: member.id, skillId: input.skillId } },
    });
    if (!existing || existing.version !== input.version) throw stale("rating", cellOf(existing));
    await tx.skillRating.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "rating.cleared",
      entityType: "SkillRating",
      entityId: `${member.id}:${input.skillId}`,
      before: { teamId: member.teamId, memberId: member.id, skillId: input.skillId, level: existing.level },
      ip: meta.ip,
    });
  }, SINGLE_ROW_EDIT);
}

export interface PastedCell {
  memberId: string;
  skillId: string;
  level: number;
  version: number;
}

/**
 * Writes a pasted block all-or-nothing: every value is validated first (PasteInvalidError lists the bad cells), every
 * cell's version is checked (StaleWriteError lists the cells someone else changed, with their values), and only then
 * is anything written — all in one transaction. Blank cells leave the rating as it is.
 */
export async function pasteRatings(
  actor: Actor,
  input: PasteRatingsInput,
  meta: Meta = NO_META,
): Promise<PastedCell[]> {
  authorize(actor, "rating.write");
  const parsed = input.cells.map((c) => ({ ...c, result: c.text.trim() === "" ? null : parseLevel(c.text) }));
  const bad = parsed.flatMap((c) =>
    c.result && !c.result.ok ? [{ memberId: c.memberId, skillId: c.skillId, error: c.result.error }] : [],
  );
  if (bad.length > 0) throw rejected("pasteInvalid", bad);
  const cells = parsed.flatMap((c) =>
    c.result?.ok ? [{ memberId: c.memberId, skillId: c.skillId, level: c.result.value, version: c.version }] : [],
  );
  return writeTransaction(async (tx) => {
    const team = await teamInWorkspace(tx, actor, input.teamId);
    const memberIds = new Set(
      (await tx.teamMember.findMany({ where: { teamId: team.id }, select: { id: true } })).map((m) => m.id),
    );
    const skillIds = new Set(
      (await tx.skill.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true } })).map((s) => s.id),
    );
    for (const c of cells) {
      if (!memberIds.has(c.memberId)) throw notFound("member");
      if (!skillIds.has(c.skillId)) throw notFound("skill");
    }
    const existing = await tx.skillRating.findMany({ where: { memberId: { in: [...memberIds] } } });
    const byCell = new Map(existing.map((r) => [`${r.memberId}:${r.skillId}`, r]));
    const changed = cells.flatMap((c) => {
      const row = byCell.get(`${c.memberId}:${c.skillId}`) ?? null;
      const ok = c.version === null ? row === null : row?.version === c.version;
      return ok ? [] : [{ memberId: c.memberId, skillId: c.skillId, current: cellOf(row) }];
    });
    if (changed.length > 0) throw stale("ratings", changed);
    const written: PastedCell[] = [];
    for (const c of cells) {
      const { after } = await writeCell(tx, c.memberId, c.skillId, c.level, c.version);
      written.push({ memberId: c.memberId, skillId: c.skillId, ...after });
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "rating.pasted",
      entityType: "Team",
      entityId: team.id,
      before: cells.map((c) => ({
        memberId: c.memberId,
        skillId: c.skillId,
        level: byCell.get(`${c.memberId}:${c.skillId}`)?.level ?? null,
      })),
      after: written.map((c) => ({ memberId: c.memberId, skillId: c.skillId, level: c.level })),
      ip: meta.ip,
    });
    return written;
  });
}

export interface OverrideValue {
  level: number;
  reason: string;
  version: number;
}

const overrideOf = (o: { level: number; reason: string; version: number } | null): OverrideValue | null =>
  o ? { level: o.level, reason: o.reason, version: o.version } : null;

export async function setOverride(actor: Actor, input: SetOverrideInput, meta: Meta = NO_META): Promise<OverrideValue> {
  authorize(actor, "rating.write");
  return writeTransaction(async (tx) => {
    const team = await teamInWorkspace(tx, actor, input.teamId);
    await skillInWorkspace(tx, actor, input.skillId);
    const existing = await tx.teamSkillOverride.findUnique({
      where: { teamId_skillId: { teamId: team.id, skillId: input.skillId } },
    });
    if (input.version === null ? existing !== null : existing?.version !== input.version)
      throw stale("override", overrideOf(existing));
    const row = existing
      ? await tx.teamSkillOverride.update({
          where: { id: existing.id },
          data: { level: input.level, reason: input.reason, version: { increment: 1 } },
        })
      : await tx.teamSkillOverride.create({
          data: { teamId: team.id, skillId: input.skillId, level: input.level, reason: input.reason },
        });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.override_set",
      entityType: "TeamSkillOverride",
      entityId: row.id,
      before: existing ? { level: existing.level, reason: existing.reason } : null,
      after: { teamId: team.id, skillId: input.skillId, level: row.level, reason: row.reason },
      ip: meta.ip,
    });
    return overrideOf(row)!;
  }, SINGLE_ROW_EDIT);
}

export async function clearOverride(actor: Actor, input: ClearOverrideInput, meta: Meta = NO_META): Promise<void> {
  authorize(actor, "rating.write");
  await writeTransaction(async (tx) => {
    const team = await teamInWorkspace(tx, actor, input.teamId);
    await skillInWorkspace(tx, actor, input.skillId);
    const existing = await tx.teamSkillOverride.findUnique({
      where: { teamId_skillId: { teamId: team.id, skillId: input.skillId } },
    });
    if (!existing || existing.version !== input.version) throw stale("override", overrideOf(existing));
    await tx.teamSkillOverride.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "team.override_cleared",
      entityType: "TeamSkillOverride",
      entityId: existing.id,
      before: { teamId: team.id, skillId: input.skillId, level: existing.level, reason: existing.reason },
      ip: meta.ip,
    });
  }, SINGLE_ROW_EDIT);
}
