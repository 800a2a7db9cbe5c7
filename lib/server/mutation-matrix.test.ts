// The mutation authorisation matrix: every data-access mutation that a server action calls × every role × own /
// foreign workspace. Exactly the combinations PERMISSIONS allows succeed; every other one throws the domain error
// forbidden (403) or notFound (404, indistinguishable from a missing id), maps to a typed action result (never a 500) and
// leaves the whole database byte-identical. A completeness test keeps the table in step with lib/actions.
import "@/lib/testing/use-temp-db";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_USERS, seedDemoWorkspace } from "@/prisma/seed/demo";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { ParsedMatrix } from "@/lib/import/matrix";
import { decisionJsonSchema } from "@/lib/validation/decision-json";
import type { Actor } from "./actor";
import { isDomainError } from "@/lib/errors/domain-error";
import { errorResult } from "./action-result";
import { can, type Permission } from "./authz";
import { db } from "./db";

import * as candidates from "./candidates";
import * as cellOpinions from "./cell-opinions";
import * as criteria from "./criteria";
import * as decisions from "./decisions";
import * as factSnapshot from "./fact-snapshot";
import * as facts from "./facts";
import * as imports from "./imports";
import * as invitations from "./invitations";
import * as judgments from "./judgments";
import * as candidateJudgments from "./candidate-judgments";
import * as matrix from "./matrix";
import * as members from "./members";
import * as ratings from "./ratings";
import * as requirements from "./requirements";
import * as scenarios from "./scenarios";
import * as scores from "./scores";
import * as shareLinks from "./share-links";
import * as skills from "./skills";
import * as teams from "./teams";
import * as workspaces from "./workspaces";

const ROLES: Role[] = ["ADMIN", "ARCHITECT", "TEAM_LEAD", "VIEWER"];
const SCOPES = ["own", "foreign"] as const;
type Scope = (typeof SCOPES)[number];
type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;

let own: Seeded;
let foreign: Seeded;

beforeAll(async () => {
  own = await seedDemoWorkspace(db);
  foreign = await seedDemoWorkspace(db, { slug: "other", emailDomain: "other.test" });
  await ensurePairwiseCriterion(own);
  await ensurePairwiseCriterion(foreign);
}, 120_000);

/** An actor of the OWN workspace with the given role; "foreign" cases hand it ids of the other workspace. */
function actorFor(role: Role): Actor {
  const key = DEMO_USERS.find((u) => u.role === role)!.key;
  return { userId: own.users.get(key)!, workspaceId: own.workspace.id, role };
}

/** The target workspace's own admin, for fixture set-up through the real data layer. */
const adminOf = (ws: Seeded): Actor => ({
  userId: ws.users.get("admin")!,
  workspaceId: ws.workspace.id,
  role: "ADMIN",
});

// ---- Fresh reads of the target workspace (versions and rows move on after every successful write) -------------------

/** Rows the matrix itself creates as throwaway fixtures (and the rows create-mutations add) carry this prefix. */
const TEMP = "Matrix temp";
const notTemp = { NOT: { name: { startsWith: TEMP } } };
let seq = 0;
const nextName = (what: string) => `${TEMP} ${what} ${++seq}`;

/** The decision every decision-scoped mutation works on: the target's oldest editable (DRAFT / IN_REVIEW) one. */
const decisionOf = (ws: Seeded) =>
  db.decision.findFirstOrThrow({
    where: { workspaceId: ws.workspace.id, status: { in: ["DRAFT", "IN_REVIEW"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
const ratingCriterionOf = async (ws: Seeded) =>
  db.criterion.findFirstOrThrow({
    where: { decisionId: (await decisionOf(ws)).id, kind: "RATING", pairwise: false, ...notTemp },
    orderBy: { id: "asc" },
  });
const candidateOf = async (ws: Seeded) =>
  db.candidate.findFirstOrThrow({
    where: { decisionId: (await decisionOf(ws)).id, ...notTemp },
    orderBy: { id: "asc" },
  });
const teamOf = (ws: Seeded) =>
  db.team.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, ...notTemp }, orderBy: { id: "asc" } });
const memberOf = async (ws: Seeded) =>
  db.teamMember.findFirstOrThrow({ where: { teamId: (await teamOf(ws)).id, ...notTemp }, orderBy: { id: "asc" } });
const skillOf = (ws: Seeded) =>
  db.skill.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, ...notTemp }, orderBy: { id: "asc" } });
const tempMembershipOf = (ws: Seeded) =>
  db.membership.findFirst({
    where: { workspaceId: ws.workspace.id, user: { email: { startsWith: "matrix-temp" } } },
    orderBy: { id: "asc" },
  });

