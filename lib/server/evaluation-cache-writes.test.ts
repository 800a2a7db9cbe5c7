// Every write path leaves nothing stale in the evaluation cache (lib/server/evaluation-cache.ts). The cache is keyed by
// content, so a write "invalidates" by changing what the key is computed from; this suite proves the key covers what
// each write changes. For every server action and every /api/v1 write operation (a completeness test fails on a new one
// without a case): fill the cache as two viewers (a viewer who sees every score, and an architect whom blind scoring
// may limit to their own), perform the write through the data layer the action or operation calls, then check that
// the result served from the cache equals a fresh, uncached evaluation, and that the report input served under the
// PDF key equals a fresh one — and, where the write changes the output, that it really differs from before (so a case
// cannot pass by changing nothing).
import "@/lib/testing/use-temp-db";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { OPERATIONS } from "@/lib/api/operations";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { reportOptions, reportOutcome } from "@/lib/export/bundle";
import { evaluateDecision } from "@/lib/scoring";
import type { Actor } from "./actor";
import * as accounts from "./accounts";
import * as candidates from "./candidates";
import { canonicalJson } from "./canonical-json";
import * as criteria from "./criteria";
import { db } from "./db";
import * as decisionCreate from "./decision-create";
import * as lifecycle from "./decision-lifecycle";
import { getDecision } from "./decisions";
import { cachedBytes, cachedResult } from "./evaluation-cache";
import { renderDownload, renderKeyParts } from "./export-downloads";
import { withoutReadMemo } from "./read-memo";
import { exportDecisionJson, loadReportInputs, type ReportInputs } from "./exports";
import * as factSnapshot from "./fact-snapshot";
import * as facts from "./facts";
import * as imports from "./imports";
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

type Seeded = Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ws: Seeded;
let decisionId: string;
let teamId: string;
let metricId: string;
const as = (key: string, role: Actor["role"]): Actor => ({
  userId: ws.users.get(key)!,
  workspaceId: ws.workspace.id,
  role,
});
let admin: Actor, ada: Actor, viewer: Actor;
let seq = 0;
const next = (what: string) => `Cache case ${what} ${++seq}`;
const NO_IP = { ip: null };

beforeAll(async () => {
  ws = await seedDemoWorkspace(db);
  admin = as("admin", "ADMIN");
  ada = as("ada", "ARCHITECT");
  viewer = as("viewer", "VIEWER");
  decisionId = ws.decisions.get("broker")!;
  teamId = (await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).teamId!;
  // Every kind of input in one decision: a measured METRIC (facts), a SKILL_MATCH criterion (team ratings, overrides
  // and requirements feed its points), and a complete set of AHP judgments.
  metricId = (await criteria.addCriterion(admin, { decisionId, name: "Cache p99", weight: 10, kind: "METRIC" })).id;
  await criteria.addCriterion(admin, { decisionId, name: "Cache fit", weight: 10, kind: "SKILL_MATCH" });
  const cands = await db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" } });
  for (const [i, k] of cands.entries())
    await facts.setFact(admin, {
      decisionId,
      criterionId: metricId,
      candidateId: k.id,
      value: 10 + 5 * i,
      unit: "ms",
      sourceUrl: "",
      note: "",
      measuredOn: "2026-11-01",
      version: null,
    });
  const ids = (await db.criterion.findMany({ where: { decisionId }, orderBy: { position: "asc" } })).map((c) => c.id);
  for (let i = 0; i < ids.length; i++)
    for (let k = i + 1; k < ids.length; k++)
      await judgments.saveJudgment(admin, {
        decisionId,
        criterionAId: ids[i],
        criterionBId: ids[k],
        value: 1 + ((i + k) % 3),
        version: null,
      });
}, 120_000);

// ---- What is served, and what a fresh computation gives ----------------------------------------------------------

/** Everything the PDF renderer is handed, computed without any cache: the stand-in for its bytes. */
function renderInput(inputs: ReportInputs): Uint8Array {
  const fresh = reportOutcome(evaluateDecision(toScoringModel(inputs.decision), reportOptions(inputs.decision)));
  const { generatedAt: _at, ...shown } = inputs;
  return new TextEncoder().encode(canonicalJson({ ...shown, ...fresh, locale: "en" }));
}

const resultsOperation = OPERATIONS.find((o) => o.operationId === "getResults")!;
/** The API's results body, as the operation's handler answers (memoised, lib/server/read-memo.ts). */
const apiResults = (who: Actor) =>
  resultsOperation.handler({
    actor: who,
    scopes: ["read"],
    params: { decisionId },
    query: { samples: 200 },
    body: undefined,
    ifMatch: null,
    request: new Request("http://127.0.0.1/api/v1"),
  } as never);
const jsonFile = async (who: Actor) => (await renderDownload(who, decisionId, "json", "en")).body;

