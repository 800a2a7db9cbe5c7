import "server-only";
import { fixAutoReferences } from "./auto-references";
import { createHash } from "node:crypto";
import type { ParsedMatrix } from "@/lib/import/matrix";
import {
  metricScoresAsFacts,
  parseDecisionJson,
  type DecisionJson,
  type DecisionJsonFile,
} from "@/lib/validation/decision-json";
import { todayIso } from "@/lib/validation/fact";
import type { ImportIssue, ImportTarget } from "@/lib/validation/import";
import type { TransactionClient } from "@/lib/db/write-queue";
import type { Actor } from "./actor";
import { authorize, can, type Permission } from "./authz";
import { recordAudit } from "./audit";
import { db, writeTransaction } from "./db";
import { loadEditableDecision } from "./decision-access";
import { stale, rejected } from "@/lib/errors/domain-error";

// Imports are two steps with nothing written in between: plan (read-only; the preview the user sees, with a
// fingerprint of the state it was computed from) and apply (one write transaction that recomputes the plan, refuses
// when the fingerprint moved, then writes everything or nothing).

/** Who may upload a file for import at all; the action calls this before it reads the upload. */
export function authorizeImport(actor: Actor): void {
  authorize(actor, "decision.write");
}

const nameKey = (s: string) => s.normalize("NFKC").trim().toLowerCase();

export interface MatrixPlan {
  mode: "new" | "existing";
  decisionId: string | null;
  title: string;
  criteria: number;
  candidates: number;
  scores: number;
  newCriteria: string[];
  newCandidates: string[];
  weightChanges: { name: string; from: number; to: number }[];
  replacedScores: number;
  /** Cells whose value is outside the existing criterion's scale (existing decisions keep their scales). */
  issues: ImportIssue[];
  fingerprint: string;
}

type ExistingState = {
  id: string;
  title: string;
  criteria: {
    id: string;
    name: string;
    weight: number;
    kind: string;
    unit: string | null;
    scaleMin: number | null;
    scaleMax: number | null;
    version: number;
  }[];
  candidates: { id: string; name: string }[];
  myScores: { id: string; criterionId: string; candidateId: string; value: number; version: number }[];
};

async function existingState(client: TransactionClient, actor: Actor, decisionId: string): Promise<ExistingState> {
  const d = await loadEditableDecision(actor, decisionId, "decision.write", client);
  authorize(actor, "score.write");
  const full = await client.decision.findUniqueOrThrow({
    where: { id: d.id },
    select: {
      id: true,
      title: true,
      criteria: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          weight: true,
          kind: true,
          unit: true,
          scaleMin: true,
          scaleMax: true,
          version: true,
        },
      },
      candidates: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true } },
    },
  });
  const myScores = await client.score.findMany({
    where: { evaluatorId: actor.userId, criterion: { decisionId: d.id } },
    select: { id: true, criterionId: true, candidateId: true, value: true, version: true },
    orderBy: { id: "asc" },
  });
  return { ...full, myScores };
}