/** The newest removal of `action` in the decision whose row is still gone: a valid undo token. */
async function undoTokenOf(
  ws: Seeded,
  action: "criterion.removed" | "candidate.removed",
): Promise<{ decisionId: string; undoToken: string } | null> {
  const d = await decisionOf(ws);
  const events = await db.auditEvent.findMany({
    where: { workspaceId: ws.workspace.id, action },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  for (const e of events) {
    const row = (e.before as { row?: { decisionId?: string } } | null)?.row;
    if (row?.decisionId !== d.id || !e.entityId) continue;
    const gone =
      action === "criterion.removed"
        ? !(await db.criterion.findUnique({ where: { id: e.entityId } }))
        : !(await db.candidate.findUnique({ where: { id: e.entityId } }));
    if (gone) return { decisionId: d.id, undoToken: e.id };
  }
  return null;
}

const toggle = <T>(current: T | null | undefined, a: T, b: T): T => (current === a ? b : a);

// ---- Fixture set-up (runs before the "before" snapshot, so it never counts as a change) -----------------------------

async function ensureTempCriterion(ws: Seeded) {
  const d = await decisionOf(ws);
  if (await db.criterion.count({ where: { decisionId: d.id, name: { startsWith: TEMP } } })) return;
  await db.criterion.create({ data: { decisionId: d.id, name: nextName("criterion"), weight: 1, position: 999 } });
}

async function ensureTempCandidate(ws: Seeded) {
  const d = await decisionOf(ws);
  if (await db.candidate.count({ where: { decisionId: d.id, name: { startsWith: TEMP } } })) return;
  await db.candidate.create({ data: { decisionId: d.id, name: nextName("candidate"), position: 999 } });
}

async function ensureUndoToken(ws: Seeded, action: "criterion.removed" | "candidate.removed") {
  if (await undoTokenOf(ws, action)) return;
  const d = await decisionOf(ws);
  if (action === "criterion.removed") {
    const c = await db.criterion.create({
      data: { decisionId: d.id, name: nextName("criterion"), weight: 1, position: 999 },
    });
    await criteria.removeCriterion(adminOf(ws), c.id);
  } else {
    const c = await db.candidate.create({ data: { decisionId: d.id, name: nextName("candidate"), position: 999 } });
    await candidates.removeCandidate(adminOf(ws), c.id);
  }
}

/** Every pair of the decision's criteria has at least one judgment, so the group weights can be computed. */
/** A pairwise criterion in the target's decision (ratingCriterionOf passes it over: it takes no scores). */
async function ensurePairwiseCriterion(ws: Seeded) {
  const d = await decisionOf(ws);
  if (await db.criterion.count({ where: { decisionId: d.id, pairwise: true } })) return;
  await db.criterion.create({
    data: { decisionId: d.id, name: "Matrix pairwise fixture", weight: 1, pairwise: true, position: 998 },
  });
}

async function ensureCompleteJudgments(ws: Seeded) {
  const d = await decisionOf(ws);
  const ids = (
    await db.criterion.findMany({ where: { decisionId: d.id }, orderBy: { id: "asc" }, select: { id: true } })
  ).map((c) => c.id);
  const have = new Set(
    (await db.pairwiseJudgment.findMany({ where: { decisionId: d.id } })).flatMap((j) => [
      `${j.criterionAId}|${j.criterionBId}`,
      `${j.criterionBId}|${j.criterionAId}`,
    ]),
  );
  const evaluatorId = ws.users.get("admin")!;
  for (let i = 0; i < ids.length; i++)
    for (let k = i + 1; k < ids.length; k++)
      if (!have.has(`${ids[i]}|${ids[k]}`))
        await db.pairwiseJudgment.upsert({
          where: {
            decisionId_evaluatorId_criterionAId_criterionBId: {
              decisionId: d.id,
              evaluatorId,
              criterionAId: ids[i],
              criterionBId: ids[k],
            },
          },
          create: { decisionId: d.id, evaluatorId, criterionAId: ids[i], criterionBId: ids[k], value: 1 },
          update: {},
        });
}

/** A METRIC criterion in the target's matrix decision (the broker has only ratings), kept for every later row. */
const METRIC_NAME = "Matrix fact metric";
async function metricCriterionOf(ws: Seeded) {
  const d = await decisionOf(ws);
  const existing = await db.criterion.findFirst({ where: { decisionId: d.id, name: METRIC_NAME } });
  return (
    existing ??
    db.criterion.create({
      data: { decisionId: d.id, name: METRIC_NAME, weight: 1, kind: "METRIC", unit: "ms", position: 998 },
    })
  );
}

/** A fact in the metric cell, so clearing it is a change. */
async function ensureFact(ws: Seeded) {
  const [c, k] = await Promise.all([metricCriterionOf(ws), candidateOf(ws)]);
  await db.fact.upsert({
    where: { criterionId_candidateId: { criterionId: c.id, candidateId: k.id } },
    create: { criterionId: c.id, candidateId: k.id, value: 42, unit: "ms", measuredOn: new Date("2024-11-12") },
    update: {},
  });
}

async function ensureTempMember(ws: Seeded) {
  const team = await teamOf(ws);
  if (await db.teamMember.count({ where: { teamId: team.id, name: { startsWith: TEMP } } })) return;
  await db.teamMember.create({ data: { teamId: team.id, name: nextName("member"), position: 999 } });
}

async function ensureTempSkill(ws: Seeded) {
  if (await db.skill.count({ where: { workspaceId: ws.workspace.id, name: { startsWith: TEMP } } })) return;
  await db.skill.create({ data: { workspaceId: ws.workspace.id, name: nextName("skill") } });
}

async function ensureRating(ws: Seeded) {
  const [m, s] = await Promise.all([memberOf(ws), skillOf(ws)]);
  await db.skillRating.upsert({
    where: { memberId_skillId: { memberId: m.id, skillId: s.id } },
    create: { memberId: m.id, skillId: s.id, level: 5 },
    update: {},
  });
}

async function ensureOverride(ws: Seeded) {
  const [t, s] = await Promise.all([teamOf(ws), skillOf(ws)]);
  await db.teamSkillOverride.upsert({
    where: { teamId_skillId: { teamId: t.id, skillId: s.id } },
    create: { teamId: t.id, skillId: s.id, level: 5, reason: "matrix" },
    update: {},
  });
}

async function ensureRequirement(ws: Seeded) {
  const [c, s] = await Promise.all([candidateOf(ws), skillOf(ws)]);
  await db.skillRequirement.upsert({
    where: { candidateId_skillId: { candidateId: c.id, skillId: s.id } },
    create: { candidateId: c.id, skillId: s.id, weight: 1 },
    update: {},
  });
}

async function ensureShareLink(ws: Seeded) {
  const d = await decisionOf(ws);
  if (await db.shareLink.count({ where: { decisionId: d.id, revokedAt: null } })) return;
  await db.shareLink.create({
    data: {
      decisionId: d.id,
      tokenHash: hashToken(generateToken()),
      createdById: ws.users.get("admin")!,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

async function setViewerSwitch(ws: Seeded, on: boolean) {
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { viewerShareLinks: on } });
}

async function ensurePendingInvitation(ws: Seeded) {
  if (await db.invitation.count({ where: { workspaceId: ws.workspace.id, revokedAt: null, acceptedAt: null } })) return;
  await db.invitation.create({
    data: {
      workspaceId: ws.workspace.id,
      role: "VIEWER",
      tokenHash: hashToken(generateToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

/** A throwaway member of the workspace (never the last admin), so role changes and removals hit nobody real. */
async function ensureTempMembership(ws: Seeded) {
  if (await tempMembershipOf(ws)) return;
  const user = await db.user.create({
    data: { email: `matrix-temp-${++seq}@${ws.workspace.slug}.test`, name: nextName("user") },
  });
  await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role: "VIEWER" } });
}

// ---- The table ----------------------------------------------------------------------------------------------------

interface Mutation {
  /** "<lib/server file>.<function>", plus a variant in parentheses where one function backs several actions. */
  name: string;
  /** "<lib/actions file>.<export>" of every server action that calls it. */
  actions: string[];
  /** The permission the function must enforce (the forbidden error names it as its subject). */
  permission: Permission;
  /** Further permissions it enforces on top (all must be granted). */
  alsoRequires?: Permission[];
  /** Fixture rows the call needs, created before the snapshot for every case (own and foreign target). */
  prepare?: (target: Seeded) => Promise<void>;
  /** Calls the REAL data-layer function with valid input built from the target workspace's ids. */
  run: (actor: Actor, target: Seeded) => Promise<unknown>;
  /**
   * Set when no input of the function can name another workspace (it acts on actor.workspaceId only). Its foreign
   * cases then check that the call cannot reach the other workspace: its rows stay byte-identical.
   */
  noForeignInput?: string;
  /** Read-only (import preview): success leaves the database unchanged too. */
  readOnly?: boolean;
}

const ID_LESS = "creates in actor.workspaceId; no client input can name another workspace";

const MUTATIONS: Mutation[] = [
  // decisions
  {
    name: "decisions.createDecision",
    actions: ["decisions.createDecisionAction"],
    permission: "decision.write",
    run: async (actor, t) =>
      decisions.createDecision(actor, { title: nextName("decision"), teamId: (await teamOf(t)).id, template: "" }),
  },
  {
    name: "decisions.duplicateDecision",
    actions: ["decisions.duplicateDecisionAction"],
    permission: "decision.write",
    run: async (actor, t) => decisions.duplicateDecision(actor, (await decisionOf(t)).id, "(matrix)"),
  },
  {
    name: "decisions.setDecisionArchived(archive)",
    actions: ["decisions.archiveDecisionAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      return decisions.setDecisionArchived(actor, { decisionId: d.id, version: d.version }, true);
    },
  },
  {
    name: "decisions.setDecisionArchived(unarchive)",
    actions: ["decisions.unarchiveDecisionAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      return decisions.setDecisionArchived(actor, { decisionId: d.id, version: d.version }, false);
    },
  },
  {
    name: "decisions.updateDecisionField",
    actions: ["decisions.updateDecisionFieldAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      return decisions.updateDecisionField(actor, {
        decisionId: d.id,
        version: d.version,
        field: "context",
        base: d.context,
        value: `${d.context}!`.slice(-500),
      });
    },
  },
  {
    name: "decisions.updateScoringSettings",
    actions: ["decisions.updateScoringSettingsAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      return decisions.updateScoringSettings(actor, {
        decisionId: d.id,
        version: d.version,
        aggregation: "median",
        weightSource: "direct",
      });
    },
  },
  {
    name: "decisions.changeDecisionStatus",
    actions: ["decisions.changeStatusAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const to = d.status === "DRAFT" ? "IN_REVIEW" : "DRAFT";
      return decisions.changeDecisionStatus(actor, {
        decisionId: d.id,
        version: d.version,
        from: d.status,
        to,
        chosenCandidateId: "",
        outcomeRationale: "",
        supersededById: "",
      });
    },
  },
  // criteria
  {
    name: "criteria.addCriterion",
    actions: ["criteria.addCriterionAction"],
    permission: "decision.write",
    run: async (actor, t) =>
      criteria.addCriterion(actor, { decisionId: (await decisionOf(t)).id, name: nextName("criterion") }),
  },
  {
    name: "criteria.updateCriterionField",
    actions: ["criteria.updateCriterionFieldAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const c = await ratingCriterionOf(t);
      return criteria.updateCriterionField(actor, {
        criterionId: c.id,
        version: c.version,
        field: "description",
        base: c.description,
        value: `${c.description}!`.slice(-500),
      });
    },
  },
  {
    name: "criteria.setCriterionParent",
    actions: ["criteria.setCriterionParentAction"],
    permission: "decision.write",
    // The temporary criterion goes (back) to the top level, so no criterion the other rows score becomes a group.
    prepare: ensureTempCriterion,
    run: async (actor, t) => {
      const c = await db.criterion.findFirstOrThrow({
        where: { decisionId: (await decisionOf(t)).id, name: { startsWith: TEMP } },
      });
      return criteria.setCriterionParent(actor, { criterionId: c.id, version: c.version, parentId: null });
    },
  },
  {
    name: "criteria.reorderCriteria",
    actions: ["criteria.reorderCriteriaAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const current = (
        await db.criterion.findMany({
          where: { decisionId: d.id },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          select: { id: true },
        })
      ).map((c) => c.id);
      return criteria.reorderCriteria(actor, { decisionId: d.id, ids: [...current].reverse(), expected: current });
    },
  },
  {
    name: "criteria.removeCriterion",
    actions: ["criteria.removeCriterionAction"],
    permission: "decision.write",
    prepare: ensureTempCriterion,
    run: async (actor, t) => {
      const c = await db.criterion.findFirstOrThrow({
        where: { decisionId: (await decisionOf(t)).id, name: { startsWith: TEMP } },
      });
      return criteria.removeCriterion(actor, c.id);
    },
  },
  {
    name: "criteria.restoreCriterion",
    actions: ["criteria.restoreCriterionAction"],
    permission: "decision.write",
    prepare: (t) => ensureUndoToken(t, "criterion.removed"),
    run: async (actor, t) => criteria.restoreCriterion(actor, (await undoTokenOf(t, "criterion.removed"))!),
  },
  // candidates
  {
    name: "candidates.addCandidate",
    actions: ["candidates.addCandidateAction"],
    permission: "decision.write",
    run: async (actor, t) =>
      candidates.addCandidate(actor, { decisionId: (await decisionOf(t)).id, name: nextName("candidate") }),
  },
  {
    name: "candidates.updateCandidateField",
    actions: ["candidates.updateCandidateFieldAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const c = await candidateOf(t);
      return candidates.updateCandidateField(actor, {
        candidateId: c.id,
        version: c.version,
        field: "description",
        base: c.description,
        value: `${c.description}!`.slice(-500),
      });
    },
  },
  {
    name: "candidates.reorderCandidates",
    actions: ["candidates.reorderCandidatesAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const current = (
        await db.candidate.findMany({
          where: { decisionId: d.id },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          select: { id: true },
        })
      ).map((c) => c.id);
      return candidates.reorderCandidates(actor, { decisionId: d.id, ids: [...current].reverse(), expected: current });
    },
  },
  {
    name: "candidates.removeCandidate",
    actions: ["candidates.removeCandidateAction"],
    permission: "decision.write",
    prepare: ensureTempCandidate,
    run: async (actor, t) => {
      const c = await db.candidate.findFirstOrThrow({
        where: { decisionId: (await decisionOf(t)).id, name: { startsWith: TEMP } },
      });
      return candidates.removeCandidate(actor, c.id);
    },
  },
  {
    name: "candidates.restoreCandidate",
    actions: ["candidates.restoreCandidateAction"],
    permission: "decision.write",
    prepare: (t) => ensureUndoToken(t, "candidate.removed"),
    run: async (actor, t) => candidates.restoreCandidate(actor, (await undoTokenOf(t, "candidate.removed"))!),
  },
  // scores
  {
    name: "cell-opinions.getCellOpinions",
    actions: ["scores.cellOpinionsAction"],
    permission: "decision.read",
    readOnly: true,
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), ratingCriterionOf(t), candidateOf(t)]);
      return cellOpinions.getCellOpinions(actor, { decisionId: d.id, criterionId: c.id, candidateId: k.id });
    },
  },
  {
    name: "scores.saveScore",
    actions: ["scores.saveScoreAction"],
    permission: "score.write",
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), ratingCriterionOf(t), candidateOf(t)]);
      const mine = await db.score.findUnique({
        where: {
          criterionId_candidateId_evaluatorId: { criterionId: c.id, candidateId: k.id, evaluatorId: actor.userId },
        },
      });
      const lo = c.scaleMin ?? 0;
      const hi = c.scaleMax ?? 10;
      return scores.saveScore(actor, {
        decisionId: d.id,
        criterionId: c.id,
        candidateId: k.id,
        value: toggle(mine?.value, lo, hi),
        version: mine?.version ?? null,
      });
    },
  },
  {
    name: "scores.deleteScore",
    actions: ["scores.deleteScoreAction"],
    permission: "score.write",
    // A score of the target's own evaluator in the cell; in own cases the role's actor deletes their own one.
    prepare: async (t) => {
      const [c, k] = await Promise.all([ratingCriterionOf(t), candidateOf(t)]);
      const evaluators = t === own ? ROLES.map((r) => actorFor(r).userId) : [t.users.get("admin")!];
      for (const evaluatorId of evaluators)
        await db.score.upsert({
          where: { criterionId_candidateId_evaluatorId: { criterionId: c.id, candidateId: k.id, evaluatorId } },
          create: { criterionId: c.id, candidateId: k.id, evaluatorId, value: 1 },
          update: {},
        });
    },
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), ratingCriterionOf(t), candidateOf(t)]);
      const s = await db.score.findFirstOrThrow({
        where: { criterionId: c.id, candidateId: k.id },
        orderBy: { id: "asc" },
      });
      const mine = await db.score.findFirst({
        where: { criterionId: c.id, candidateId: k.id, evaluatorId: actor.userId },
      });
      return scores.deleteScore(actor, {
        decisionId: d.id,
        criterionId: c.id,
        candidateId: k.id,
        version: (mine ?? s).version,
      });
    },
  },
  // matrix view
  {
    name: "matrix.pasteMatrix",
    actions: ["matrix.pasteMatrixAction"],
    permission: "decision.write",
    alsoRequires: ["score.write", "fact.write"],
    // A new criterion and a new candidate with one rating: always a change, whatever earlier cases left.
    run: async (actor, t) =>
      matrix.pasteMatrix(actor, {
        decisionId: (await decisionOf(t)).id,
        candidates: [nextName("candidate")],
        criteria: [{ name: nextName("criterion"), weight: 5, values: [{ value: 7, unit: null }] }],
        basis: { criteria: {}, scores: {}, facts: {} },
      }),
  },
  // facts
  {
    name: "fact-snapshot.importFactSnapshot",
    actions: ["facts.importFactSnapshotAction"],
    permission: "fact.write",
    prepare: async (t) => void (await metricCriterionOf(t)),
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), metricCriterionOf(t), candidateOf(t)]);
      const stored = await db.fact.findUnique({
        where: { criterionId_candidateId: { criterionId: c.id, candidateId: k.id } },
      });
      return factSnapshot.importFactSnapshot(actor, d.id, {
        rows: [
          {
            candidate: k.id,
            criterion: c.name,
            value: toggle(stored?.value, 56, 78),
            unit: "ms",
            source: "",
            note: "",
            measuredAt: "2024-11-13",
          },
        ],
      });
    },
  },
  {
    name: "facts.setFact",
    actions: ["facts.setFactAction"],
    permission: "fact.write",
    prepare: async (t) => void (await metricCriterionOf(t)),
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), metricCriterionOf(t), candidateOf(t)]);
      const stored = await db.fact.findUnique({
        where: { criterionId_candidateId: { criterionId: c.id, candidateId: k.id } },
      });
      return facts.setFact(actor, {
        decisionId: d.id,
        criterionId: c.id,
        candidateId: k.id,
        value: toggle(stored?.value, 12, 34),
        unit: "ms",
        sourceUrl: "https://example.com/bench",
        note: "",
        measuredOn: "2024-11-12",
        version: stored?.version ?? null,
      });
    },
  },
  {
    name: "facts.clearFact",
    actions: ["facts.clearFactAction"],
    permission: "fact.write",
    prepare: ensureFact,
    run: async (actor, t) => {
      const [d, c, k] = await Promise.all([decisionOf(t), metricCriterionOf(t), candidateOf(t)]);
      const stored = await db.fact.findUniqueOrThrow({
        where: { criterionId_candidateId: { criterionId: c.id, candidateId: k.id } },
      });
      return facts.clearFact(actor, {
        decisionId: d.id,
        criterionId: c.id,
        candidateId: k.id,
        version: stored.version,
      });
    },
  },
  // AHP
  {
    name: "judgments.saveJudgment",
    actions: ["judgments.saveJudgmentAction"],
    permission: "ahp.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const [a, b] = await db.criterion.findMany({
        where: { decisionId: d.id, ...notTemp },
        orderBy: { id: "asc" },
        take: 2,
      });
      const mine = await db.pairwiseJudgment.findFirst({
        where: { decisionId: d.id, evaluatorId: actor.userId, criterionAId: a.id, criterionBId: b.id },
      });
      return judgments.saveJudgment(actor, {
        decisionId: d.id,
        criterionAId: a.id,
        criterionBId: b.id,
        value: toggle(mine?.value, 3, 5),
        version: mine?.version ?? null,
      });
    },
  },
  {
    name: "candidateJudgments.saveCandidateJudgment",
    actions: ["candidate-judgments.saveCandidateJudgmentAction"],
    permission: "score.write",
    prepare: ensurePairwiseCriterion,
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const c = await db.criterion.findFirstOrThrow({ where: { decisionId: d.id, pairwise: true } });
      const [a, b] = await db.candidate.findMany({
        where: { decisionId: d.id, ...notTemp },
        orderBy: { id: "asc" },
        take: 2,
      });
      const mine = await db.candidateJudgment.findFirst({
        where: { criterionId: c.id, evaluatorId: actor.userId, candidateAId: a.id, candidateBId: b.id },
      });
      return candidateJudgments.saveCandidateJudgment(actor, {
        decisionId: d.id,
        criterionId: c.id,
        candidateAId: a.id,
        candidateBId: b.id,
        value: toggle(mine?.value, 3, 5),
        version: mine?.version ?? null,
      });
    },
  },
  {
    name: "judgments.applyAhpWeights",
    actions: ["judgments.applyAhpWeightsAction"],
    permission: "ahp.write",
    prepare: ensureCompleteJudgments,
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const rows = await db.criterion.findMany({ where: { decisionId: d.id }, select: { id: true, version: true } });
      return judgments.applyAhpWeights(actor, { decisionId: d.id, criteria: rows });
    },
  },
  // teams and their members
  {
    name: "teams.createTeam",
    actions: ["teams.createTeamAction"],
    permission: "team.write",
    noForeignInput: ID_LESS,
    run: (actor) => teams.createTeam(actor, { name: nextName("team"), description: "", aggregation: "top2" }),
  },
  {
    name: "teams.updateTeam",
    actions: ["teams.updateTeamAction"],
    permission: "team.write",
    run: async (actor, t) => {
      const team = await teamOf(t);
      return teams.updateTeam(actor, {
        teamId: team.id,
        version: team.version,
        name: team.name,
        description: `${team.description}.`.slice(-400),
        aggregation: toggle(team.aggregation, "top2", "max") as "top2" | "max",
      });
    },
  },
  {
    name: "teams.addMember",
    actions: ["teams.addMemberAction"],
    permission: "team.write",
    run: async (actor, t) =>
      teams.addMember(actor, { teamId: (await teamOf(t)).id, name: nextName("member"), userId: null }),
  },
  {
    name: "teams.updateMember",
    actions: ["teams.updateMemberAction"],
    permission: "team.write",
    run: async (actor, t) => {
      const m = await memberOf(t);
      return teams.updateMember(actor, { memberId: m.id, version: m.version, name: m.name, userId: m.userId });
    },
  },
  {
    name: "teams.moveMember",
    actions: ["teams.moveMemberAction"],
    permission: "team.write",
    run: async (actor, t) => {
      const first = await db.teamMember.findFirstOrThrow({
        where: { teamId: (await teamOf(t)).id },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return teams.moveMember(actor, { memberId: first.id, version: first.version, direction: "down" });
    },
  },
  {
    name: "teams.removeMember",
    actions: ["teams.removeMemberAction"],
    permission: "team.write",
    prepare: ensureTempMember,
    run: async (actor, t) => {
      const m = await db.teamMember.findFirstOrThrow({
        where: { teamId: (await teamOf(t)).id, name: { startsWith: TEMP } },
      });
      return teams.removeMember(actor, { memberId: m.id, version: m.version });
    },
  },
  // skill catalog
  {
    name: "skills.createSkill",
    actions: ["skills.createSkillAction"],
    permission: "skill.write",
    noForeignInput: ID_LESS,
    run: (actor) => skills.createSkill(actor, { name: nextName("skill"), category: "", description: "" }),
  },
  {
    name: "skills.updateSkill",
    actions: ["skills.updateSkillAction"],
    permission: "skill.write",
    run: async (actor, t) => {
      const s = await skillOf(t);
      return skills.updateSkill(actor, {
        skillId: s.id,
        version: s.version,
        name: s.name,
        category: s.category,
        description: `${s.description}.`.slice(-400),
      });
    },
  },
  {
    name: "skills.deleteSkill",
    actions: ["skills.deleteSkillAction"],
    permission: "skill.write",
    prepare: ensureTempSkill,
    run: async (actor, t) => {
      const s = await db.skill.findFirstOrThrow({ where: { workspaceId: t.workspace.id, name: { startsWith: TEMP } } });
      return skills.deleteSkill(actor, { skillId: s.id, version: s.version });
    },
  },
  // ratings and overrides
  {
    name: "ratings.setRating",
    actions: ["ratings.setRatingAction"],
    permission: "rating.write",
    run: async (actor, t) => {
      const [m, s] = await Promise.all([memberOf(t), skillOf(t)]);
      const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId: s.id } } });
      return ratings.setRating(actor, {
        memberId: m.id,
        skillId: s.id,
        level: toggle(r?.level, 4, 6),
        version: r?.version ?? null,
      });
    },
  },
  {
    name: "ratings.clearRating",
    actions: ["ratings.clearRatingAction"],
    permission: "rating.write",
    prepare: ensureRating,
    run: async (actor, t) => {
      const [m, s] = await Promise.all([memberOf(t), skillOf(t)]);
      const r = await db.skillRating.findUniqueOrThrow({
        where: { memberId_skillId: { memberId: m.id, skillId: s.id } },
      });
      return ratings.clearRating(actor, { memberId: m.id, skillId: s.id, version: r.version });
    },
  },
  {
    name: "ratings.pasteRatings",
    actions: ["ratings.pasteRatingsAction"],
    permission: "rating.write",
    run: async (actor, t) => {
      const [team, m, s] = await Promise.all([teamOf(t), memberOf(t), skillOf(t)]);
      const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId: s.id } } });
      return ratings.pasteRatings(actor, {
        teamId: team.id,
        cells: [{ memberId: m.id, skillId: s.id, text: String(toggle(r?.level, 2, 3)), version: r?.version ?? null }],
      });
    },
  },
  {
    name: "ratings.setOverride",
    actions: ["ratings.setOverrideAction"],
    permission: "rating.write",
    run: async (actor, t) => {
      const [team, s] = await Promise.all([teamOf(t), skillOf(t)]);
      const o = await db.teamSkillOverride.findUnique({
        where: { teamId_skillId: { teamId: team.id, skillId: s.id } },
      });
      return ratings.setOverride(actor, {
        teamId: team.id,
        skillId: s.id,
        level: toggle(o?.level, 7, 8),
        reason: "matrix",
        version: o?.version ?? null,
      });
    },
  },
  {
    name: "ratings.clearOverride",
    actions: ["ratings.clearOverrideAction"],
    permission: "rating.write",
    prepare: ensureOverride,
    run: async (actor, t) => {
      const [team, s] = await Promise.all([teamOf(t), skillOf(t)]);
      const o = await db.teamSkillOverride.findUniqueOrThrow({
        where: { teamId_skillId: { teamId: team.id, skillId: s.id } },
      });
      return ratings.clearOverride(actor, { teamId: team.id, skillId: s.id, version: o.version });
    },
  },
  // skill requirements of candidates
  {
    name: "requirements.saveRequirement",
    actions: ["requirements.saveRequirementAction"],
    permission: "requirement.write",
    run: async (actor, t) => {
      const [d, c, s] = await Promise.all([decisionOf(t), candidateOf(t), skillOf(t)]);
      const q = await db.skillRequirement.findUnique({
        where: { candidateId_skillId: { candidateId: c.id, skillId: s.id } },
      });
      return requirements.saveRequirement(actor, {
        decisionId: d.id,
        candidateId: c.id,
        skillId: s.id,
        weight: toggle(q?.weight, 2, 3),
        minLevel: null,
        version: q?.version ?? null,
      });
    },
  },
  {
    name: "requirements.removeRequirement",
    actions: ["requirements.removeRequirementAction"],
    permission: "requirement.write",
    prepare: ensureRequirement,
    run: async (actor, t) => {
      const [d, c, s] = await Promise.all([decisionOf(t), candidateOf(t), skillOf(t)]);
      const q = await db.skillRequirement.findUniqueOrThrow({
        where: { candidateId_skillId: { candidateId: c.id, skillId: s.id } },
      });
      return requirements.removeRequirement(actor, { decisionId: d.id, requirementId: q.id, version: q.version });
    },
  },
  // scenarios and share links
  {
    name: "scenarios.createScenario",
    actions: ["scenarios.saveScenarioAction"],
    permission: "decision.write",
    run: async (actor, t) => {
      const d = await decisionOf(t);
      const crits = await db.criterion.findMany({ where: { decisionId: d.id }, select: { id: true } });
      return scenarios.createScenario(actor, {
        decisionId: d.id,
        name: nextName("scenario"),
        weights: Object.fromEntries(crits.map((c) => [c.id, 10])),
      });
    },
  },
  {
    name: "share-links.createShareLink",
    actions: ["share-links.createShareLinkAction"],
    permission: "share.create",
    // With the workspace switch on (its default); the switch itself has its own cases below.
    prepare: (t) => setViewerSwitch(t, true),
    run: async (actor, t) =>
      shareLinks.createShareLink(actor, { decisionId: (await decisionOf(t)).id, days: 7, ip: null }),
  },
  {
    name: "share-links.revokeShareLink",
    actions: ["share-links.revokeShareLinkAction"],
    permission: "decision.write",
    prepare: ensureShareLink,
    run: async (actor, t) => {
      const link = await db.shareLink.findFirstOrThrow({
        where: { decision: { workspaceId: t.workspace.id }, revokedAt: null },
      });
      return shareLinks.revokeShareLink(actor, { linkId: link.id, ip: null });
    },
  },
  // imports
  {
    name: "imports.planMatrixImport",
    actions: ["imports.previewImportAction"],
    permission: "decision.write",
    alsoRequires: ["score.write"],
    readOnly: true,
    run: async (actor, t) =>
      imports.planMatrixImport(actor, await matrixFor(t), { mode: "existing", decisionId: (await decisionOf(t)).id }),
  },
  {
    name: "imports.planJsonImport",
    actions: ["imports.previewImportAction"],
    permission: "decision.write",
    readOnly: true,
    noForeignInput: "JSON names teams, skills and evaluators, resolved inside actor.workspaceId only",
    run: (actor) => imports.planJsonImport(actor, decisionJson()),
  },
  {
    name: "imports.applyMatrixImport",
    actions: ["imports.confirmImportAction"],
    permission: "decision.write",
    alsoRequires: ["score.write"],
    run: async (actor, t) => {
      const matrix = await matrixFor(t);
      const target = { mode: "existing" as const, decisionId: (await decisionOf(t)).id };
      // The fingerprint a preview would have shown this actor; a refused preview leaves a fingerprint that cannot match.
      const fingerprint = await imports.planMatrixImport(actor, matrix, target).then(
        (p) => p.fingerprint,
        () => "no-preview",
      );
      return imports.applyMatrixImport(actor, matrix, target, fingerprint);
    },
  },
  {
    name: "imports.applyJsonImport",
    actions: ["imports.confirmImportAction"],
    permission: "decision.write",
    noForeignInput: "JSON names teams, skills and evaluators, resolved inside actor.workspaceId only",
    run: (actor) => imports.applyJsonImport(actor, decisionJson()),
  },
  // workspace administration
  {
    name: "members.changeRole",
    actions: ["members.changeRoleAction"],
    permission: "member.manage",
    prepare: ensureTempMembership,
    run: async (actor, t) => {
      const m = (await tempMembershipOf(t))!;
      return members.changeRole(
        actor,
        { membershipId: m.id, role: toggle<Role>(m.role, "ARCHITECT", "TEAM_LEAD") },
        { ip: null },
      );
    },
  },
  {
    name: "members.removeMember",
    actions: ["members.removeMemberAction"],
    permission: "member.manage",
    prepare: ensureTempMembership,
    run: async (actor, t) =>
      members.removeMember(actor, { membershipId: (await tempMembershipOf(t))!.id }, { ip: null }),
  },
  {
    name: "invitations.createInvitation",
    actions: ["members.createInvitationAction"],
    permission: "invitation.manage",
    noForeignInput: ID_LESS,
    run: (actor) => invitations.createInvitation(actor, { role: "VIEWER", expiresInDays: 7 }, { ip: null }),
  },
  {
    name: "invitations.revokeInvitation",
    actions: ["members.revokeInvitationAction"],
    permission: "invitation.manage",
    prepare: ensurePendingInvitation,
    run: async (actor, t) => {
      const inv = await db.invitation.findFirstOrThrow({
        where: { workspaceId: t.workspace.id, revokedAt: null, acceptedAt: null },
      });
      return invitations.revokeInvitation(actor, inv.id, { ip: null });
    },
  },
  {
    name: "workspaces.renameWorkspace",
    actions: ["members.renameWorkspaceAction"],
    permission: "settings.write",
    noForeignInput: "renames actor.workspaceId; takes no workspace id",
    run: (actor) => workspaces.renameWorkspace(actor, nextName("workspace"), { ip: null }),
  },
  {
    name: "workspaces.setViewerShareLinks",
    actions: ["members.setViewerShareLinksAction"],
    permission: "settings.write",
    noForeignInput: "switches actor.workspaceId; takes no workspace id",
    run: async (actor) => {
      const ws = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } });
      return workspaces.setViewerShareLinks(actor, !ws.viewerShareLinks, { ip: null });
    },
  },
];

