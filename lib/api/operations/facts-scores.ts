import "server-only";
// Measured facts (one, or a whole benchmark snapshot at once) and the token owner's own scores.
import { z } from "zod";
import { notFound } from "@/lib/errors/domain-error";
import { importFactSnapshot } from "@/lib/server/fact-snapshot";
import { clearFact, listFacts, setFact } from "@/lib/server/facts";
import { getCellOpinions } from "@/lib/server/cell-opinions";
import { deleteScore, getScoreGrid, saveScore } from "@/lib/server/scores";
import { setFactSchema } from "@/lib/validation/fact";
import { snapshotSchema } from "@/lib/validation/fact-snapshot";
import { saveScoreSchema } from "@/lib/validation/score";
import { getComparisonView, saveCandidateJudgment } from "@/lib/server/candidate-judgments";
import { candidateJudgmentBodySchema } from "@/lib/validation/judgment";
import { defineOperation } from "../operation";
import { candidateJudgmentSchema, cellOpinionsSchema, factSchema, scoreSchema } from "../schemas";

const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });
const cellParam = decisionParam.extend({
  candidateId: z.string().min(1).max(64),
  criterionId: z.string().min(1).max(64),
});

/** The version If-Match names, or for "*" the stored row's (1 when there is none: the write then has nothing to do). */
const versionOf = (ifMatch: number | "*" | null, stored: { version: number } | undefined) =>
  typeof ifMatch === "number" ? ifMatch : (stored?.version ?? 1);

