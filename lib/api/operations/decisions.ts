import "server-only";
// Decisions: list (filters + cursor pagination), get, create, update (If-Match), status transitions.
import { z } from "zod";
import { apiRefusal, DomainError, notFound } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/server/actor";
import {
  changeDecisionStatus,
  createDecision,
  getDecision,
  listDecisions,
  updateDecisionField,
} from "@/lib/server/decisions";
import { createDecisionSchema, statusChangeSchema, titleSchema, contextSchema } from "@/lib/validation/decision";
import { decisionStatusSchema } from "@/lib/validation/enums";
import { defineOperation } from "../operation";
import { decisionListItemSchema, decisionSchema, idParam, pageInfoSchema } from "../schemas";

const decisionParam = idParam("decisionId");

/** The decision as the API shows it (blind scoring is applied by getDecision; scores are not part of it). */
export async function decisionBody(actor: Actor, id: string): Promise<z.infer<typeof decisionSchema>> {
  const d = await getDecision(actor, id);
  if (!d) throw notFound("decision");
  const teamId = d.team?.id ?? null;
  return {
    id: d.id,
    title: d.title,
    context: d.context,
    status: d.status,
    teamId,
    chosenCandidateId: d.chosenCandidateId,
    outcomeRationale: d.outcomeRationale,
    scoring: d.scoring,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
    criteria: d.criteria,
    candidates: d.candidates,
  };
}

/** An opaque cursor: the position after the last row returned, in the list's own order. */
const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
function decodeCursor(cursor: string): number | null {
  try {
    const o = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown }).o;
    return typeof o === "number" && Number.isInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}

const listQuery = z.object({
  q: z.string().trim().max(200).optional().meta({ description: "Case-insensitive title search." }),
  status: decisionStatusSchema.optional(),
  teamId: z.string().max(64).optional().meta({ description: "A team id, or `none` for decisions without a team." }),
  archived: z.enum(["include", "exclude"]).optional().default("exclude"),
  sort: z.enum(["updated", "title", "status"]).optional().default("updated"),
  limit: z.coerce.number().int().min(1, "limitInvalid").max(100, "limitInvalid").optional().default(25),
  cursor: z.string().max(200).optional(),
});

export const decisionOperations = [
  defineOperation({
    operationId: "listDecisions",
    method: "GET",
    path: "/decisions",
    tag: "Decisions",
    summary: "List decisions",
    description: "Filtered and sorted like the decisions page; paginated with an opaque cursor.",
    scope: "read",
    permission: "decision.read",
    query: listQuery,
    response: z.object({ data: z.array(decisionListItemSchema), page: pageInfoSchema }),
    handler: async ({ actor, query }) => {
      const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
      if (offset === null) throw new DomainError("invalidInput", { fieldErrors: { "query.cursor": "cursorInvalid" } });
      const all = await listDecisions(actor, {
        q: query.q ?? "",
        status: query.status ?? "",
        team: query.teamId ?? "",
        sort: query.sort,
        archived: query.archived === "include" ? "1" : "",
      });
      const data = all.slice(offset, offset + query.limit);
      const next = offset + query.limit < all.length ? encodeCursor(offset + query.limit) : null;
      return {
        data: data.map((d) => ({
          id: d.id,
          title: d.title,
          status: d.status,
          teamId: d.teamId,
          teamName: d.teamName,
          candidateCount: d.candidateCount,
          criterionCount: d.criterionCount,
          archived: d.archived,
          updatedAt: d.updatedAt,
          version: d.version,
        })),
        page: { nextCursor: next },
      };
    },
  }),
  defineOperation({
    operationId: "createDecision",
    method: "POST",
    path: "/decisions",
    tag: "Decisions",
    summary: "Create a decision",
    description: "Blank, or framed from a template (broker, backend-language, gc). Honours Idempotency-Key.",
    scope: "write",
    permission: "decision.write",
    body: createDecisionSchema.extend({
      teamId: z.string().min(1).max(64).nullable().optional().meta({ description: "The owning team's id." }),
    }),
    response: decisionSchema,
    status: 201,
    etag: (d) => d.version,
    handler: async ({ actor, body }) =>
      decisionBody(actor, (await createDecision(actor, { ...body, teamId: body.teamId ?? null })).id),
  }),
  defineOperation({
    operationId: "getDecision",
    method: "GET",
    path: "/decisions/{decisionId}",
    tag: "Decisions",
    summary: "Get a decision with its criteria and candidates",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    response: decisionSchema,
    etag: (d) => d.version,
    handler: async ({ actor, params }) => decisionBody(actor, params.decisionId),
  }),
  defineOperation({
    operationId: "updateDecision",
    method: "PATCH",
    path: "/decisions/{decisionId}",
    tag: "Decisions",
    summary: "Update title, context or team",
    description: "Requires If-Match with the ETag read (428 without it, 412 when the decision changed since).",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    ifMatch: true,
    body: z
      .object({
        title: titleSchema.optional(),
        context: contextSchema.optional(),
        teamId: z.string().max(64).nullable().optional().meta({ description: "A team id, or null for none." }),
      })
      .strict(),
    response: decisionSchema,
    etag: (d) => d.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const current = await decisionBody(actor, params.decisionId);
      if (ifMatch !== "*" && ifMatch !== current.version) throw apiRefusal("preconditionFailed", { current });
      let version = current.version;
      for (const field of ["title", "context", "teamId"] as const) {
        const value = body[field];
        if (value === undefined) continue;
        const base = field === "teamId" ? current.teamId : current[field];
        ({ version } = await updateDecisionField(actor, {
          decisionId: current.id,
          version,
          field,
          base,
          value: value ?? "",
        }));
      }
      return decisionBody(actor, current.id);
    },
  }),
  defineOperation({
    operationId: "changeDecisionStatus",
    method: "POST",
    path: "/decisions/{decisionId}/status",
    tag: "Decisions",
    summary: "Move a decision through its status flow",
    description:
      "DRAFT → IN_REVIEW → DECIDED (names the chosen candidate and a rationale) → SUPERSEDED; reopening goes back to " +
      "IN_REVIEW. Requires If-Match.",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    ifMatch: true,
    body: z.object({
      to: decisionStatusSchema,
      chosenCandidateId: z.string().max(64).optional(),
      outcomeRationale: z.string().max(10_000).optional(),
      supersededById: z.string().max(64).optional(),
    }),
    response: decisionSchema,
    etag: (d) => d.version,
    handler: async ({ actor, params, body, ifMatch }) => {
      const current = await decisionBody(actor, params.decisionId);
      if (ifMatch !== "*" && ifMatch !== current.version) throw apiRefusal("preconditionFailed", { current });
      const input = statusChangeSchema.safeParse({ ...body, decisionId: current.id, version: current.version });
      if (!input.success) {
        const fieldErrors: Record<string, string> = {};
        for (const i of input.error.issues) fieldErrors[String(i.path[0] ?? "body")] ??= i.message;
        throw new DomainError("invalidInput", { fieldErrors });
      }
      await changeDecisionStatus(actor, input.data);
      return decisionBody(actor, current.id);
    },
  }),
];