/** A one-cell matrix naming an existing criterion and candidate of the target's decision (so "existing" mode). */
async function matrixFor(t: Seeded): Promise<ParsedMatrix> {
  const [c, k] = await Promise.all([ratingCriterionOf(t), candidateOf(t)]);
  const lo = c.scaleMin ?? 0;
  return {
    title: null,
    candidates: [k.name],
    criteria: [
      {
        name: c.name,
        weight: c.weight,
        kind: "RATING",
        direction: c.direction,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        unit: c.unit,
        values: [lo + (seq++ % 2)],
        row: 2,
      },
    ],
    warnings: [],
  };
}

function decisionJson() {
  const blank = {
    description: "",
    lowMeaning: "",
    highMeaning: "",
    unit: null,
    worst: null,
    best: null,
    threshold: null,
  };
  return decisionJsonSchema.parse({
    format: "stackwise.decision",
    version: 1,
    decision: {
      title: nextName("import"),
      context: "",
      status: "DRAFT",
      outcomeRationale: "",
      chosenCandidate: null,
      team: null,
      settings: null,
    },
    criteria: [{ name: "Cost", weight: 1, kind: "RATING", direction: "BENEFIT", scaleMin: 0, scaleMax: 10, ...blank }],
    candidates: [{ name: "Option A", description: "", link: "", requirements: [] }],
    scores: [],
    judgments: [],
  });
}

