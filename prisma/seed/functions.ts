// Reusable building blocks for the first-start seed and for e2e fixtures. Each takes the Prisma client explicitly
// so tests can point it at their own database.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { copyParts, templateParts } from "@/lib/db/copy-parts";
import { TRANSACTION_OPTIONS } from "@/lib/db/write-queue";
import { hashPassword } from "@/lib/auth/password";
import { CREDENTIAL_PROVIDER } from "@/lib/auth/policy";
import type { DecisionTemplate, TemplateSkill, TemplateTeam } from "@/lib/templates/types";

export async function createWorkspace(db: PrismaClient, input: { name: string; slug: string; isDemo?: boolean }) {
  return db.workspace.create({ data: { name: input.name, slug: input.slug, isDemo: input.isDemo ?? false } });
}

export async function createUser(db: PrismaClient, input: { email: string; name: string }) {
  return db.user.create({ data: { email: input.email.toLowerCase(), name: input.name, emailVerified: true } });
}

/** Email + password credentials (argon2id), the same shape lib/server/accounts.ts creates at sign-up. */
export async function createPasswordAccount(
  db: PrismaClient,
  input: { userId: string; email: string; password: string },
) {
  return db.account.create({
    data: {
      userId: input.userId,
      providerId: CREDENTIAL_PROVIDER,
      accountId: input.email.toLowerCase(),
      passwordHash: await hashPassword(input.password),
    },
  });
}

export async function addMembership(db: PrismaClient, input: { workspaceId: string; userId: string; role: Role }) {
  return db.membership.create({ data: input });
}

/** Creates the skill catalog entries; returns skill key → id. */
export async function createSkills(db: PrismaClient, workspaceId: string, skills: TemplateSkill[]) {
  const ids = new Map<string, string>();
  for (const s of skills) {
    const row = await db.skill.create({
      data: { workspaceId, name: s.name, category: s.category, description: s.description },
    });
    ids.set(s.key, row.id);
  }
  return ids;
}

export async function createTeam(
  db: PrismaClient,
  workspaceId: string,
  team: TemplateTeam,
  skillIds: Map<string, string>,
) {
  const row = await db.team.create({ data: { workspaceId, name: team.name, description: team.description } });
  for (const [position, m] of team.members.entries()) {
    await db.teamMember.create({
      data: {
        teamId: row.id,
        name: m.name,
        position,
        ratings: {
          create: Object.entries(m.ratings).map(([skill, level]) => ({
            skillId: requireId(skillIds, skill, "skill"),
            level,
          })),
        },
      },
    });
  }
  return row;
}

/**
 * Copies a template into a workspace as a new decision. `evaluatorIds[i]` scores the template's i-th value of each
 * opinion cell; the template's measured facts are entered once by the first evaluator (by default only when somebody
 * scores, so `evaluatorIds: []` gives an empty decision; `facts` overrides that); skill requirements need the workspace's skill ids (missing skills are skipped, so a template can be used in a
 * workspace without that catalog).
 */
export async function createDecisionFromTemplate(
  db: PrismaClient,
  input: {
    workspaceId: string;
    template: DecisionTemplate;
    teamId?: string | null;
    evaluatorIds: string[];
    skillIds: Map<string, string>;
    facts?: boolean;
    createdById?: string | null;
    title?: string;
  },
) {
  const { template: t } = input;
  return db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        workspaceId: input.workspaceId,
        teamId: input.teamId ?? null,
        title: input.title ?? t.title,
        context: t.context,
        templateKey: t.key,
        createdById: input.createdById ?? null,
      },
    });
    const ids = await copyParts(tx, decision.id, templateParts(t, input.skillIds));
    const criterionIds = new Map(t.criteria.map((c, i) => [c.key, ids.criterionIds[i]]));
    const candidateIds = new Map(t.candidates.map((c, i) => [c.key, ids.candidateIds[i]]));
    for (const s of t.scores) {
      for (const [i, value] of s.values.entries()) {
        const evaluatorId = input.evaluatorIds[i];
        if (!evaluatorId) continue;
        await tx.score.create({
          data: {
            criterionId: requireId(criterionIds, s.criterion, "criterion"),
            candidateId: requireId(candidateIds, s.candidate, "candidate"),
            evaluatorId,
            value,
            rationale: (i === 0 ? s.rationale : s.laterRationales?.[i - 1]) ?? "",
            evidenceUrl: i === 0 ? (s.evidenceUrl ?? "") : "",
          },
        });
      }
    }
    if (input.facts ?? input.evaluatorIds.length > 0) {
      for (const f of t.facts ?? []) {
        const criterion = t.criteria.find((c) => c.key === f.criterion);
        await tx.fact.create({
          data: {
            criterionId: requireId(criterionIds, f.criterion, "criterion"),
            candidateId: requireId(candidateIds, f.candidate, "candidate"),
            value: f.value,
            unit: criterion?.unit ?? null,
            sourceUrl: f.sourceUrl ?? "",
            note: f.note ?? "",
            measuredOn: new Date(`${f.measuredOn}T00:00:00.000Z`),
            enteredById: input.evaluatorIds[0] ?? null,
          },
        });
      }
    }
    return decision;
  }, TRANSACTION_OPTIONS);
}

function requireId(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Template refers to unknown ${what} "${key}"`);
  return id;
}
