import "server-only";
// Criteria and candidates of a decision: list, add, update (If-Match, one row's fields at once), remove (If-Match),
// reorder (naming the order read).
import { z } from "zod";
import { notFound } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/server/actor";
import { addCandidate, removeCandidate, reorderCandidates, updateCandidateFields } from "@/lib/server/candidates";
import { addCriterion, removeCriterion, reorderCriteria, updateCriterionFields } from "@/lib/server/criteria";
import { getDecision } from "@/lib/server/decisions";
import { candidateFieldParsers } from "@/lib/validation/candidate";
import { criterionFieldParsers, criterionJsonFields, weightValue } from "@/lib/validation/criterion";
import { criterionKindSchema, directionSchema } from "@/lib/validation/enums";
import { defineOperation } from "../operation";
import { curveArray } from "@/lib/validation/value-curve";
import { apiCriterion, candidateSchema, criterionSchema } from "../schemas";

const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });
const criterionParam = decisionParam.extend({ criterionId: z.string().min(1).max(64) });
const candidateParam = decisionParam.extend({ candidateId: z.string().min(1).max(64) });

async function decisionOrThrow(actor: Actor, id: string) {
  const d = await getDecision(actor, id);
  if (!d) throw notFound("decision");
  return d;
}

const optionalNumber = z.number({ message: "notANumber" }).finite("notANumber").nullable().optional();

const criterionPatch = z
  .object({
    name: criterionFieldParsers.name.optional(),
    description: criterionFieldParsers.description.optional(),
    lowMeaning: criterionFieldParsers.lowMeaning.optional(),
    highMeaning: criterionFieldParsers.highMeaning.optional(),
    weight: weightValue.optional(),
    kind: criterionKindSchema.optional(),
    direction: directionSchema.optional(),
    scaleMin: optionalNumber,
    scaleMax: optionalNumber,
    unit: z.string().max(30, "textTooLong").nullable().optional(),
    worst: optionalNumber,
    best: optionalNumber,
    // Pairs as sent: updateCriterionFields parses them into the stored form (a transform here would run twice).
    valueCurve: curveArray.nullable().optional(),
    autoReferences: criterionJsonFields.autoReferences.optional(),
    pairwise: z.boolean().optional(),
    threshold: optionalNumber,
    currency: criterionJsonFields.currency.optional(),
    parentId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .meta({ description: "Move under this group (a criterion of the decision), or to the top level with null." }),
  })
  .strict();

const candidatePatch = z
  .object({
    name: candidateFieldParsers.name.optional(),
    description: candidateFieldParsers.description.optional(),
    link: z.string().max(2000, "textTooLong").optional(),
  })
  .strict();

const rowIds = z.array(z.string().min(1).max(64)).max(200);
const reorderBody = z.object({
  ids: rowIds.meta({ description: "The new order: every row's id once." }),
  expected: rowIds.meta({ description: "The order you read (ids as the list returned them)." }),
});
const reorderDescription =
  "When rows were added, removed or moved since the order you read, nothing is written and the 409's `current` " +
  "names the order now.";

