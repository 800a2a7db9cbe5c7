import "server-only";
import type { Actor } from "./actor";
import { authorize, type Permission } from "./authz";
import { blindState, mayReadEvaluatorEmails, visibleScores } from "./blind";
import { db } from "./db";
import { notFound } from "@/lib/errors/domain-error";
import { getDecision } from "./decisions";
import { usersById } from "./people";
import { cachedResult } from "./evaluation-cache";
import { memoRead } from "./read-memo";
import { reportOptions, reportOutcome, treeView, type ChangeEntry, type ReportBundle } from "@/lib/export/bundle";
import {
  DECISION_ENTITY_TYPES,
  describeChange,
  referencedIds,
  snapshotNames,
  type AuditRow,
} from "@/lib/export/change-log";
import { buildDecisionJson } from "@/lib/export/decision-json";
import { evaluationForJson } from "@/lib/export/evaluation-json";
import type { DecisionJsonFile } from "@/lib/validation/decision-json";

export const CHANGE_LIMIT = 30;

/** A report bundle before its evaluation: everything a renderer reads apart from the engine's output. */
export type ReportInputs = Omit<ReportBundle, "result" | "errors">;

/**
 * One decision with its evaluation and change summary, for the report view and every export. `permission` is
 * decision.read for the report page and export.read for downloads (both every role today; kept apart so either can
 * be narrowed). A foreign or missing id is NotFoundError. The evaluation is computed once per version of its inputs
 * (lib/server/evaluation-cache.ts).
 */
export async function loadReportBundle(
  actor: Actor,
  decisionId: string,
  permission: Permission = "decision.read",
): Promise<ReportBundle> {
  return withEvaluation(actor, await loadReportInputs(actor, decisionId, permission));
}

export async function withEvaluation(actor: Actor, inputs: ReportInputs): Promise<ReportBundle> {
  const outcome = await cachedResult(actor, inputs.decision, reportOptions(inputs.decision));
  const evaluated = reportOutcome(outcome);
  return { ...inputs, ...evaluated, ...treeView(inputs.decision, evaluated.result) };
}