function plan(matrix: ParsedMatrix, target: ImportTarget, state: ExistingState | null): MatrixPlan {
  const scoreCount = matrix.criteria.reduce((s, c) => s + c.values.filter((v) => v !== null).length, 0);
  if (!state) {
    const title = (target.mode === "new" && target.title) || matrix.title || "Imported decision";
    const base = {
      mode: "new" as const,
      decisionId: null,
      title,
      criteria: matrix.criteria.length,
      candidates: matrix.candidates.length,
      scores: scoreCount,
      newCriteria: matrix.criteria.map((c) => c.name),
      newCandidates: matrix.candidates,
      weightChanges: [],
      replacedScores: 0,
      issues: [],
    };
    return { ...base, fingerprint: fingerprint(["new"]) };
  }
  const crit = new Map(state.criteria.map((c) => [nameKey(c.name), c]));
  const cand = new Map(state.candidates.map((c) => [nameKey(c.name), c]));
  const mine = new Map(state.myScores.map((s) => [`${s.criterionId}|${s.candidateId}`, s]));
  const issues: ImportIssue[] = [];
  let replaced = 0;
  for (const c of matrix.criteria) {
    const existing = crit.get(nameKey(c.name));
    if (!existing) continue;
    if (existing.kind === "RATING") {
      const lo = existing.scaleMin ?? 0;
      const hi = existing.scaleMax ?? 10;
      c.values.forEach((v, i) => {
        if (v !== null && (v < lo || v > hi))
          issues.push({ key: "outOfScale", params: { value: v, min: lo, max: hi }, row: c.row });
        void i;
      });
    }
    matrix.candidates.forEach((name, i) => {
      const k = cand.get(nameKey(name));
      if (k && c.values[i] !== null && mine.has(`${existing.id}|${k.id}`)) replaced++;
    });
  }
  return {
    mode: "existing",
    decisionId: state.id,
    title: state.title,
    criteria: matrix.criteria.length,
    candidates: matrix.candidates.length,
    scores: scoreCount,
    newCriteria: matrix.criteria.filter((c) => !crit.has(nameKey(c.name))).map((c) => c.name),
    newCandidates: matrix.candidates.filter((n) => !cand.has(nameKey(n))),
    weightChanges: matrix.criteria.flatMap((c) => {
      const e = crit.get(nameKey(c.name));
      return e && e.weight !== c.weight ? [{ name: e.name, from: e.weight, to: c.weight }] : [];
    }),
    replacedScores: replaced,
    issues,
    // Anything the import would touch: criteria (weights, versions), candidates and the importer's scores.
    fingerprint: fingerprint([state.criteria, state.candidates, state.myScores]),
  };
}

function fingerprint(x: unknown): string {
  return createHash("sha256").update(JSON.stringify(x)).digest("hex");
}

/** Read-only preview of a matrix import. */
export async function planMatrixImport(actor: Actor, matrix: ParsedMatrix, target: ImportTarget): Promise<MatrixPlan> {
  authorize(actor, "decision.write");
  authorize(actor, "score.write");
  return plan(matrix, target, target.mode === "existing" ? await existingState(db, actor, target.decisionId) : null);
}