async function observe(who: Actor) {
  const detail = (await getDecision(who, decisionId))!;
  const options = reportOptions(detail);
  const inputs = await loadReportInputs(who, decisionId, "export.read");
  return {
    // The reads kept in memory per input stamp, served and computed afresh.
    memo: { detail, json: await jsonFile(who), api: await apiResults(who) },
    freshMemo: await withoutReadMemo(async () => ({
      detail: await getDecision(who, decisionId),
      json: await jsonFile(who),
      api: await apiResults(who),
    })),
    served: await cachedResult(who, detail, options),
    fresh: evaluateDecision(toScoringModel(detail), options),
    servedRender: await cachedBytes(who, decisionId, "pdf", renderKeyParts(inputs, "en"), async () =>
      renderInput(inputs),
    ),
    freshRender: renderInput(inputs),
  };
}

// ---- Fixture look-ups (fresh every time: versions move on after each write) ----------------------------------------

const criterion = (id: string) => db.criterion.findUniqueOrThrow({ where: { id } });
const ratingCriterion = () =>
  db.criterion.findFirstOrThrow({ where: { decisionId, kind: "RATING" }, orderBy: { position: "asc" } });
const candidate = () => db.candidate.findFirstOrThrow({ where: { decisionId }, orderBy: { position: "asc" } });
const decision = () => db.decision.findUniqueOrThrow({ where: { id: decisionId } });
const team = () => db.team.findUniqueOrThrow({ where: { id: teamId } });
const member = () => db.teamMember.findFirstOrThrow({ where: { teamId }, orderBy: { position: "asc" } });
/** A skill the decision's candidates require (so its rating and override move the skill match). */
const requiredSkill = async () =>
  (await db.skillRequirement.findFirstOrThrow({ where: { candidate: { decisionId } }, orderBy: { id: "asc" } }))
    .skillId;
const toggle = <T>(current: T | null | undefined, a: T, b: T): T => (current === a ? b : a);
const fact = () => db.fact.findFirstOrThrow({ where: { criterionId: metricId }, orderBy: { id: "asc" } });
const ownScore = async (who: Actor) => {
  const [c, k] = await Promise.all([ratingCriterion(), candidate()]);
  return db.score.findUnique({
    where: { criterionId_candidateId_evaluatorId: { criterionId: c.id, candidateId: k.id, evaluatorId: who.userId } },
  });
};

/** Judgments of every pair of the decision's current criteria, so the AHP weights exist. */
async function completeJudgments() {
  const ids = (await db.criterion.findMany({ where: { decisionId }, orderBy: { id: "asc" } })).map((c) => c.id);
  for (let i = 0; i < ids.length; i++)
    for (let k = i + 1; k < ids.length; k++)
      await db.pairwiseJudgment.upsert({
        where: {
          decisionId_evaluatorId_criterionAId_criterionBId: {
            decisionId,
            evaluatorId: admin.userId,
            criterionAId: ids[i],
            criterionBId: ids[k],
          },
        },
        create: { decisionId, evaluatorId: admin.userId, criterionAId: ids[i], criterionBId: ids[k], value: 3 },
        update: {},
      });
}

async function setScoring(change: { aggregation?: "mean" | "median"; weightSource?: "direct" | "ahp" }) {
  const d = await decision();
  const now = (await getDecision(admin, decisionId))!.scoring;
  return lifecycle.updateScoringSettings(admin, {
    decisionId,
    version: d.version,
    aggregation: change.aggregation ?? now?.aggregation ?? "mean",
    weightSource: change.weightSource ?? now?.weightSource ?? "direct",
  });
}

// ---- The cases --------------------------------------------------------------------------------------------------

interface Case {
  /** The data-layer function (and variant) the write goes through. */
  name: string;
  /** "<lib/actions file>.<export>" of the server actions that call it. */
  actions: string[];
  /** operationId of the /api/v1 write operations that call it. */
  api?: string[];
  /** What the write changes as the viewer sees it: "result" (and so the report), only the "report", or "nothing". */
  changes: "result" | "report" | "nothing";
  /** Rows the write needs, created before the cache is filled. */
  prepare?: () => Promise<void>;
  run: () => Promise<unknown>;
}