// ---- Completeness: every server action has a row (or a reasoned exemption) ------------------------------------------

/**
 * Actions outside the role matrix. They act for the signed-in PERSON, not through a role in a workspace, so
 * PERMISSIONS does not apply; their own tests (sessions, invitations, accounts) cover them.
 */
const EXEMPT: Record<string, string> = {
  // Unauthenticated by design: they create the session.
  "auth.signUpAction": "creates a user and their own workspace; no actor yet",
  "auth.signInAction": "authentication, throttled; no actor yet",
  "auth.inviteSignUpAction": "new user joining via an invitation token; the token is the authorisation",
  // Self-service on the caller's own user / session.
  "auth.signOutAction": "ends the caller's own session",
  "auth.signOutEverywhereAction": "ends the caller's own sessions",
  "auth.changeNameAction": "edits the caller's own user row",
  "auth.changePasswordAction": "edits the caller's own credentials (current password required)",
  // Membership of the caller themself: allowed for any role; a workspace they are not in is NotFound (tested below).
  "auth.switchWorkspaceAction": "points the caller's session at a workspace they belong to",
  "auth.acceptInvitationAction": "the caller joins via an invitation token; the token is the authorisation",
  "auth.leaveWorkspaceAction": "the caller leaves a workspace they belong to (last admin refused)",
  // The caller's own API tokens in their active workspace (lib/server/api-tokens.ts): self-service like their name;
  // another user's token id is NotFound, and an admin scope needs the ADMIN role (lib/api/api.test.ts).
  "api-tokens.createApiTokenAction": "creates a token for the caller's own user in the caller's workspace",
  "api-tokens.revokeApiTokenAction": "revokes one of the caller's own tokens",
  // Not data at all.
  "locale.setLocale": "sets the language cookie only",
};

