import "server-only";
// Decisions: list (filters + cursor pagination), get, create, update (If-Match), status transitions, archive,
// duplicate, and the read-only share links of a decision's report.
import { z } from "zod";
import { apiRefusal, DomainError, notFound } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/server/actor";
import {
  changeDecisionStatus,
  createDecision,
  duplicateDecision,
  getDecision,
  getDecisionHeader,
  listDecisionsFrom,
  setDecisionArchived,
  updateDecisionField,
} from "@/lib/server/decisions";
import { publicOrigin } from "@/lib/http/public-origin";
import { createShareLink, listShareLinks, revokeShareLink, SHARE_EXPIRY_DAYS } from "@/lib/server/share-links";
import enSetup from "@/lib/i18n/messages/en/setup.json";
import { createDecisionSchema, statusChangeSchema, titleSchema, contextSchema } from "@/lib/validation/decision";
import { decisionStatusSchema } from "@/lib/validation/enums";
import { cursorParams, pageOf, windowOf } from "../cursor";
import { defineOperation } from "../operation";
import {
  apiCriterion,
  decisionListItemSchema,
  decisionSchema,
  idParam,
  pageInfoSchema,
  shareLinkCreatedSchema,
  shareLinkSchema,
} from "../schemas";

const decisionParam = idParam("decisionId");
const shareLinkParam = z.object({ decisionId: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

/** The scheme and host the client used (behind a proxy, its forwarded headers), for the links handed out. */

function archiveOperation(archived: boolean) {
  return defineOperation({
    operationId: archived ? "archiveDecision" : "unarchiveDecision",
    method: "POST",
    path: `/decisions/{decisionId}/${archived ? "archive" : "unarchive"}`,
    tag: "Decisions",
    summary: archived ? "Archive a decision (any status)" : "Bring an archived decision back",
    description: "Requires If-Match with the decision's ETag (428 without, 412 when it changed since).",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    ifMatch: true,
    response: decisionSchema,
    etag: (d) => d.version,
    handler: async ({ actor, params, ifMatch }) => {
      const current = await decisionBody(actor, params.decisionId);
      const version = ifMatch === "*" || ifMatch === null ? current.version : ifMatch;
      await setDecisionArchived(actor, { decisionId: current.id, version }, archived);
      return decisionBody(actor, current.id);
    },
  });
}

/** The decision as the API shows it (blind scoring is applied by getDecision; scores are not part of it). */
export async function decisionBody(actor: Actor, id: string): Promise<z.infer<typeof decisionSchema>> {
  const [d, header] = await Promise.all([getDecision(actor, id), getDecisionHeader(actor, id)]);
  if (!d || !header) throw notFound("decision");
  const teamId = d.team?.id ?? null;
  return {
    id: d.id,
    title: d.title,
    context: d.context,
    status: d.status,
    teamId,
    chosenCandidateId: d.chosenCandidateId,
    outcomeRationale: d.outcomeRationale,
    archived: header.archived,
    scoring: d.scoring,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
    criteria: d.criteria.map(apiCriterion),
    candidates: d.candidates,
  };
}

const listQuery = z.object({
  q: z.string().trim().max(200).optional().meta({ description: "Case-insensitive title search." }),
  status: decisionStatusSchema.optional(),
  teamId: z.string().max(64).optional().meta({ description: "A team id, or `none` for decisions without a team." }),
  archived: z.enum(["include", "exclude"]).optional().default("exclude"),
  sort: z.enum(["updated", "title", "status"]).optional().default("updated"),
  ...cursorParams(25),
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
      const rows = await listDecisionsFrom(
        actor,
        {
          q: query.q ?? "",
          status: query.status ?? "",
          team: query.teamId ?? "",
          sort: query.sort,
          archived: query.archived === "include" ? "1" : "",
        },
        windowOf(query),
      );
      const { data, page } = pageOf(rows, query);
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
        page,
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
  archiveOperation(true),
  archiveOperation(false),
  defineOperation({
    operationId: "duplicateDecision",
    method: "POST",
    path: "/decisions/{decisionId}/duplicate",
    tag: "Decisions",
    summary: "Duplicate a decision as a new draft",
    description:
      'Copies title (with "(copy)"), context, team, criteria, candidates and skill requirements; scores, AHP ' +
      "judgments and the outcome are not copied. Any status. Honours Idempotency-Key.",
    scope: "write",
    permission: "decision.write",
    params: decisionParam,
    response: decisionSchema,
    status: 201,
    etag: (d) => d.version,
    handler: async ({ actor, params }) =>
      decisionBody(actor, (await duplicateDecision(actor, params.decisionId, enSetup.list.copySuffix)).id),
  }),
  defineOperation({
    operationId: "listShareLinks",
    method: "GET",
    path: "/decisions/{decisionId}/share-links",
    tag: "Sharing",
    summary: "The read-only links of a decision's report (never their secrets)",
    scope: "read",
    permission: "share.create",
    params: decisionParam,
    response: z.object({ data: z.array(shareLinkSchema) }),
    handler: async ({ actor, params }) => {
      const links = await listShareLinks(actor, params.decisionId);
      if (!(await getDecisionHeader(actor, params.decisionId))) throw notFound("decision");
      return { data: links };
    },
  }),
  defineOperation({
    operationId: "createShareLink",
    method: "POST",
    path: "/decisions/{decisionId}/share-links",
    tag: "Sharing",
    summary: "Create a read-only link to a decision's report",
    description:
      `Expires after \`days\` (${SHARE_EXPIRY_DAYS.join(", ")}). Viewers may create links only while the ` +
      "workspace allows it (settings). The URL is shown once; only its hash is stored.",
    scope: "write",
    permission: "share.create",
    params: decisionParam,
    body: z.object({
      days: z
        .number()
        .int()
        .refine((d) => (SHARE_EXPIRY_DAYS as readonly number[]).includes(d), "expiryInvalid")
        .meta({ description: `One of ${SHARE_EXPIRY_DAYS.join(", ")}.` }),
    }),
    response: shareLinkCreatedSchema,
    status: 201,
    secretFields: ["url"],
    handler: async ({ actor, params, body, request }) => {
      const link = await createShareLink(actor, { decisionId: params.decisionId, days: body.days });
      return {
        id: link.id,
        expiresAt: link.expiresAt,
        url: `${publicOrigin((name) => request.headers.get(name)).origin}/share/${link.token}`,
      };
    },
  }),
  defineOperation({
    operationId: "revokeShareLink",
    method: "DELETE",
    path: "/decisions/{decisionId}/share-links/{linkId}",
    tag: "Sharing",
    summary: "Revoke a share link (it stops working at once)",
    description: "Revoking a link that is already revoked is a 204 as well.",
    scope: "write",
    permission: "decision.write",
    params: shareLinkParam,
    status: 204,
    handler: async ({ actor, params }) => {
      // The link must belong to the decision the path names (revokeShareLink knows only the workspace). Whoever may
      // list the links learns nothing from a 404 here; a role that may not even list them hears 403 from the list.
      const links = await listShareLinks(actor, params.decisionId);
      if (!links.some((l) => l.id === params.linkId)) throw notFound("shareLink");
      await revokeShareLink(actor, { linkId: params.linkId });
      return null;
    },
  }),
];