const CASES: Case[] = [
  // the decision itself
  {
    name: "decision-lifecycle.updateDecisionField(title)",
    actions: ["decisions.updateDecisionFieldAction"],
    api: ["updateDecision"],
    changes: "report",
    run: async () => {
      const d = await decision();
      return lifecycle.updateDecisionField(admin, {
        decisionId,
        version: d.version,
        field: "title",
        base: d.title,
        value: next("title"),
      });
    },
  },
  {
    name: "decision-lifecycle.updateScoringSettings",
    actions: ["decisions.updateScoringSettingsAction"],
    changes: "result",
    // Three evaluators in one cell (0, 1 and the seeded score), so its mean and median differ.
    prepare: async () => {
      const [c, k] = await Promise.all([ratingCriterion(), candidate()]);
      for (const [evaluatorId, value] of [
        [admin.userId, 0],
        [as("lead", "TEAM_LEAD").userId, 1],
      ] as const)
        await db.score.upsert({
          where: { criterionId_candidateId_evaluatorId: { criterionId: c.id, candidateId: k.id, evaluatorId } },
          create: { criterionId: c.id, candidateId: k.id, evaluatorId, value },
          update: { value },
        });
    },
    run: () => setScoring({ aggregation: "median" }),
  },
  {
    name: "decision-lifecycle.changeDecisionStatus",
    actions: ["decisions.changeStatusAction"],
    api: ["changeDecisionStatus"],
    changes: "report",
    run: async () => {
      const d = await decision();
      return lifecycle.changeDecisionStatus(admin, {
        decisionId,
        version: d.version,
        from: d.status,
        to: d.status === "DRAFT" ? "IN_REVIEW" : "DRAFT",
        chosenCandidateId: "",
        outcomeRationale: "",
        supersededById: "",
      });
    },
  },
  {
    name: "decision-lifecycle.setDecisionArchived(archive, unarchive)",
    actions: ["decisions.archiveDecisionAction", "decisions.unarchiveDecisionAction"],
    api: ["archiveDecision", "unarchiveDecision"],
    changes: "report",
    run: async () => {
      await lifecycle.setDecisionArchived(admin, { decisionId, version: (await decision()).version }, true);
      await lifecycle.setDecisionArchived(admin, { decisionId, version: (await decision()).version }, false);
    },
  },
  {
    name: "decision-create.createDecision",
    actions: ["decisions.createDecisionAction"],
    api: ["createDecision"],
    changes: "nothing",
    run: () => decisionCreate.createDecision(admin, { title: next("decision"), teamId, template: "" }),
  },
  {
    name: "decision-create.duplicateDecision",
    actions: ["decisions.duplicateDecisionAction"],
    api: ["duplicateDecision"],
    changes: "nothing",
    run: () => decisionCreate.duplicateDecision(admin, decisionId, "(cache)"),
  },
  // criteria
  {
    name: "criteria.addCriterion",
    actions: ["criteria.addCriterionAction"],
    api: ["createCriterion"],
    changes: "result",
    run: () => criteria.addCriterion(admin, { decisionId, name: next("criterion"), weight: 3 }),
  },
  {
    name: "criteria.updateCriterionField(weight)",
    actions: ["criteria.updateCriterionFieldAction"],
    changes: "result",
    run: async () => {
      const c = await ratingCriterion();
      return criteria.updateCriterionField(admin, {
        criterionId: c.id,
        version: c.version,
        field: "weight",
        base: c.weight,
        value: String(c.weight + 7),
      });
    },
  },
  {
    name: "criteria.updateCriterionField(description)",
    actions: ["criteria.updateCriterionFieldAction"],
    changes: "report",
    run: async () => {
      const c = await ratingCriterion();
      return criteria.updateCriterionField(admin, {
        criterionId: c.id,
        version: c.version,
        field: "description",
        base: c.description,
        value: next("description"),
      });
    },
  },
  {
    name: "criteria.updateCriterionFields(threshold, name)",
    actions: [],
    api: ["updateCriterion"],
    changes: "result",
    run: async () => {
      const c = await ratingCriterion();
      return criteria.updateCriterionFields(admin, {
        criterionId: c.id,
        version: c.version,
        values: { threshold: toggle(c.threshold, 6, 7), name: next("criterion name") },
      });
    },
  },
  {
    name: "criteria.updateCriterionFields(metric reference)",
    actions: [],
    api: ["updateCriterion"],
    changes: "result",
    run: async () => {
      const c = await criterion(metricId);
      return criteria.updateCriterionFields(admin, {
        criterionId: c.id,
        version: c.version,
        // The facts 10 / 15 / 20 ms fixed the references at 10–15 (new metrics do); moving the best end moves points.
        values: { best: c.best === 25 ? 15 : 25 },
      });
    },
  },
  {
    name: "criteria.setCriterionParent",
    actions: ["criteria.setCriterionParentAction"],
    api: ["updateCriterion"],
    // A criterion moved under another: its weight becomes local to the group, so the shares (the result) change.
    changes: "result",
    prepare: async () => {
      await criteria.addCriterion(admin, { decisionId, name: "Tree group", weight: 4 });
      await criteria.addCriterion(admin, { decisionId, name: "Tree leaf", weight: 2 });
    },
    run: async () => {
      const [group, leaf] = await Promise.all(
        ["Tree group", "Tree leaf"].map((name) => db.criterion.findFirstOrThrow({ where: { decisionId, name } })),
      );
      return criteria.setCriterionParent(admin, { criterionId: leaf.id, version: leaf.version, parentId: group.id });
    },
  },
  {
    name: "criteria.reorderCriteria",
    actions: ["criteria.reorderCriteriaAction"],
    api: ["reorderCriteria"],
    changes: "result",
    run: async () => {
      const ids = (await db.criterion.findMany({ where: { decisionId }, orderBy: [{ position: "asc" }] })).map(
        (c) => c.id,
      );
      return criteria.reorderCriteria(admin, { decisionId, ids: [...ids].reverse(), expected: ids });
    },
  },
  {
    name: "criteria.removeCriterion + restoreCriterion",
    actions: ["criteria.removeCriterionAction", "criteria.restoreCriterionAction"],
    api: ["deleteCriterion"],
    // Restored as it was: the same evaluation, and the change log has two more entries.
    changes: "report",
    run: async () => {
      const c = await ratingCriterion();
      const { undoToken } = await criteria.removeCriterion(admin, c.id);
      await criteria.restoreCriterion(admin, { decisionId, undoToken });
    },
  },
  {
    name: "criteria.removeCriterion",
    actions: ["criteria.removeCriterionAction"],
    api: ["deleteCriterion"],
    changes: "result",
    prepare: async () => void (await criteria.addCriterion(admin, { decisionId, name: next("doomed"), weight: 4 })),
    run: async () => {
      const c = await db.criterion.findFirstOrThrow({ where: { decisionId, name: { contains: "doomed" } } });
      return criteria.removeCriterion(admin, c.id);
    },
  },
  // candidates
  {
    name: "candidates.addCandidate",
    actions: ["candidates.addCandidateAction"],
    api: ["createCandidate"],
    changes: "result",
    run: () => candidates.addCandidate(admin, { decisionId, name: next("candidate") }),
  },
  {
    name: "candidates.updateCandidateField(name)",
    actions: ["candidates.updateCandidateFieldAction"],
    // The engine's output names candidates by id; the report shows the new name.
    changes: "report",
    run: async () => {
      const k = await candidate();
      return candidates.updateCandidateField(admin, {
        candidateId: k.id,
        version: k.version,
        field: "name",
        base: k.name,
        value: next("candidate name"),
      });
    },
  },
  {
    name: "candidates.updateCandidateFields(description)",
    actions: [],
    api: ["updateCandidate"],
    changes: "report",
    run: async () => {
      const k = await candidate();
      return candidates.updateCandidateFields(admin, {
        candidateId: k.id,
        version: k.version,
        values: { description: next("candidate description") },
      });
    },
  },
  {
    name: "candidates.reorderCandidates",
    actions: ["candidates.reorderCandidatesAction"],
    api: ["reorderCandidates"],
    changes: "result",
    run: async () => {
      const ids = (await db.candidate.findMany({ where: { decisionId }, orderBy: [{ position: "asc" }] })).map(
        (c) => c.id,
      );
      return candidates.reorderCandidates(admin, { decisionId, ids: [...ids].reverse(), expected: ids });
    },
  },
  {
    name: "candidates.removeCandidate + restoreCandidate",
    actions: ["candidates.removeCandidateAction", "candidates.restoreCandidateAction"],
    api: ["deleteCandidate"],
    changes: "report",
    run: async () => {
      const k = await candidate();
      const { undoToken } = await candidates.removeCandidate(admin, k.id);
      await candidates.restoreCandidate(admin, { decisionId, undoToken });
    },
  },
  // scores and facts
  {
    name: "scores.saveScore",
    actions: ["scores.saveScoreAction"],
    api: ["saveMyScore"],
    changes: "result",
    run: async () => {
      const [c, k, mine] = await Promise.all([ratingCriterion(), candidate(), ownScore(admin)]);
      return scores.saveScore(admin, {
        decisionId,
        criterionId: c.id,
        candidateId: k.id,
        value: toggle(mine?.value, 0, 10),
        version: mine?.version ?? null,
      });
    },
  },
  {
    name: "scores.deleteScore",
    actions: ["scores.deleteScoreAction"],
    api: ["deleteMyScore"],
    changes: "result",
    prepare: async () => {
      if (await ownScore(admin)) return;
      const [c, k] = await Promise.all([ratingCriterion(), candidate()]);
      await scores.saveScore(admin, { decisionId, criterionId: c.id, candidateId: k.id, value: 0, version: null });
    },
    run: async () => {
      const [c, k, mine] = await Promise.all([ratingCriterion(), candidate(), ownScore(admin)]);
      return scores.deleteScore(admin, { decisionId, criterionId: c.id, candidateId: k.id, version: mine!.version });
    },
  },
  {
    name: "facts.setFact",
    actions: ["facts.setFactAction"],
    api: ["setFact"],
    changes: "result",
    run: async () => {
      const f = await fact();
      return facts.setFact(admin, {
        decisionId,
        criterionId: metricId,
        candidateId: f.candidateId,
        value: f.value + 40,
        unit: "ms",
        sourceUrl: "",
        note: "",
        measuredOn: "2026-11-02",
        version: f.version,
      });
    },
  },
  {
    name: "facts.setFact(source only)",
    actions: ["facts.setFactAction"],
    api: ["setFact"],
    changes: "report",
    run: async () => {
      const f = await fact();
      return facts.setFact(admin, {
        decisionId,
        criterionId: metricId,
        candidateId: f.candidateId,
        value: f.value,
        unit: f.unit,
        sourceUrl: `https://example.com/${++seq}`,
        note: f.note,
        measuredOn: "2026-11-03",
        version: f.version,
      });
    },
  },
  {
    name: "facts.clearFact",
    actions: ["facts.clearFactAction"],
    api: ["clearFact"],
    changes: "result",
    run: async () => {
      const f = await fact();
      await facts.clearFact(admin, {
        decisionId,
        criterionId: metricId,
        candidateId: f.candidateId,
        version: f.version,
      });
      // Put it back (a new fact) so later cases still have one.
      await facts.setFact(admin, {
        decisionId,
        criterionId: metricId,
        candidateId: f.candidateId,
        value: f.value + 3,
        unit: "ms",
        sourceUrl: "",
        note: "",
        measuredOn: "2026-11-04",
        version: null,
      });
    },
  },
  {
    name: "fact-snapshot.importFactSnapshot",
    actions: ["facts.importFactSnapshotAction"],
    api: ["importFactSnapshot"],
    changes: "result",
    run: async () => {
      const [f, c] = await Promise.all([fact(), criterion(metricId)]);
      return factSnapshot.importFactSnapshot(admin, decisionId, {
        rows: [
          {
            candidate: f.candidateId,
            criterion: c.name,
            value: f.value + 11,
            unit: "ms",
            source: "",
            note: "",
            measuredAt: "2026-11-05",
          },
        ],
      });
    },
  },
  {
    name: "matrix.pasteMatrix",
    actions: ["matrix.pasteMatrixAction"],
    changes: "result",
    run: () =>
      matrix.pasteMatrix(admin, {
        decisionId,
        candidates: [next("pasted candidate")],
        criteria: [{ name: next("pasted criterion"), weight: 5, values: [{ value: 7, unit: null }] }],
        basis: { criteria: {}, scores: {}, facts: {} },
      }),
  },
  {
    name: "imports.applyMatrixImport",
    actions: ["imports.confirmImportAction"],
    changes: "result",
    run: async () => {
      const [c, k, mine] = await Promise.all([ratingCriterion(), candidate(), ownScore(admin)]);
      const parsed = {
        title: null,
        candidates: [k.name],
        criteria: [
          {
            name: c.name,
            weight: c.weight,
            kind: "RATING" as const,
            direction: c.direction,
            scaleMin: c.scaleMin,
            scaleMax: c.scaleMax,
            unit: c.unit,
            values: [toggle(mine?.value, 2, 9)],
            row: 2,
          },
        ],
        warnings: [],
      };
      const target = { mode: "existing" as const, decisionId };
      const { fingerprint } = await imports.planMatrixImport(admin, parsed, target);
      return imports.applyMatrixImport(admin, parsed, target, fingerprint);
    },
  },
  {
    name: "imports.applyJsonImport (a new decision)",
    actions: ["imports.confirmImportAction"],
    changes: "nothing",
    run: async () => imports.applyJsonImport(admin, await exportDecisionJson(admin, decisionId)),
  },
  // AHP
  {
    name: "judgments.saveJudgment",
    actions: ["judgments.saveJudgmentAction"],
    changes: "result",
    // With AHP weights in use, so a judgment moves the totals.
    prepare: async () => {
      await completeJudgments();
      await setScoring({ weightSource: "ahp" });
    },
    run: async () => {
      const j = await db.pairwiseJudgment.findFirstOrThrow({ where: { decisionId, evaluatorId: admin.userId } });
      return judgments.saveJudgment(admin, {
        decisionId,
        criterionAId: j.criterionAId,
        criterionBId: j.criterionBId,
        value: j.value === 5 ? 7 : 5,
        version: j.version,
      });
    },
  },
  {
    name: "candidate-judgments.saveCandidateJudgment",
    actions: ["candidate-judgments.saveCandidateJudgmentAction"],
    api: ["saveMyCandidateJudgment"],
    changes: "result",
    // A pairwise criterion with weight whose answers connect the candidates, so one answer moves the points (with
    // direct weights: the new criterion has no AHP judgments of its own weight).
    prepare: async () => {
      await setScoring({ weightSource: "direct" });
      const c = await db.criterion.findFirst({ where: { decisionId, pairwise: true } });
      const criterion =
        c ??
        (await db.criterion.create({
          data: { decisionId, name: "Compared in pairs", weight: 30, pairwise: true, position: 900 },
        }));
      const ids = (await db.candidate.findMany({ where: { decisionId }, orderBy: { position: "asc" } })).map(
        (k) => k.id,
      );
      for (let i = 0; i + 1 < ids.length; i++)
        await db.candidateJudgment.upsert({
          where: {
            criterionId_evaluatorId_candidateAId_candidateBId: {
              criterionId: criterion.id,
              evaluatorId: admin.userId,
              candidateAId: ids[i],
              candidateBId: ids[i + 1],
            },
          },
          create: {
            decisionId,
            criterionId: criterion.id,
            evaluatorId: admin.userId,
            candidateAId: ids[i],
            candidateBId: ids[i + 1],
            value: 3,
          },
          update: {},
        });
    },
    run: async () => {
      const j = await db.candidateJudgment.findFirstOrThrow({ where: { decisionId, evaluatorId: admin.userId } });
      return candidateJudgments.saveCandidateJudgment(admin, {
        decisionId,
        criterionId: j.criterionId,
        candidateAId: j.candidateAId,
        candidateBId: j.candidateBId,
        value: j.value === 3 ? 1 / 5 : 3,
        version: j.version,
      });
    },
  },
  {
    name: "judgments.applyAhpWeights",
    actions: ["judgments.applyAhpWeightsAction"],
    changes: "result",
    // Back to direct weights, which the AHP weights then replace.
    prepare: async () => {
      await completeJudgments();
      await setScoring({ weightSource: "direct" });
    },
    run: async () => {
      // The top level: each group of a criteria tree is its own pairwise set (the tree case moved one under another).
      const rows = await db.criterion.findMany({
        where: { decisionId, parentId: null },
        select: { id: true, version: true },
      });
      return judgments.applyAhpWeights(admin, { decisionId, criteria: rows });
    },
  },
  // the decision's team: its members' ratings and overrides feed the skill match
  {
    name: "teams.updateTeam(aggregation)",
    actions: ["teams.updateTeamAction"],
    api: ["updateTeam"],
    changes: "result",
    run: async () => {
      const t = await team();
      return teams.updateTeam(admin, {
        teamId,
        version: t.version,
        name: t.name,
        description: t.description,
        aggregation: toggle(t.aggregation, "max", "mean") as "max" | "mean",
      });
    },
  },
  {
    name: "teams.addMember",
    actions: ["teams.addMemberAction"],
    api: ["addTeamMember"],
    changes: "report",
    run: () => teams.addMember(admin, { teamId, name: next("member"), userId: null }),
  },
  {
    name: "teams.updateMember",
    actions: ["teams.updateMemberAction"],
    api: ["updateTeamMember"],
    changes: "report",
    run: async () => {
      const m = await member();
      return teams.updateMember(admin, { memberId: m.id, version: m.version, name: next("member name"), userId: null });
    },
  },
  {
    name: "teams.moveMember",
    actions: ["teams.moveMemberAction"],
    api: ["moveTeamMember"],
    changes: "report",
    run: async () => {
      const m = await member();
      return teams.moveMember(admin, { memberId: m.id, version: m.version, direction: "down" });
    },
  },
  {
    name: "teams.removeMember",
    actions: ["teams.removeMemberAction"],
    api: ["removeTeamMember"],
    changes: "result",
    run: async () => {
      const m = await member();
      return teams.removeMember(admin, { memberId: m.id, version: m.version });
    },
  },
  {
    name: "teams.createTeam",
    actions: ["teams.createTeamAction"],
    api: ["createTeam"],
    changes: "nothing",
    run: () => teams.createTeam(admin, { name: next("team"), description: "", aggregation: "top2" }),
  },
  {
    name: "ratings.setRating",
    actions: ["ratings.setRatingAction"],
    api: ["setRating"],
    changes: "result",
    run: async () => {
      const [m, skillId] = await Promise.all([member(), requiredSkill()]);
      const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId } } });
      return ratings.setRating(admin, {
        memberId: m.id,
        skillId,
        level: toggle(r?.level, 10, 0),
        version: r?.version ?? null,
      });
    },
  },
  {
    name: "ratings.clearRating",
    actions: ["ratings.clearRatingAction"],
    api: ["clearRating"],
    changes: "result",
    prepare: async () => {
      const [m, skillId] = await Promise.all([member(), requiredSkill()]);
      const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId } } });
      if (!r) await ratings.setRating(admin, { memberId: m.id, skillId, level: 9, version: null });
    },
    run: async () => {
      const [m, skillId] = await Promise.all([member(), requiredSkill()]);
      const r = await db.skillRating.findUniqueOrThrow({ where: { memberId_skillId: { memberId: m.id, skillId } } });
      return ratings.clearRating(admin, { memberId: m.id, skillId, version: r.version });
    },
  },
  {
    name: "ratings.pasteRatings",
    actions: ["ratings.pasteRatingsAction"],
    changes: "result",
    run: async () => {
      const [m, skillId] = await Promise.all([member(), requiredSkill()]);
      const r = await db.skillRating.findUnique({ where: { memberId_skillId: { memberId: m.id, skillId } } });
      return ratings.pasteRatings(admin, {
        teamId,
        cells: [{ memberId: m.id, skillId, text: String(toggle(r?.level, 10, 1)), version: r?.version ?? null }],
      });
    },
  },
  {
    name: "ratings.setOverride",
    actions: ["ratings.setOverrideAction"],
    api: ["setOverride"],
    changes: "result",
    run: async () => {
      const skillId = await requiredSkill();
      const o = await db.teamSkillOverride.findUnique({ where: { teamId_skillId: { teamId, skillId } } });
      return ratings.setOverride(admin, {
        teamId,
        skillId,
        level: toggle(o?.level, 1, 9),
        reason: next("reason"),
        version: o?.version ?? null,
      });
    },
  },
  {
    name: "ratings.clearOverride",
    actions: ["ratings.clearOverrideAction"],
    api: ["clearOverride"],
    changes: "result",
    prepare: async () => {
      const skillId = await requiredSkill();
      if (!(await db.teamSkillOverride.findUnique({ where: { teamId_skillId: { teamId, skillId } } })))
        await ratings.setOverride(admin, { teamId, skillId, level: 1, reason: "cache", version: null });
    },
    run: async () => {
      const skillId = await requiredSkill();
      const o = await db.teamSkillOverride.findUniqueOrThrow({ where: { teamId_skillId: { teamId, skillId } } });
      return ratings.clearOverride(admin, { teamId, skillId, version: o.version });
    },
  },
  // requirements and the skill catalog
  {
    name: "requirements.saveRequirement",
    actions: ["requirements.saveRequirementAction"],
    api: ["saveRequirement"],
    changes: "result",
    run: async () => {
      const q = await db.skillRequirement.findFirstOrThrow({
        where: { candidate: { decisionId } },
        orderBy: { id: "asc" },
      });
      return requirements.saveRequirement(admin, {
        decisionId,
        candidateId: q.candidateId,
        skillId: q.skillId,
        weight: q.weight + 5,
        minLevel: q.minLevel,
        version: q.version,
      });
    },
  },
  {
    name: "requirements.removeRequirement",
    actions: ["requirements.removeRequirementAction"],
    api: ["removeRequirement"],
    changes: "result",
    run: async () => {
      const q = await db.skillRequirement.findFirstOrThrow({
        where: { candidate: { decisionId } },
        orderBy: { id: "desc" },
      });
      return requirements.removeRequirement(admin, { decisionId, requirementId: q.id, version: q.version });
    },
  },
  {
    name: "skills.createSkill",
    actions: ["skills.createSkillAction"],
    api: ["createSkill"],
    changes: "report",
    run: () => skills.createSkill(admin, { name: next("skill"), category: "", description: "" }),
  },
  {
    name: "skills.updateSkill(name)",
    actions: ["skills.updateSkillAction"],
    api: ["updateSkill"],
    changes: "report",
    run: async () => {
      const s = await db.skill.findUniqueOrThrow({ where: { id: await requiredSkill() } });
      return skills.updateSkill(admin, {
        skillId: s.id,
        version: s.version,
        name: next("skill name"),
        category: s.category,
        description: s.description,
      });
    },
  },
  {
    name: "skills.deleteSkill",
    actions: ["skills.deleteSkillAction"],
    api: ["deleteSkill"],
    changes: "result",
    run: async () => {
      const s = await db.skill.findUniqueOrThrow({ where: { id: await requiredSkill() } });
      return skills.deleteSkill(admin, { skillId: s.id, version: s.version });
    },
  },
  // people: the names a report shows, and who may see which scores
  {
    name: "accounts.changeName (an evaluator)",
    actions: ["auth.changeNameAction"],
    changes: "report",
    run: async () => {
      const s = await db.score.findFirstOrThrow({ where: { criterion: { decisionId } }, orderBy: { id: "asc" } });
      return accounts.changeName(s.evaluatorId, ws.workspace.id, next("person"), NO_IP);
    },
  },
  {
    name: "members.changeRole",
    actions: ["members.changeRoleAction"],
    changes: "nothing",
    run: async () => {
      const m = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, userId: ada.userId } });
      // Ada's own sessions would act with the new role; the actor here keeps its role (it is read per request).
      await members.changeRole(admin, { membershipId: m.id, role: "TEAM_LEAD" }, NO_IP);
      await members.changeRole(admin, { membershipId: m.id, role: "ARCHITECT" }, NO_IP);
    },
  },
  {
    name: "members.removeMember (an evaluator)",
    actions: ["members.removeMemberAction"],
    changes: "nothing",
    run: async () => {
      const evaluators = new Set(
        (await db.score.findMany({ where: { criterion: { decisionId } }, select: { evaluatorId: true } })).map(
          (s) => s.evaluatorId,
        ),
      );
      const keep = new Set([admin.userId, ada.userId, viewer.userId]);
      const m = await db.membership.findFirstOrThrow({
        where: { workspaceId: ws.workspace.id, userId: { in: [...evaluators].filter((u) => !keep.has(u)) } },
      });
      return members.removeMember(admin, { membershipId: m.id }, NO_IP);
    },
  },
  {
    name: "members.leaveWorkspace",
    actions: ["auth.leaveWorkspaceAction"],
    changes: "nothing",
    prepare: async () => {
      const u = await db.user.create({ data: { email: `cache-${++seq}@stackwise.demo`, name: next("leaver") } });
      await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: u.id, role: "ARCHITECT" } });
    },
    run: async () => {
      const m = await db.membership.findFirstOrThrow({
        where: { workspaceId: ws.workspace.id, user: { name: { contains: "leaver" } } },
        orderBy: { id: "desc" },
      });
      return members.leaveWorkspace(m.userId, ws.workspace.id, NO_IP);
    },
  },
  // writes beside the decision that no report shows
  {
    name: "scenarios.createScenario",
    actions: ["scenarios.saveScenarioAction"],
    changes: "report",
    run: async () => {
      const ids = await db.criterion.findMany({ where: { decisionId }, select: { id: true } });
      return scenarios.createScenario(admin, {
        decisionId,
        name: next("scenario"),
        weights: Object.fromEntries(ids.map((c) => [c.id, 10])),
      });
    },
  },
  {
    name: "share-links.createShareLink + revokeShareLink",
    actions: ["share-links.createShareLinkAction", "share-links.revokeShareLinkAction"],
    api: ["createShareLink", "revokeShareLink"],
    changes: "nothing",
    run: async () => {
      const link = await shareLinks.createShareLink(admin, { decisionId, days: 7, ip: null });
      await shareLinks.revokeShareLink(admin, { linkId: link.id, ip: null });
    },
  },
  {
    name: "workspaces.renameWorkspace + setViewerShareLinks",
    actions: ["members.renameWorkspaceAction", "members.setViewerShareLinksAction"],
    changes: "nothing",
    run: async () => {
      await workspaces.renameWorkspace(admin, next("workspace"), NO_IP);
      await workspaces.setViewerShareLinks(admin, false, NO_IP);
      await workspaces.setViewerShareLinks(admin, true, NO_IP);
    },
  },
];