const ACTIONS_DIR = path.join(process.cwd(), "lib/actions");
/** An async function, or a const bound to what defineAction & co. (lib/server/define-action.ts) return: async too. */
const ACTION_EXPORT = /^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*define(?:Form|Redirect)?Action\()/gm;

function declaredActions(): string[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => {
      const src = readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      const base = f.replace(/\.ts$/, "");
      return [...src.matchAll(ACTION_EXPORT)].map((m) => `${base}.${m[1] ?? m[2]}`);
    })
    .sort();
}

/** Every app/api route file and the HTTP methods it exports. */
function routeMethods(): { file: string; methods: string[] }[] {
  const root = path.join(process.cwd(), "app/api");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /(^|\/)route\.tsx?$/.test(f))
    .map((f) => {
      const src = readFileSync(path.join(root, f), "utf8");
      const methods = [
        ...src.matchAll(/^export\s+(?:async\s+function|const|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm),
      ].map((m) => m[1]);
      return { file: `app/api/${f}`, methods };
    });
}

describe("completeness", () => {
  test("every server action in lib/actions is covered by a matrix row or explicitly exempt", () => {
    const declared = declaredActions();
    expect(declared.length).toBeGreaterThan(0);
    const covered = new Set(MUTATIONS.flatMap((m) => m.actions));
    const missing = declared.filter((a) => !covered.has(a) && !(a in EXEMPT));
    expect(
      missing,
      "server actions without a mutation-matrix row: add one to MUTATIONS (or a reasoned EXEMPT entry)",
    ).toEqual([]);
    // No stale names either: every listed action still exists, and nothing is both covered and exempt.
    expect([...covered].filter((a) => !declared.includes(a))).toEqual([]);
    expect(Object.keys(EXEMPT).filter((a) => !declared.includes(a))).toEqual([]);
    expect(Object.keys(EXEMPT).filter((a) => covered.has(a))).toEqual([]);
  });

  test('every "use server" file in lib/actions exports only async functions (each one is an endpoint)', () => {
    for (const f of readdirSync(ACTIONS_DIR).filter((x) => x.endsWith(".ts") && !x.endsWith(".test.ts"))) {
      const src = readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      const exported = [
        ...src.matchAll(
          /^export\s+(?!async\s+function|type\s|interface\s|const\s+\w+\s*=\s*define(?:Form|Redirect)?Action\()(\w+)/gm,
        ),
      ].map((m) => `${f}: export ${m[1]}`);
      expect(exported).toEqual([]);
    }
  });

  test("route handlers are read-only (GET only), except /api/v1, whose operations have their own matrix", () => {
    const routes = routeMethods();
    expect(routes.map((r) => r.file).sort()).toContain("app/api/health/route.ts");
    // Every /api/v1 operation × role × own/foreign workspace is lib/api/api-matrix.test.ts (completeness included).
    const api = "app/api/v1/[...path]/route.ts";
    expect(routes.map((r) => r.file)).toContain(api);
    for (const r of routes.filter((x) => x.file !== api)) expect(r.methods, r.file).toEqual(["GET"]);
  });

  test("rows are unique and name real permissions", () => {
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
    for (const m of MUTATIONS) for (const r of ROLES) expect(typeof can(r, m.permission)).toBe("boolean");
  });
});

// ---- The matrix -----------------------------------------------------------------------------------------------------

/** Everything a mutation could touch, serialised; equal strings mean nothing changed. With a workspace id: only its rows. */
async function snapshot(workspaceId?: string): Promise<string> {
  const ws = workspaceId ? { workspaceId } : {};
  const viaDecision = workspaceId ? { decision: { workspaceId } } : {};
  const viaTeam = workspaceId ? { team: { workspaceId } } : {};
  const viaSkill = workspaceId ? { skill: { workspaceId } } : {};
  const asc = { orderBy: { id: "asc" as const } };
  const tables = await Promise.all([
    db.workspace.findMany({ where: workspaceId ? { id: workspaceId } : {}, ...asc }),
    db.membership.findMany({ where: ws, ...asc }),
    db.invitation.findMany({ where: ws, ...asc }),
    db.decision.findMany({ where: ws, ...asc }),
    db.criterion.findMany({ where: viaDecision, ...asc }),
    db.candidate.findMany({ where: viaDecision, ...asc }),
    db.score.findMany({ where: workspaceId ? { criterion: { decision: { workspaceId } } } : {}, ...asc }),
    db.fact.findMany({ where: workspaceId ? { criterion: { decision: { workspaceId } } } : {}, ...asc }),
    db.pairwiseJudgment.findMany({ where: viaDecision, ...asc }),
    db.scenario.findMany({ where: viaDecision, ...asc }),
    db.shareLink.findMany({ where: viaDecision, ...asc }),
    db.team.findMany({ where: ws, ...asc }),
    db.teamMember.findMany({ where: viaTeam, ...asc }),
    db.teamSkillOverride.findMany({ where: viaTeam, ...asc }),
    db.skill.findMany({ where: ws, ...asc }),
    db.skillRating.findMany({ where: viaSkill, ...asc }),
    db.skillRequirement.findMany({ where: viaSkill, ...asc }),
    db.auditEvent.findMany({ where: ws, ...asc }),
    workspaceId ? [] : db.user.findMany(asc),
    workspaceId ? [] : db.session.findMany(asc),
  ]);
  return JSON.stringify(tables);
}

type Expected = "ok" | "forbidden" | "notFound" | "ownOnly";

function expectedOutcome(m: Mutation, role: Role, scope: Scope): Expected {
  const allowed = [m.permission, ...(m.alsoRequires ?? [])].every((p) => can(role, p));
  // Role check comes first, so a forbidden role learns nothing about ids.
  if (!allowed) return "forbidden";
  if (scope === "own") return "ok";
  // A foreign id for an allowed role is "not found", exactly like a missing one.
  return m.noForeignInput ? "ownOnly" : "notFound";
}

/** What the call did, as a comparable label (unexpected errors keep their name and message for the failure output). */
function outcomeOf(result: unknown): string {
  if (result === OK) return "ok";
  if (isDomainError(result) && result.code === "forbidden") return "forbidden";
  if (isDomainError(result) && result.code === "notFound") return "notFound";
  return result instanceof Error ? `unexpected ${result.name}: ${result.message}` : `unexpected ${String(result)}`;
}
const OK = Symbol("ok");

const cases = MUTATIONS.flatMap((m) =>
  ROLES.flatMap((role) =>
    SCOPES.map((scope) => {
      const expected = expectedOutcome(m, role, scope);
      return {
        label: `${m.name} × ${role} × ${scope} → ${expected === "ownOnly" ? "ok, own workspace only" : expected}`,
        m,
        role,
        scope,
        expected,
      };
    }),
  ),
);

describe("mutation authorisation matrix", () => {
  test.each(cases)("$label", async ({ m, role, scope, expected }) => {
    const target = scope === "own" ? own : foreign;
    await m.prepare?.(target);
    const actor = actorFor(role);
    const before = await snapshot();
    const foreignBefore = await snapshot(foreign.workspace.id);
    const result = await m.run(actor, target).then(
      () => OK,
      (e: unknown) => e,
    );
    const outcome = outcomeOf(result);

    if (expected === "ok" || expected === "ownOnly") {
      expect(outcome).toBe("ok");
      if (!m.readOnly) expect(await snapshot(), "an allowed mutation should change something").not.toBe(before);
      else expect(await snapshot()).toBe(before);
      // Whatever an allowed actor does, the other workspace's rows never move.
      expect(await snapshot(foreign.workspace.id)).toBe(foreignBefore);
      return;
    }

    expect(outcome).toBe(expected);
    // Typed action result, never a rethrow (a rethrow is a 500).
    expect(errorResult(result)).toEqual({ ok: false, error: expected });
    if (isDomainError(result) && result.code === "forbidden")
      expect([m.permission, ...(m.alsoRequires ?? [])]).toContain(result.subject);
    expect(await snapshot()).toBe(before);
  });

  test("covers every (row × role × scope) once", () => {
    expect(cases.length).toBe(MUTATIONS.length * ROLES.length * SCOPES.length);
    expect(new Set(cases.map((c) => c.label)).size).toBe(cases.length);
  });
});

// ---- Viewers creating share links: allowed by the role table, narrowed by the workspace switch ---------------------

describe("viewer × share-link create, with the workspace switch on and off", () => {
  const create = (role: Role) =>
    shareLinks.createShareLink(actorFor(role), { decisionId: [...own.decisions.values()][0], days: 7, ip: null }).then(
      () => OK,
      (e: unknown) => e,
    );

  test("switch on: a viewer creates a link, and the audit trail names the viewer", async () => {
    await setViewerSwitch(own, true);
    const viewer = actorFor("VIEWER");
    expect(outcomeOf(await create("VIEWER"))).toBe("ok");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: own.workspace.id, action: "share_link.created" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(event.actorId).toBe(viewer.userId);
    expect(await shareLinks.mayCreateShareLinks(viewer)).toBe(true);
  });

  test("switch off: the viewer is refused (forbidden, share.create) and nothing changes; architects still may", async () => {
    await setViewerSwitch(own, false);
    const before = await snapshot();
    const result = await create("VIEWER");
    expect(outcomeOf(result)).toBe("forbidden");
    expect(result).toMatchObject({ subject: "share.create" });
    expect(errorResult(result)).toEqual({ ok: false, error: "forbidden" });
    expect(await snapshot()).toBe(before);
    expect(await shareLinks.mayCreateShareLinks(actorFor("VIEWER"))).toBe(false);
    expect(outcomeOf(await create("ARCHITECT"))).toBe("ok");
    expect(outcomeOf(await create("ADMIN"))).toBe("ok");
    // Team leads never held the permission; the switch does not grant it.
    await setViewerSwitch(own, true);
    expect(outcomeOf(await create("TEAM_LEAD"))).toBe("forbidden");
  });

  test("the admin's switch is audited and only an admin can move it", async () => {
    await setViewerSwitch(own, true);
    await workspaces.setViewerShareLinks(actorFor("ADMIN"), false, { ip: null });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: own.workspace.id } })).viewerShareLinks).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: own.workspace.id, action: "workspace.settings_changed" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(event.after).toEqual({ viewerShareLinks: false });
    for (const role of ["ARCHITECT", "TEAM_LEAD", "VIEWER"] as const) {
      const e = await workspaces.setViewerShareLinks(actorFor(role), true, { ip: null }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "forbidden" });
    }
    expect((await db.workspace.findUniqueOrThrow({ where: { id: own.workspace.id } })).viewerShareLinks).toBe(false);
    await setViewerSwitch(own, true);
  });
});