export const factScoreOperations = [
  defineOperation({
    operationId: "listFacts",
    method: "GET",
    path: "/decisions/{decisionId}/facts",
    tag: "Facts",
    summary: "List the measured facts of a decision",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({ data: z.array(factSchema) }),
    handler: async ({ actor, params }) => ({ data: await listFacts(actor, params.decisionId) }),
  }),
  defineOperation({
    operationId: "setFact",
    method: "PUT",
    path: "/decisions/{decisionId}/facts",
    tag: "Facts",
    summary: "Enter or correct one fact",
    description:
      "`version: null` enters a new fact; otherwise the version read (a stale one is a 409 with the stored fact).",
    scope: "write",
    permission: "fact.write",
    params: decisionParam,
    body: setFactSchema.omit({ decisionId: true }),
    response: factSchema,
    etag: (f) => f.version,
    handler: async ({ actor, params, body }) => setFact(actor, { ...body, decisionId: params.decisionId }),
  }),
  defineOperation({
    operationId: "importFactSnapshot",
    method: "POST",
    path: "/decisions/{decisionId}/facts/bulk",
    tag: "Facts",
    summary: "Post a metric snapshot (benchmark results) as facts",
    description:
      "Rows name candidate and criterion by id or name. All or nothing: any bad row refuses the whole snapshot with " +
      "a 422 whose `errors` name `rows.<i>.<field>`. Each row sets the cell's fact (newest measurement wins). " +
      "Honours Idempotency-Key, so a CI retry does not double-audit.",
    scope: "write",
    permission: "fact.write",
    params: decisionParam,
    body: snapshotSchema,
    response: z
      .object({ created: z.number().int(), updated: z.number().int(), facts: z.array(factSchema) })
      .meta({ id: "SnapshotResult" }),
    handler: async ({ actor, params, body }) => importFactSnapshot(actor, params.decisionId, body),
  }),
  defineOperation({
    operationId: "listMyScores",
    method: "GET",
    path: "/decisions/{decisionId}/scores/mine",
    tag: "Scores",
    summary: "The token owner's own scores",
    description:
      "Only your own, with their versions for editing. Others' opinions of a cell, as blind scoring allows: " +
      "getCellOpinions.",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({ data: z.array(scoreSchema) }),
    handler: async ({ actor, params }) => {
      const grid = await getScoreGrid(actor, params.decisionId);
      if (!grid) throw notFound("decision");
      return { data: grid.decision.scores.filter((s) => s.evaluatorId === actor.userId) };
    },
  }),
  defineOperation({
    operationId: "getCellOpinions",
    method: "GET",
    path: "/decisions/{decisionId}/cells/{candidateId}/{criterionId}/opinions",
    tag: "Scores",
    summary: "Everyone's value, rationale and evidence for one cell (the discussion list's detail)",
    description:
      "Blind scoring applies as on the results page: while you still score blind in an open decision, the list is " +
      "your own score at most. Lowest value first.",
    scope: "read",
    permission: "decision.read",
    params: cellParam,
    response: cellOpinionsSchema,
    handler: async ({ actor, params }) => getCellOpinions(actor, params),
  }),
  defineOperation({
    operationId: "saveMyScore",
    method: "PUT",
    path: "/decisions/{decisionId}/scores/mine",
    tag: "Scores",
    summary: "Enter or change one of your own scores",
    description: "`version: null` creates; otherwise the version read. The evaluator is always the token's user.",
    scope: "scores:write",
    permission: "score.write",
    params: decisionParam,
    body: saveScoreSchema.omit({ decisionId: true }),
    response: scoreSchema,
    etag: (s) => s.version,
    handler: async ({ actor, params, body }) => saveScore(actor, { ...body, decisionId: params.decisionId }),
  }),
  defineOperation({
    operationId: "listCandidateJudgments",
    method: "GET",
    path: "/decisions/{decisionId}/candidate-judgments",
    tag: "Scores",
    summary: "Pairwise comparisons of the candidates on the decision's pairwise criteria",
    description:
      "`data`: the answers you may see (blind scoring applies as for scores: while you still score blind in an open " +
      "decision, only your own). `mine`: your own, with their versions for editing. On `criterionId`, `candidateAId` " +
      "is `value` times as good as `candidateBId` (Saaty 1/9 to 9).",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({
      data: z.array(candidateJudgmentSchema.omit({ id: true, version: true })),
      mine: z.array(candidateJudgmentSchema),
    }),
    handler: async ({ actor, params }) => {
      const view = await getComparisonView(actor, params.decisionId);
      if (!view) throw notFound("decision");
      return {
        data: view.judgments.map((j) => ({
          criterionId: j.criterionId,
          evaluatorId: j.evaluatorId,
          candidateAId: j.candidateA,
          candidateBId: j.candidateB,
          value: j.value,
        })),
        mine: view.mine,
      };
    },
  }),
  defineOperation({
    operationId: "saveMyCandidateJudgment",
    method: "PUT",
    path: "/decisions/{decisionId}/candidate-judgments/mine",
    tag: "Scores",
    summary: "Answer one pair of candidates on a pairwise criterion",
    description:
      "`version: null` creates; otherwise the version read (stale: 409 with the stored answer, in the orientation " +
      "asked). The evaluator is always the token's user; the criterion must compare candidates in pairs.",
    scope: "scores:write",
    permission: "score.write",
    params: decisionParam,
    body: candidateJudgmentBodySchema,
    response: candidateJudgmentSchema,
    etag: (j) => j.version,
    handler: async ({ actor, params, body }) =>
      saveCandidateJudgment(actor, { ...body, decisionId: params.decisionId }),
  }),
  defineOperation({
    operationId: "clearFact",
    method: "DELETE",
    path: "/decisions/{decisionId}/facts/{candidateId}/{criterionId}",
    tag: "Facts",
    summary: "Clear one cell's fact (the cell becomes missing, never zero)",
    description:
      "Requires If-Match with the fact's ETag (412 when it was corrected since). A cell without a fact is already " +
      "what you asked for: 204 as well.",
    scope: "write",
    permission: "fact.write",
    params: cellParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const stored = (await listFacts(actor, params.decisionId)).find(
        (f) => f.candidateId === params.candidateId && f.criterionId === params.criterionId,
      );
      await clearFact(actor, { ...params, version: versionOf(ifMatch, stored) });
      return null;
    },
  }),
  defineOperation({
    operationId: "deleteMyScore",
    method: "DELETE",
    path: "/decisions/{decisionId}/scores/mine/{candidateId}/{criterionId}",
    tag: "Scores",
    summary: "Delete one of your own scores",
    description:
      "Only ever the token owner's score (blind scoring: other evaluators' scores are neither read nor touched). " +
      "Requires If-Match with the score's version; a cell you never scored is a 204 as well.",
    scope: "scores:write",
    permission: "score.write",
    params: cellParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const grid = await getScoreGrid(actor, params.decisionId);
      if (!grid) throw notFound("decision");
      const mine = grid.decision.scores.find(
        (s) =>
          s.evaluatorId === actor.userId &&
          s.candidateId === params.candidateId &&
          s.criterionId === params.criterionId,
      );
      await deleteScore(actor, { ...params, version: versionOf(ifMatch, mine) });
      return null;
    },
  }),
];