/** Writes a matrix import, all or nothing; scores are the importing user's own. Returns the decision id. */
export async function applyMatrixImport(
  actor: Actor,
  matrix: ParsedMatrix,
  target: ImportTarget,
  expectedFingerprint: string,
): Promise<{ decisionId: string }> {
  authorize(actor, "decision.write");
  authorize(actor, "score.write");
  return writeTransaction(async (tx) => {
    const state = target.mode === "existing" ? await existingState(tx, actor, target.decisionId) : null;
    const p = plan(matrix, target, state);
    if (p.issues.length) throw rejected("importRejected", p.issues);
    if (p.fingerprint !== expectedFingerprint) throw stale("import", p);
    let decisionId: string;
    const criterionIds: string[] = [];
    const candidateIds: string[] = [];
    if (!state) {
      const d = await tx.decision.create({
        data: { workspaceId: actor.workspaceId, title: p.title.slice(0, 200), createdById: actor.userId },
      });
      decisionId = d.id;
    } else decisionId = state.id;
    const crit = new Map(state?.criteria.map((c) => [nameKey(c.name), c]) ?? []);
    const cand = new Map(state?.candidates.map((c) => [nameKey(c.name), c]) ?? []);
    let position = state?.criteria.length ?? 0;
    for (const c of matrix.criteria) {
      const e = crit.get(nameKey(c.name));
      if (e) {
        if (e.weight !== c.weight)
          await tx.criterion.update({ where: { id: e.id }, data: { weight: c.weight, version: { increment: 1 } } });
        criterionIds.push(e.id);
      } else {
        const row = await tx.criterion.create({
          data: {
            decisionId,
            name: c.name,
            weight: c.weight,
            kind: c.kind,
            direction: c.direction,
            scaleMin: c.scaleMin,
            scaleMax: c.scaleMax,
            unit: c.unit,
            // A new metric from a spreadsheet fixes its references at the imported range (lib/server/auto-references.ts).
            autoReferences: c.kind === "METRIC",
            position: position++,
          },
        });
        criterionIds.push(row.id);
      }
    }
    position = state?.candidates.length ?? 0;
    for (const name of matrix.candidates) {
      const e = cand.get(nameKey(name));
      candidateIds.push(
        e ? e.id : (await tx.candidate.create({ data: { decisionId, name, position: position++ } })).id,
      );
    }
    await fixAutoReferences(tx, actor, criterionIds);
    const mine = new Map(state?.myScores.map((s) => [`${s.criterionId}|${s.candidateId}`, s]) ?? []);
    const creates: { criterionId: string; candidateId: string; evaluatorId: string; value: number }[] = [];
    const today = new Date(`${todayIso()}T00:00:00.000Z`);
    for (const [i, c] of matrix.criteria.entries()) {
      const stored = crit.get(nameKey(c.name));
      const kind = stored?.kind ?? c.kind;
      for (const [k, v] of c.values.entries()) {
        if (v === null) continue;
        if (kind === "METRIC") {
          // A measured value is the cell's one shared fact, not the importer's opinion.
          const unit = (stored ? stored.unit : c.unit)?.trim() || null;
          await tx.fact.upsert({
            where: { criterionId_candidateId: { criterionId: criterionIds[i], candidateId: candidateIds[k] } },
            create: {
              criterionId: criterionIds[i],
              candidateId: candidateIds[k],
              value: v,
              unit,
              measuredOn: today,
              enteredById: actor.userId,
            },
            update: { value: v, enteredById: actor.userId, version: { increment: 1 } },
          });
          continue;
        }
        const existing = mine.get(`${criterionIds[i]}|${candidateIds[k]}`);
        if (existing) {
          if (existing.value !== v)
            await tx.score.update({ where: { id: existing.id }, data: { value: v, version: { increment: 1 } } });
        } else
          creates.push({
            criterionId: criterionIds[i],
            candidateId: candidateIds[k],
            evaluatorId: actor.userId,
            value: v,
          });
      }
    }
    if (creates.length) await tx.score.createMany({ data: creates });
    await fixAutoReferences(tx, actor, criterionIds);
    if (state) await tx.decision.update({ where: { id: decisionId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.imported",
      entityType: "Decision",
      entityId: decisionId,
      after: {
        decisionId,
        source: "matrix",
        mode: p.mode,
        criteria: p.criteria,
        candidates: p.candidates,
        scores: p.scores,
        newCriteria: p.newCriteria,
        newCandidates: p.newCandidates,
        weightChanges: p.weightChanges,
      },
    });
    return { decisionId };
  });
}

export interface JsonPlan {
  title: string;
  criteria: number;
  candidates: number;
  scores: number;
  facts: number;
  judgments: number;
  candidateJudgments: number;
  teamName: string | null;
  warnings: ImportIssue[];
}

type Resolved = {
  json: DecisionJson;
  plan: JsonPlan;
  users: Map<string, string>;
  skills: Map<string, string>;
  teamId: string | null;
};

async function resolveJson(
  client: TransactionClient,
  actor: Actor,
  input: DecisionJson | DecisionJsonFile,
): Promise<Resolved> {
  // Callers other than the upload reader (tests, a future API) hand in objects too: validate them the same way.
  const parsed = parseDecisionJson(input);
  if (!parsed.ok) throw rejected("importRejected", parsed.issues);
  // Older files carry measurements as metric scores; they arrive as facts, the way the migration moved stored ones.
  const json = metricScoresAsFacts(parsed.json);
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  // Each evaluator is a member of this workspace whose role may do what the file says they did (score, judge):
  // the same permission the editors check. Issues point at the first row that names the person.
  const uses = new Map<string, { path: string; permission: Permission }>();
  json.scores.forEach((s, i) => {
    if (!uses.has(s.evaluator)) uses.set(s.evaluator, { path: `scores.${i}.evaluator`, permission: "score.write" });
  });
  json.judgments.forEach((j, i) => {
    if (!uses.has(j.evaluator)) uses.set(j.evaluator, { path: `judgments.${i}.evaluator`, permission: "ahp.write" });
  });
  // Comparing candidates is scoring them, so it takes the scorer's permission.
  json.candidateJudgments.forEach((j, i) => {
    if (!uses.has(j.evaluator))
      uses.set(j.evaluator, { path: `candidateJudgments.${i}.evaluator`, permission: "score.write" });
  });
  const members = await client.membership.findMany({
    where: { workspaceId: actor.workspaceId, user: { email: { in: [...uses.keys()] } } },
    select: { role: true, user: { select: { id: true, email: true } } },
  });
  const byEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m]));
  const users = new Map<string, string>();
  for (const [email, use] of uses) {
    const m = byEmail.get(email);
    if (!m) issues.push({ key: "unknownEvaluator", params: { email }, path: use.path });
    else if (
      ((json.scores.some((s) => s.evaluator === email) || json.candidateJudgments.some((j) => j.evaluator === email)) &&
        !can(m.role, "score.write")) ||
      (json.judgments.some((j) => j.evaluator === email) && !can(m.role, "ahp.write"))
    )
      issues.push({ key: "evaluatorNotScorer", params: { email }, path: use.path });
    else users.set(email, m.user.id);
  }
  const skillNames = [...new Set(json.candidates.flatMap((c) => c.requirements.map((r) => r.skill)))];
  const skillRows = await client.skill.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { id: true, name: true },
  });
  const byName = new Map(skillRows.map((s) => [nameKey(s.name), s.id]));
  const skills = new Map<string, string>();
  for (const n of skillNames) {
    const id = byName.get(nameKey(n));
    if (id) skills.set(n, id);
    else issues.push({ key: "unknownSkill", params: { name: n }, path: skillPath(json, n) });
  }
  let teamId: string | null = null;
  if (json.decision.team) {
    const team = await client.team.findFirst({
      where: { workspaceId: actor.workspaceId, name: json.decision.team },
      select: { id: true },
    });
    if (team) teamId = team.id;
    else warnings.push({ key: "teamNotFound", params: { team: json.decision.team } });
  }
  if (issues.length) throw rejected("importRejected", issues);
  return {
    json,
    users,
    skills,
    teamId,
    plan: {
      title: json.decision.title,
      criteria: json.criteria.length,
      candidates: json.candidates.length,
      scores: json.scores.length,
      facts: json.facts.length,
      judgments: json.judgments.length,
      candidateJudgments: json.candidateJudgments.length,
      teamName: teamId ? json.decision.team : null,
      warnings,
    },
  };
}