export async function loadReportInputs(
  actor: Actor,
  decisionId: string,
  permission: Permission = "decision.read",
): Promise<ReportInputs> {
  authorize(actor, permission);
  const decision = await getDecision(actor, decisionId);
  if (!decision) throw notFound("decision");
  const extra = await db.decision.findUniqueOrThrow({
    where: { id: decision.id },
    select: { settings: true, decidedAt: true, createdById: true, team: { select: { name: true } } },
  });
  const people = await db.user.findMany({
    where: { id: { in: [...decision.evaluators.map((e) => e.id), ...(extra.createdById ? [extra.createdById] : [])] } },
    select: { id: true, name: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const { changes, changeCount } = await decisionChanges(actor, decision);
  return {
    decision,
    teamName: extra.team?.name ?? null,
    decidedAt: extra.decidedAt?.toISOString() ?? null,
    createdByName: extra.createdById ? (byId.get(extra.createdById)?.name ?? null) : null,
    settings: isRecord(extra.settings) ? extra.settings : null,
    evaluators: decision.evaluators.map((e) => ({ id: e.id, name: e.name })),
    // A METRIC cell's raw value is its fact: the report names where it was measured and when.
    cellSources: decision.facts.map((f) => ({
      criterionId: f.criterionId,
      candidateId: f.candidateId,
      sourceUrl: f.sourceUrl || null,
      measuredOn: f.measuredOn,
    })),
    changes,
    changeCount,
    generatedAt: new Date().toISOString(),
  };
}

/**
 * The decision's change summary from the audit trail: events on the decision itself or on its current parts, and
 * events whose before/after names the decision (covers parts that have since been deleted).
 */
export async function listDecisionChanges(
  actor: Actor,
  decisionId: string,
): Promise<{ changes: ChangeEntry[]; changeCount: number }> {
  authorize(actor, "decision.read");
  const decision = await getDecision(actor, decisionId);
  if (!decision) throw notFound("decision");
  return decisionChanges(actor, decision);
}

async function decisionChanges(actor: Actor, decision: NonNullable<Awaited<ReturnType<typeof getDecision>>>) {
  // One indexed range of the decision's own events (AuditEvent.decisionId, set by recordAudit): its cost follows this
  // decision's history, never the rest of the workspace.
  const where = {
    workspaceId: actor.workspaceId,
    decisionId: decision.id,
    entityType: { in: [...DECISION_ENTITY_TYPES] },
    createdAt: { gte: new Date(decision.createdAt) },
  };
  const toRow = (r: {
    createdAt: Date;
    actor: { name: string } | null;
    action: string;
    entityType: string;
    entityId: string | null;
    before: unknown;
    after: unknown;
  }): AuditRow => ({
    at: r.createdAt.toISOString(),
    actorName: r.actor?.name ?? null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  });
  const [changeCount, shown] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: CHANGE_LIMIT,
      include: { actor: { select: { name: true } } },
    }),
  ]);
  const audit = shown.map(toRow);
  const current = {
    criterion: new Map(decision.criteria.map((c) => [c.id, c.name])),
    candidate: new Map(decision.candidates.map((c) => [c.id, c.name])),
    skill: new Map(decision.skills.map((s) => [s.id, s.name])),
  };
  // Parts removed since keep the name their creation or removal snapshot recorded: read the events of just those
  // parts (by the [entityType, entityId] index), and only when a shown change names one.
  const known = new Set([...current.criterion.keys(), ...current.candidate.keys(), ...current.skill.keys()]);
  const missing = referencedIds(audit).filter((id) => !known.has(id));
  const snapshots = missing.length
    ? await db.auditEvent.findMany({
        where: { ...where, entityId: { in: missing } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: { actor: { select: { name: true } } },
      })
    : [];
  const removed = snapshotNames(snapshots.map(toRow));
  const lookup = (names: Map<string, string>) => (id: unknown) =>
    typeof id === "string" ? (names.get(id) ?? removed.get(id) ?? null) : null;
  const names = {
    criterion: lookup(current.criterion),
    candidate: lookup(current.candidate),
    skill: lookup(current.skill),
  };
  return { changeCount, changes: audit.map((r): ChangeEntry => describeChange(r, names)) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The whole decision in the exchange format (lib/validation/decision-json.ts), as the actor may see it: scores pass
 * the blind scoring rule (lib/server/blind.ts), and evaluators are named by e-mail (the format's re-import key) only
 * for people who may import; everyone else gets display names.
 */
export async function exportDecisionJson(actor: Actor, decisionId: string): Promise<DecisionJsonFile> {
  authorize(actor, "export.read");
  // The rows once per version of the decision's inputs for everyone (read-memo.ts); who may see which score, and by
  // which name, is decided below for this actor.
  const rows = await memoRead(actor, decisionId, {
    kind: "json-rows",
    shared: true,
    compute: () => readExportRows(actor, decisionId),
    size: (r) => (r ? 2048 + 300 * (r.scores.length + r.facts.length + r.d.criteria.length) : 0),
  });
  if (!rows) throw notFound("decision");
  const { d, scores: allScores, people, facts } = rows;
  const candidateJudgments = d.candidateJudgments.map((j) => ({
    ...j,
    candidateA: j.candidateAId,
    candidateB: j.candidateBId,
  }));
  const blind = blindState(actor, { ...d, scores: allScores, candidateJudgments });
  const scores = visibleScores(actor, blind, allScores);
  const person = mayReadEvaluatorEmails(actor)
    ? (u: { email: string; name: string }) => u.email
    : (u: { email: string; name: string }) => u.name;
  const detail = await getDecision(actor, d.id);
  const json = buildDecisionJson({
    title: d.title,
    context: d.context,
    status: d.status,
    outcomeRationale: d.outcomeRationale,
    chosenCandidateId: d.chosenCandidateId,
    teamName: d.team?.name ?? null,
    settings: isRecord(d.settings) ? d.settings : null,
    criteria: d.criteria,
    candidates: d.candidates.map((c) => ({
      ...c,
      requirements: c.requirements.map((r) => ({ skill: r.skill.name, weight: r.weight, minLevel: r.minLevel })),
    })),
    scores: scores.map((s) => ({
      criterionId: s.criterionId,
      candidateId: s.candidateId,
      evaluator: person(s.evaluator),
      value: s.value,
      rationale: s.rationale,
      evidenceUrl: s.evidenceUrl,
    })),
    facts: facts.map((f) => ({
      criterionId: f.criterionId,
      candidateId: f.candidateId,
      value: f.value,
      unit: f.unit,
      sourceUrl: f.sourceUrl,
      note: f.note,
      measuredOn: f.measuredOn.toISOString().slice(0, 10),
      enteredBy: f.enteredBy?.email ?? null,
    })),
    judgments: d.judgments.map((j) => ({
      criterionAId: j.criterionAId,
      criterionBId: j.criterionBId,
      evaluator: person(people.get(j.evaluatorId) ?? { email: "", name: "" }),
      value: j.value,
    })),
    candidateJudgments: visibleScores(actor, blind, candidateJudgments).map((j) => ({
      criterionId: j.criterionId,
      candidateAId: j.candidateAId,
      candidateBId: j.candidateBId,
      evaluator: person(people.get(j.evaluatorId) ?? { email: "", name: "" }),
      value: j.value,
    })),
  });
  // Additive: raw values with units, points, derivation and totals; import recomputes them and ignores this block.
  if (!detail) return json;
  // Computed, not cached: without the Monte Carlo run this is cheaper than a cache entry (evaluation-cache.ts).
  return {
    ...json,
    evaluation: evaluationForJson(
      detail,
      detail.facts.map((f) => ({
        criterionId: f.criterionId,
        candidateId: f.candidateId,
        sourceUrl: f.sourceUrl || null,
        measuredOn: f.measuredOn,
      })),
    ),
  };
}

/** The stored rows of the exchange format, before the blind scoring rule (exportDecisionJson applies it). */
async function readExportRows(actor: Actor, decisionId: string) {
  const d = await db.decision.findFirst({
    where: { id: decisionId, workspaceId: actor.workspaceId },
    include: {
      team: { select: { name: true } },
      criteria: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      candidates: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: { requirements: { include: { skill: { select: { name: true } } } } },
      },
      judgments: true,
      candidateJudgments: true,
    },
  });
  if (!d) return null;
  const rows = await db.score.findMany({ where: { criterion: { decisionId: d.id } } });
  const people = await usersById(
    db,
    [...rows, ...d.judgments, ...d.candidateJudgments].map((s) => s.evaluatorId),
    { id: true, email: true, name: true },
  );
  const scores = rows.map((s) => ({ ...s, evaluator: people.get(s.evaluatorId) ?? { email: "", name: "" } }));
  const facts = await db.fact.findMany({
    where: { criterion: { decisionId: d.id } },
    include: { enteredBy: { select: { email: true } } },
  });
  return { d, scores, people, facts };
}
