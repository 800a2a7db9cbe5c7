import "server-only";
// Criteria and candidates of a decision: list, add, update (If-Match, one row's fields at once).
import { z } from "zod";
import { apiRefusal, notFound } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/server/actor";
import { addCandidate, updateCandidateField } from "@/lib/server/candidates";
import { addCriterion, updateCriterionField } from "@/lib/server/criteria";
import { getDecision } from "@/lib/server/decisions";
import { candidateFieldParsers } from "@/lib/validation/candidate";
import { criterionFieldParsers, weightValue } from "@/lib/validation/criterion";
import { criterionKindSchema, directionSchema } from "@/lib/validation/enums";
import { defineOperation } from "../operation";
import { candidateSchema, criterionSchema } from "../schemas";

const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });
const criterionParam = decisionParam.extend({ criterionId: z.string().min(1).max(64) });
const candidateParam = decisionParam.extend({ candidateId: z.string().min(1).max(64) });

async function decisionOrThrow(actor: Actor, id: string) {
  const d = await getDecision(actor, id);
  if (!d) throw notFound("decision");
  return d;
}

/** The setup editor's fields take text (autosave); the API's JSON values are written as that same text. */
const asText = (v: string | number | null) => (v === null ? "" : String(v));

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
    threshold: optionalNumber,
  })
  .strict();

const candidatePatch = z
  .object({
    name: candidateFieldParsers.name.optional(),
    description: candidateFieldParsers.description.optional(),
    link: z.string().max(2000, "textTooLong").optional(),
  })
  .strict();

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
    handler: async ({ actor, params }) => ({ data: (await decisionOrThrow(actor, params.decisionId)).criteria }),
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
    handler: async ({ actor, params, body }) => addCriterion(actor, { decisionId: params.decisionId, ...body }),
  }),
  defineOperation({
    operationId: "updateCriterion",
    method: "PATCH",
    path: "/decisions/{decisionId}/criteria/{criterionId}",
    tag: "Criteria",
    summary: "Update a criterion's fields",
    description: "Requires If-Match with the criterion's ETag; the whole row is re-checked (e.g. scale min < max).",
    scope: "write",
    permission: "decision.write",
    params: criterionParam,
    ifMatch: true,
    body: criterionPatch,
    response: criterionSchema,
    etag: (c) => c.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const d = await decisionOrThrow(actor, params.decisionId);
      const c = d.criteria.find((x) => x.id === params.criterionId);
      if (!c) throw notFound("criterion");
      if (ifMatch !== "*" && ifMatch !== c.version) throw apiRefusal("preconditionFailed", { current: c });
      let version = c.version;
      for (const [field, value] of Object.entries(body) as [
        keyof typeof criterionPatch.shape,
        string | number | null,
      ][]) {
        if (value === undefined) continue;
        ({ version } = await updateCriterionField(actor, {
          criterionId: c.id,
          version,
          field,
          base: c[field],
          value: asText(value),
        }));
      }
      const after = (await decisionOrThrow(actor, d.id)).criteria.find((x) => x.id === c.id);
      if (!after) throw notFound("criterion");
      return after;
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
    scope: "write",
    permission: "decision.write",
    params: candidateParam,
    ifMatch: true,
    body: candidatePatch,
    response: candidateSchema,
    etag: (c) => c.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const d = await decisionOrThrow(actor, params.decisionId);
      const c = d.candidates.find((x) => x.id === params.candidateId);
      if (!c) throw notFound("candidate");
      if (ifMatch !== "*" && ifMatch !== c.version) throw apiRefusal("preconditionFailed", { current: c });
      let version = c.version;
      for (const [field, value] of Object.entries(body) as [keyof typeof candidatePatch.shape, string][]) {
        if (value === undefined) continue;
        ({ version } = await updateCandidateField(actor, { candidateId: c.id, version, field, base: c[field], value }));
      }
      const after = (await decisionOrThrow(actor, d.id)).candidates.find((x) => x.id === c.id);
      if (!after) throw notFound("candidate");
      return after;
    },
  }),
];