export const partOperations = [
  defineOperation({
    operationId: "listCriteria",
    method: "GET",
    path: "/decisions/{decisionId}/criteria",
    tag: "Criteria",
    summary: "List a decision's criteria",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({ data: z.array(criterionSchema) }),
    handler: async ({ actor, params }) => ({
      data: (await decisionOrThrow(actor, params.decisionId)).criteria.map(apiCriterion),
    }),
  }),
  defineOperation({
    operationId: "createCriterion",
    method: "POST",
    path: "/decisions/{decisionId}/criteria",
    tag: "Criteria",
    summary: "Add a criterion",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    body: z.object({
      name: criterionFieldParsers.name,
      weight: weightValue.optional(),
      kind: criterionKindSchema.optional(),
    }),
    response: criterionSchema,
    status: 201,
    etag: (c) => c.version,
    handler: async ({ actor, params, body }) =>
      apiCriterion(await addCriterion(actor, { decisionId: params.decisionId, ...body })),
  }),
  defineOperation({
    operationId: "updateCriterion",
    method: "PATCH",
    path: "/decisions/{decisionId}/criteria/{criterionId}",
    tag: "Criteria",
    summary: "Update a criterion's fields",
    description:
      "Requires If-Match with the criterion's ETag. All fields or none: the row as it would be after the whole patch " +
      "is checked (e.g. scale min < max), and any refused field is a 422 naming every bad field, with nothing written.",
    scope: "write",
    permission: "decision.write",
    params: criterionParam,
    ifMatch: true,
    body: criterionPatch,
    response: criterionSchema,
    etag: (c) => c.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const c = (await decisionOrThrow(actor, params.decisionId)).criteria.find((x) => x.id === params.criterionId);
      if (!c) throw notFound("criterion");
      // All fields in one write under one version check: a refused field leaves the row as it was.
      const { parentId, ...values } = body;
      return apiCriterion(
        await updateCriterionFields(
          actor,
          { criterionId: c.id, version: ifMatch === "*" ? c.version : (ifMatch ?? c.version), values },
          parentId,
        ),
      );
    },
  }),
  defineOperation({
    operationId: "listCandidates",
    method: "GET",
    path: "/decisions/{decisionId}/candidates",
    tag: "Candidates",
    summary: "List a decision's candidates",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: z.object({ data: z.array(candidateSchema) }),
    handler: async ({ actor, params }) => ({ data: (await decisionOrThrow(actor, params.decisionId)).candidates }),
  }),
  defineOperation({
    operationId: "createCandidate",
    method: "POST",
    path: "/decisions/{decisionId}/candidates",
    tag: "Candidates",
    summary: "Add a candidate",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    body: z.object({ name: candidateFieldParsers.name }),
    response: candidateSchema,
    status: 201,
    etag: (c) => c.version,
    handler: async ({ actor, params, body }) => addCandidate(actor, { decisionId: params.decisionId, name: body.name }),
  }),
  defineOperation({
    operationId: "updateCandidate",
    method: "PATCH",
    path: "/decisions/{decisionId}/candidates/{candidateId}",
    tag: "Candidates",
    summary: "Update a candidate's name, description or link",
    description: "Requires If-Match. All fields or none: any refused field is a 422 and nothing is written.",
    scope: "write",
    permission: "decision.write",
    params: candidateParam,
    ifMatch: true,
    body: candidatePatch,
    response: candidateSchema,
    etag: (c) => c.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const c = (await decisionOrThrow(actor, params.decisionId)).candidates.find((x) => x.id === params.candidateId);
      if (!c) throw notFound("candidate");
      return updateCandidateFields(actor, {
        candidateId: c.id,
        version: ifMatch === "*" ? c.version : (ifMatch ?? c.version),
        values: body,
      });
    },
  }),
  defineOperation({
    operationId: "deleteCriterion",
    method: "DELETE",
    path: "/decisions/{decisionId}/criteria/{criterionId}",
    tag: "Criteria",
    summary: "Remove a criterion with its scores and AHP judgments",
    description: "Requires If-Match with the criterion's ETag (428 without, 412 when it changed since).",
    scope: "write",
    permission: "decision.write",
    params: criterionParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const c = (await decisionOrThrow(actor, params.decisionId)).criteria.find((x) => x.id === params.criterionId);
      if (!c) throw notFound("criterion");
      await removeCriterion(actor, c.id, { version: ifMatch === "*" ? c.version : (ifMatch ?? c.version) });
      return null;
    },
  }),
  defineOperation({
    operationId: "deleteCandidate",
    method: "DELETE",
    path: "/decisions/{decisionId}/candidates/{candidateId}",
    tag: "Candidates",
    summary: "Remove a candidate with its scores and skill requirements",
    description: "Requires If-Match with the candidate's ETag (428 without, 412 when it changed since).",
    scope: "write",
    permission: "decision.write",
    params: candidateParam,
    ifMatch: true,
    status: 204,
    handler: async ({ actor, params, ifMatch }) => {
      const c = (await decisionOrThrow(actor, params.decisionId)).candidates.find((x) => x.id === params.candidateId);
      if (!c) throw notFound("candidate");
      await removeCandidate(actor, c.id, { version: ifMatch === "*" ? c.version : (ifMatch ?? c.version) });
      return null;
    },
  }),
  defineOperation({
    operationId: "reorderCriteria",
    method: "PUT",
    path: "/decisions/{decisionId}/criteria/order",
    tag: "Criteria",
    summary: "Reorder a decision's criteria",
    description: reorderDescription,
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    body: reorderBody,
    response: z.object({ data: z.array(criterionSchema) }),
    handler: async ({ actor, params, body }) => {
      await reorderCriteria(actor, { decisionId: params.decisionId, ...body });
      return { data: (await decisionOrThrow(actor, params.decisionId)).criteria.map(apiCriterion) };
    },
  }),
  defineOperation({
    operationId: "reorderCandidates",
    method: "PUT",
    path: "/decisions/{decisionId}/candidates/order",
    tag: "Candidates",
    summary: "Reorder a decision's candidates",
    description: reorderDescription,
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    body: reorderBody,
    response: z.object({ data: z.array(candidateSchema) }),
    handler: async ({ actor, params, body }) => {
      await reorderCandidates(actor, { decisionId: params.decisionId, ...body });
      return { data: (await decisionOrThrow(actor, params.decisionId)).candidates };
    },
  }),
];
