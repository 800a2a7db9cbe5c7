import "server-only";
// Measured facts (one, or a whole benchmark snapshot at once) and the token owner's own scores.
import { z } from "zod";
import { notFound } from "@/lib/errors/domain-error";
import { importFactSnapshot } from "@/lib/server/fact-snapshot";
import { listFacts, setFact } from "@/lib/server/facts";
import { getScoreGrid, saveScore } from "@/lib/server/scores";
import { setFactSchema } from "@/lib/validation/fact";
import { snapshotSchema } from "@/lib/validation/fact-snapshot";
import { saveScoreSchema } from "@/lib/validation/score";
import { defineOperation } from "../operation";
import { factSchema, scoreSchema } from "../schemas";

const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });

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
    description: "Only your own: other evaluators' scores are never part of the API (blind scoring).",
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
];