/** Write actions and operations that cannot touch any decision's rows, names or visibility, with the reason. */
const EXEMPT: Record<string, string> = {
  "auth.signUpAction": "creates a user and a workspace of their own",
  "auth.signInAction": "a session only",
  "auth.signOutAction": "a session only",
  "auth.signOutEverywhereAction": "sessions only",
  "auth.changePasswordAction": "a password hash only",
  "auth.switchWorkspaceAction": "which workspace the session acts in; the actor carries it, the key follows the read",
  "auth.acceptInvitationAction": "adds a membership: a new viewer, whose reads key themselves",
  "auth.inviteSignUpAction": "a new user and membership, as above",
  "api-tokens.createApiTokenAction": "a token row only",
  "api-tokens.revokeApiTokenAction": "a token row only",
  "locale.setLocale": "a cookie; the locale is part of every rendered file's key",
  "members.createInvitationAction": "an invitation row only",
  "members.revokeInvitationAction": "an invitation row only",
  "imports.previewImportAction": "read-only: plans an import and writes nothing",
  "scores.cellOpinionsAction": "read-only: one cell's opinions, read through getDecision",
};

describe("every write leaves nothing stale", () => {
  test.each(CASES)("$name", async (c) => {
    await c.prepare?.();
    const before = { viewer: await observe(viewer), ada: await observe(ada) };
    // The second read is a hit: the same as the first, computed once.
    const again = await observe(viewer);
    expect(again.served).toEqual(before.viewer.served);
    // Before the write the memo serves the very objects it stored: what follows compares a kept read, not a new one.
    expect(again.memo.detail).toBe(before.viewer.memo.detail);
    expect(again.memo.api).toBe(before.viewer.memo.api);
    await c.run();
    for (const [who, actor] of [
      ["viewer", viewer],
      ["ada", ada],
    ] as const) {
      const after = await observe(actor);
      expect(after.served, `${who}: served result after the write`).toEqual(after.fresh);
      expect(after.memo.detail, `${who}: served decision read after the write`).toEqual(after.freshMemo.detail);
      expect(after.memo.json, `${who}: served JSON export after the write`).toBe(after.freshMemo.json);
      expect(after.memo.api, `${who}: served API results after the write`).toEqual(after.freshMemo.api);
      expect(Buffer.from(after.servedRender).toString(), `${who}: served report input after the write`).toBe(
        Buffer.from(after.freshRender).toString(),
      );
      if (who !== "viewer") continue;
      if (c.changes === "result")
        expect(after.fresh, "the write changes the evaluation").not.toEqual(before[who].fresh);
      if (c.changes !== "nothing")
        expect(Buffer.from(after.freshRender).toString(), "the write changes the report").not.toBe(
          Buffer.from(before[who].freshRender).toString(),
        );
    }
  });
});