// ---- The exempt self-service actions still never cross a workspace --------------------------------------------------

describe("exempt membership actions: another workspace is a missing one", () => {
  test("switchWorkspace to a workspace the user is not a member of → NotFound, nothing changes", async () => {
    const viewer = actorFor("VIEWER");
    const session = await db.session.create({
      data: {
        userId: viewer.userId,
        tokenHash: hashToken(generateToken()),
        expiresAt: new Date(Date.now() + 86_400_000),
        activeWorkspaceId: own.workspace.id,
      },
    });
    const before = await snapshot();
    const e = await workspaces.switchWorkspace(session, foreign.workspace.id, { ip: null }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "notFound" });
    expect(errorResult(e)).toEqual({ ok: false, error: "notFound" });
    expect(await snapshot()).toBe(before);
  });

  test("leaveWorkspace of a workspace the user is not a member of → NotFound, nothing changes", async () => {
    const before = await snapshot();
    const e = await members
      .leaveWorkspace(actorFor("VIEWER").userId, foreign.workspace.id, { ip: null })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "notFound" });
    expect(await snapshot()).toBe(before);
  });
});

// ---- Mixed ids: an own parent with a foreign child must not smuggle the child in ---------------------------------

/** An allowed actor (ADMIN) naming an own row plus a foreign one: always "not found", nothing written. */
const MIXED: { name: string; run: (admin: Actor) => Promise<unknown> }[] = [
  {
    name: "decisions.updateDecisionField teamId = foreign team",
    run: async (a) => {
      const d = await decisionOf(own);
      return decisions.updateDecisionField(a, {
        decisionId: d.id,
        version: d.version,
        field: "teamId",
        base: d.teamId,
        value: (await teamOf(foreign)).id,
      });
    },
  },
  {
    name: "teams.addMember userId = foreign user",
    run: async (a) =>
      teams.addMember(a, {
        teamId: (await teamOf(own)).id,
        name: nextName("member"),
        userId: foreign.users.get("viewer")!,
      }),
  },
  {
    name: "teams.updateMember userId = foreign user",
    run: async (a) => {
      const m = await memberOf(own);
      return teams.updateMember(a, {
        memberId: m.id,
        version: m.version,
        name: m.name,
        userId: foreign.users.get("viewer")!,
      });
    },
  },
  {
    name: "ratings.setRating own member + foreign skill",
    run: async (a) =>
      ratings.setRating(a, {
        memberId: (await memberOf(own)).id,
        skillId: (await skillOf(foreign)).id,
        level: 5,
        version: null,
      }),
  },
  {
    name: "ratings.setOverride own team + foreign skill",
    run: async (a) =>
      ratings.setOverride(a, {
        teamId: (await teamOf(own)).id,
        skillId: (await skillOf(foreign)).id,
        level: 5,
        reason: "x",
        version: null,
      }),
  },
  {
    name: "ratings.pasteRatings own team + foreign member",
    run: async (a) =>
      ratings.pasteRatings(a, {
        teamId: (await teamOf(own)).id,
        cells: [{ memberId: (await memberOf(foreign)).id, skillId: (await skillOf(own)).id, text: "5", version: null }],
      }),
  },
  {
    name: "requirements.saveRequirement own decision + foreign skill",
    run: async (a) =>
      requirements.saveRequirement(a, {
        decisionId: (await decisionOf(own)).id,
        candidateId: (await candidateOf(own)).id,
        skillId: (await skillOf(foreign)).id,
        weight: 1,
        minLevel: null,
        version: null,
      }),
  },
  {
    name: "requirements.saveRequirement own decision + foreign candidate",
    run: async (a) =>
      requirements.saveRequirement(a, {
        decisionId: (await decisionOf(own)).id,
        candidateId: (await candidateOf(foreign)).id,
        skillId: (await skillOf(own)).id,
        weight: 1,
        minLevel: null,
        version: null,
      }),
  },
  {
    name: "facts.setFact own decision + foreign metric criterion",
    run: async (a) =>
      facts.setFact(a, {
        decisionId: (await decisionOf(own)).id,
        criterionId: (await metricCriterionOf(foreign)).id,
        candidateId: (await candidateOf(own)).id,
        value: 1,
        unit: "ms",
        sourceUrl: "",
        note: "",
        measuredOn: "2024-11-12",
        version: null,
      }),
  },
  {
    name: "scores.saveScore own decision + foreign criterion",
    run: async (a) =>
      scores.saveScore(a, {
        decisionId: (await decisionOf(own)).id,
        criterionId: (await ratingCriterionOf(foreign)).id,
        candidateId: (await candidateOf(own)).id,
        value: 1,
        version: null,
      }),
  },
  {
    name: "judgments.saveJudgment own decision + foreign criteria",
    run: async (a) => {
      const [x, y] = await db.criterion.findMany({
        where: { decisionId: (await decisionOf(foreign)).id },
        orderBy: { id: "asc" },
        take: 2,
      });
      return judgments.saveJudgment(a, {
        decisionId: (await decisionOf(own)).id,
        criterionAId: x.id,
        criterionBId: y.id,
        value: 3,
        version: null,
      });
    },
  },
  {
    name: "candidateJudgments.saveCandidateJudgment own decision + foreign criterion",
    run: async (a) => {
      const d = await decisionOf(own);
      const [x, y] = await db.candidate.findMany({ where: { decisionId: d.id }, orderBy: { id: "asc" }, take: 2 });
      const c = await db.criterion.findFirstOrThrow({
        where: { decisionId: (await decisionOf(foreign)).id, pairwise: true },
      });
      return candidateJudgments.saveCandidateJudgment(a, {
        decisionId: d.id,
        criterionId: c.id,
        candidateAId: x.id,
        candidateBId: y.id,
        value: 3,
        version: null,
      });
    },
  },
  {
    name: "candidateJudgments.saveCandidateJudgment own criterion + foreign candidates",
    run: async (a) => {
      const d = await decisionOf(own);
      const [x, y] = await db.candidate.findMany({
        where: { decisionId: (await decisionOf(foreign)).id },
        orderBy: { id: "asc" },
        take: 2,
      });
      const c = await db.criterion.findFirstOrThrow({ where: { decisionId: d.id, pairwise: true } });
      return candidateJudgments.saveCandidateJudgment(a, {
        decisionId: d.id,
        criterionId: c.id,
        candidateAId: x.id,
        candidateBId: y.id,
        value: 3,
        version: null,
      });
    },
  },
  {
    name: "criteria.restoreCriterion own decision + foreign undo token",
    run: async (a) => {
      await ensureUndoToken(foreign, "criterion.removed");
      const token = (await undoTokenOf(foreign, "criterion.removed"))!.undoToken;
      return criteria.restoreCriterion(a, { decisionId: (await decisionOf(own)).id, undoToken: token });
    },
  },
  {
    name: "candidates.restoreCandidate own decision + foreign undo token",
    run: async (a) => {
      await ensureUndoToken(foreign, "candidate.removed");
      const token = (await undoTokenOf(foreign, "candidate.removed"))!.undoToken;
      return candidates.restoreCandidate(a, { decisionId: (await decisionOf(own)).id, undoToken: token });
    },
  },
  {
    name: "scenarios.createScenario own decision + only foreign criterion weights",
    run: async (a) =>
      scenarios.createScenario(a, {
        decisionId: (await decisionOf(own)).id,
        name: nextName("scenario"),
        weights: { [(await ratingCriterionOf(foreign)).id]: 10 },
      }),
  },
];

describe("mixed own/foreign ids", () => {
  test.each(MIXED)("$name → notFound", async ({ run }) => {
    // Undo tokens of the foreign workspace exist before the snapshot (the probes only look them up again).
    await ensureUndoToken(foreign, "criterion.removed");
    await ensureUndoToken(foreign, "candidate.removed");
    await metricCriterionOf(foreign);
    const before = await snapshot();
    const e = await run(actorFor("ADMIN")).then(
      () => OK,
      (x: unknown) => x,
    );
    expect(outcomeOf(e)).toBe("notFound");
    expect(errorResult(e)).toEqual({ ok: false, error: "notFound" });
    expect(await snapshot()).toBe(before);
  });
});