function skillPath(json: DecisionJson, skill: string): string | undefined {
  for (const [i, c] of json.candidates.entries()) {
    const k = c.requirements.findIndex((r) => r.skill === skill);
    if (k >= 0) return `candidates.${i}.requirements.${k}.skill`;
  }
  return undefined;
}

/** Members of the actor's workspace by (lower-case) email; emails of anybody else are simply absent. */
async function membersByEmail(client: TransactionClient, actor: Actor, emails: (string | null)[]) {
  const wanted = [...new Set(emails.filter((e): e is string => !!e))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await client.membership.findMany({
    where: { workspaceId: actor.workspaceId, user: { email: { in: wanted } } },
    select: { user: { select: { id: true, email: true } } },
  });
  return new Map(rows.map((m) => [m.user.email.toLowerCase(), m.user.id]));
}

/** Read-only preview of a whole-decision JSON import (always into a new decision). */
export async function planJsonImport(actor: Actor, file: DecisionJson | DecisionJsonFile): Promise<JsonPlan> {
  authorize(actor, "decision.write");
  return (await resolveJson(db, actor, file)).plan;
}

/** Creates the decision from the file: the same criteria, candidates, requirements, scores and judgments. */
export async function applyJsonImport(
  actor: Actor,
  input: DecisionJson | DecisionJsonFile,
): Promise<{ decisionId: string }> {
  authorize(actor, "decision.write");
  return writeTransaction(async (tx) => {
    const { json, users, skills, teamId, plan: p } = await resolveJson(tx, actor, input);
    const d = await tx.decision.create({
      data: {
        workspaceId: actor.workspaceId,
        teamId,
        title: json.decision.title,
        context: json.decision.context,
        status: json.decision.status,
        outcomeRationale: json.decision.outcomeRationale,
        settings: (json.decision.settings ?? undefined) as never,
        decidedAt: json.decision.status === "DECIDED" ? new Date() : null,
        createdById: actor.userId,
      },
    });
    const criterionIds = new Map<string, string>();
    for (const [position, { parent: _parent, ...c }] of json.criteria.entries()) {
      const row = await tx.criterion.create({ data: { decisionId: d.id, position, ...c } });
      criterionIds.set(c.name, row.id);
    }
    // The tree once every criterion exists (a group may be listed after its sub-criteria); the file rule checked it.
    for (const c of json.criteria) {
      if (c.parent === null) continue;
      await tx.criterion.update({
        where: { id: criterionIds.get(c.name)! },
        data: { parentId: criterionIds.get(c.parent)! },
      });
    }
    const candidateIds = new Map<string, string>();
    for (const [position, c] of json.candidates.entries()) {
      const row = await tx.candidate.create({
        data: { decisionId: d.id, position, name: c.name, description: c.description, link: c.link },
      });
      candidateIds.set(c.name, row.id);
      if (c.requirements.length)
        await tx.skillRequirement.createMany({
          data: c.requirements.map((r) => ({
            candidateId: row.id,
            skillId: skills.get(r.skill)!,
            weight: r.weight,
            minLevel: r.minLevel,
          })),
        });
    }
    if (json.decision.chosenCandidate)
      await tx.decision.update({
        where: { id: d.id },
        data: { chosenCandidateId: candidateIds.get(json.decision.chosenCandidate)! },
      });
    if (json.scores.length)
      await tx.score.createMany({
        data: json.scores.map((s) => ({
          criterionId: criterionIds.get(s.criterion)!,
          candidateId: candidateIds.get(s.candidate)!,
          evaluatorId: users.get(s.evaluator)!,
          value: s.value,
          rationale: s.rationale,
          evidenceUrl: s.evidenceUrl,
        })),
      });
    if (json.facts.length) {
      const credited = await membersByEmail(
        tx,
        actor,
        json.facts.map((f) => f.enteredBy),
      );
      await tx.fact.createMany({
        data: json.facts.map((f) => ({
          criterionId: criterionIds.get(f.criterion)!,
          candidateId: candidateIds.get(f.candidate)!,
          value: f.value,
          unit: f.unit ?? (json.criteria.find((c) => c.name === f.criterion)?.unit?.trim() || null),
          sourceUrl: f.sourceUrl,
          note: f.note,
          measuredOn: new Date(`${f.measuredOn}T00:00:00.000Z`),
          enteredById: (f.enteredBy && credited.get(f.enteredBy)) || actor.userId,
        })),
      });
    }
    if (json.judgments.length)
      await tx.pairwiseJudgment.createMany({
        data: json.judgments.map((j) => ({
          decisionId: d.id,
          evaluatorId: users.get(j.evaluator)!,
          criterionAId: criterionIds.get(j.criterionA)!,
          criterionBId: criterionIds.get(j.criterionB)!,
          value: j.value,
        })),
      });
    if (json.candidateJudgments.length)
      await tx.candidateJudgment.createMany({
        data: json.candidateJudgments.map((j) => ({
          decisionId: d.id,
          evaluatorId: users.get(j.evaluator)!,
          criterionId: criterionIds.get(j.criterion)!,
          candidateAId: candidateIds.get(j.candidateA)!,
          candidateBId: candidateIds.get(j.candidateB)!,
          value: j.value,
        })),
      });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "decision.imported",
      entityType: "Decision",
      entityId: d.id,
      after: {
        decisionId: d.id,
        source: "json",
        criteria: p.criteria,
        candidates: p.candidates,
        scores: p.scores,
        facts: p.facts,
        judgments: p.judgments,
        candidateJudgments: p.candidateJudgments,
      },
    });
    return { decisionId: d.id };
  });
}