// ---- Completeness: a new write action or operation fails here until it has a case (or a reasoned exemption) --------

const ACTIONS_DIR = path.join(process.cwd(), "lib/actions");
const ACTION_EXPORT = /^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*define(?:Form|Redirect)?Action\()/gm;

function declaredActions(): string[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => {
      const src = readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      return [...src.matchAll(ACTION_EXPORT)].map((m) => `${f.replace(/\.ts$/, "")}.${m[1] ?? m[2]}`);
    })
    .sort();
}

const writeOperations = () =>
  OPERATIONS.filter((o) => o.method !== "GET")
    .map((o) => o.operationId)
    .sort();

describe("completeness", () => {
  test("every server action has a case or a reasoned exemption", () => {
    const declared = declaredActions();
    expect(declared.length).toBeGreaterThan(40);
    const covered = new Set(CASES.flatMap((c) => c.actions));
    expect(
      declared.filter((a) => !covered.has(a) && !(a in EXEMPT)),
      "write actions without an evaluation-cache case: add one to CASES (or a reasoned EXEMPT entry)",
    ).toEqual([]);
    expect(
      [...covered].filter((a) => !declared.includes(a)),
      "stale action names in CASES",
    ).toEqual([]);
    expect(
      Object.keys(EXEMPT).filter((a) => !declared.includes(a) && !writeOperations().includes(a)),
      "stale EXEMPT names",
    ).toEqual([]);
  });

  test("every /api/v1 write operation has a case or a reasoned exemption", () => {
    const ops = writeOperations();
    expect(ops.length).toBeGreaterThan(20);
    const covered = new Set(CASES.flatMap((c) => c.api ?? []));
    expect(
      ops.filter((o) => !covered.has(o) && !(o in EXEMPT)),
      "API write operations without an evaluation-cache case",
    ).toEqual([]);
    expect(
      [...covered].filter((o) => !ops.includes(o)),
      "stale operation names in CASES",
    ).toEqual([]);
  });
});
