import "server-only";
// The computed evaluation (the results page's numbers), exports, the audit trail, and who the token is.
import { z } from "zod";
import { DomainError, notFound } from "@/lib/errors/domain-error";
import { EXPORT_FORMATS, CONTENT_TYPES, type ExportFormat } from "@/lib/export/filename";
import { downloadResponse } from "@/lib/export/render";
import { decisionOptionsOf } from "@/lib/decisions/to-scoring-model";
import { discussionList, valueForMoney, type ValueForMoney } from "@/lib/scoring";
import { LOCALES } from "@/lib/i18n/config";
import { MC_SAMPLES, decisionSeed } from "@/lib/results/seed";
import { listAuditEvents } from "@/lib/server/audit";
import { decodeKeyset } from "@/lib/server/paging";
import { getDecision } from "@/lib/server/decisions";
import { cachedResult } from "@/lib/server/evaluation-cache";
import { renderDownload } from "@/lib/server/export-downloads";
import { memoRead } from "@/lib/server/read-memo";
import type { Actor } from "@/lib/server/actor";
import { limitExports } from "@/lib/server/throttle";
import { AUDIT_COUNT_CAP, auditQuerySchema } from "@/lib/validation/audit";
import { defineOperation } from "../operation";
import { auditEventSchema, resultsSchema, tokenInfoSchema, type ResultsBody } from "../schemas";

const decisionParam = z.object({ decisionId: z.string().min(1).max(64) });

export const resultOperations = [
  defineOperation({
    operationId: "getResults",
    method: "GET",
    path: "/decisions/{decisionId}/results",
    tag: "Results",
    summary:
      "The computed evaluation: totals, ranks, TOPSIS, sensitivity, Monte Carlo summary, evaluators' agreement, " +
      "the disagreements worth discussing, verdict",
    description:
      "Computed on request from the stored rows by the same engine, options and Monte Carlo seed as the results page " +
      "(so the numbers are the page's). Blind scoring applies: while you still score blind, only your own scores count.",
    scope: "read",
    permission: "decision.read",
    params: decisionParam,
    query: z.object({
      samples: z.coerce
        .number()
        .int()
        .min(0, "samplesInvalid")
        .max(MC_SAMPLES, "samplesInvalid")
        .optional()
        .default(MC_SAMPLES)
        .meta({ description: "Monte Carlo samples (0 skips the simulation); the page uses 10,000." }),
    }),
    response: resultsSchema,
    handler: async ({ actor, params, query }): Promise<ResultsBody> => {
      // The same body while the decision's inputs are unchanged (lib/server/read-memo.ts); the operation has checked
      // decision.read already.
      const body = await memoRead(actor, params.decisionId, {
        kind: "api-results",
        parts: query.samples,
        compute: () => resultsBody(actor, params.decisionId, query.samples),
        size: (b) => 2 * JSON.stringify(b).length,
      });
      if (!body) throw notFound("decision");
      return body;
    },
  }),
  defineOperation({
    operationId: "exportDecision",
    method: "GET",
    path: "/decisions/{decisionId}/export/{format}",
    tag: "Exports",
    summary: "Download a report: pdf, md (ADR), csv, xlsx or json",
    scope: "read",
    permission: "export.read",
    params: decisionParam.extend({ format: z.enum(EXPORT_FORMATS) }),
    query: z.object({ locale: z.enum(LOCALES).optional().default("en") }),
    download: [...new Set(EXPORT_FORMATS.map((f) => CONTENT_TYPES[f as ExportFormat].split(";")[0]!))],
    handler: async ({ actor, params, query }) => {
      await limitExports(actor.userId);
      const download = await renderDownload(actor, params.decisionId, params.format, query.locale);
      return downloadResponse(download.body, params.format, download.title);
    },
  }),
  defineOperation({
    operationId: "listAuditEvents",
    method: "GET",
    path: "/audit",
    tag: "Audit",
    summary: "The workspace's audit trail (admins)",
    description:
      "Newest first, paged by keyset: `page.nextCursor` reads older events, `page.previousCursor` newer ones, and " +
      "either costs the same at any depth. `until` (a UTC day) starts at the newest event on or before it. `total` " +
      `counts the trail up to ${AUDIT_COUNT_CAP.toLocaleString("en")}; past that it is ${AUDIT_COUNT_CAP} with ` +
      "`totalCapped` true.",
    scope: "admin",
    permission: "audit.read",
    query: auditQuerySchema,
    response: z.object({
      data: z.array(auditEventSchema),
      page: z.object({
        nextCursor: z.string().nullable().meta({ description: "Older events; null on the oldest page." }),
        previousCursor: z.string().nullable().meta({ description: "Newer events; null on the newest page." }),
      }),
      total: z.number().int(),
      totalCapped: z.boolean(),
    }),
    handler: async ({ actor, query }) => {
      const keyset = query.cursor === undefined ? null : decodeKeyset(query.cursor);
      if (query.cursor !== undefined && keyset === null)
        throw new DomainError("invalidInput", { fieldErrors: { "query.cursor": "cursorInvalid" } });
      const r = await listAuditEvents(actor, { keyset, until: query.until, limit: query.limit });
      return {
        data: r.events,
        page: { nextCursor: r.older, previousCursor: r.newer },
        total: r.total,
        totalCapped: r.totalCapped,
      };
    },
  }),
];

/** GET /me: what the token acts as (handy for checking a CI secret). */
export const meOperation = defineOperation({
  operationId: "getTokenInfo",
  method: "GET",
  path: "/me",
  tag: "Tokens",
  summary: "Who this token acts as, in which workspace, with which scopes",
  scope: "read",
  permission: "decision.read",
  response: tokenInfoSchema,
  handler: async ({ actor, scopes }) => ({
    userId: actor.userId,
    workspaceId: actor.workspaceId,
    role: actor.role,
    scopes,
  }),
});

/** The results body of a decision (null when the actor's workspace has none): the operation's uncached computation. */
async function resultsBody(actor: Actor, decisionId: string, samples: number): Promise<ResultsBody | null> {
  const decision = await getDecision(actor, decisionId);
  if (!decision) return null;

  const outcome = await cachedResult(actor, decision, {
    ...decisionOptionsOf(decision),
    monteCarlo: { samples: samples, seed: decisionSeed(decision.id) },
  });
  const empty = {
    decisionId: decision.id,
    weightSource: null,
    weights: [],
    ranking: [],
    winnerId: null,
    tieAtTop: false,
    topsis: null,
    sensitivity: null,
    monteCarlo: null,
    consensus: null,
    tree: null,
    pairwise: [],
    discussion: [],
    valueForMoney: null,
    verdict: null,
  };
  if (!outcome.ok)
    return { ...empty, ok: false, errors: outcome.errors.map((e) => ({ code: e.code, message: e.message })) };
  const r = outcome.result;
  const criterion = new Map(decision.criteria.map((c) => [c.id, c.name]));
  const candidate = new Map(decision.candidates.map((c) => [c.id, c.name]));
  return {
    decisionId: decision.id,
    ok: true,
    errors: [],
    weightSource: r.weightSource,
    weights: r.weights.map((w) => ({ ...w, criterion: criterion.get(w.criterionId) ?? "" })),
    ranking: r.ranking.map((x) => ({
      candidateId: x.candidateId,
      candidate: candidate.get(x.candidateId) ?? "",
      total: x.total,
      rank: x.rank,
      tied: x.tied,
      margin: x.margin,
      incomplete: x.incomplete,
      excluded: x.excluded,
      missingCriteria: x.missingCriteria,
      contributions: x.contributions,
    })),
    winnerId: r.winnerId,
    tieAtTop: r.tieAtTop,
    topsis: {
      winnerId: r.topsis.winnerId,
      agreesWithWeightedSum: r.topsis.agreesWithWeightedSum,
      closeness: r.topsis.closeness,
    },
    sensitivity: {
      leaderId: r.sensitivity.leaderId,
      criteria: r.sensitivity.criteria.map(({ crossovers: _c, ...c }) => c),
      smallestChange: r.sensitivity.smallestChange,
    },
    monteCarlo: r.monteCarlo
      ? {
          samples: r.monteCarlo.samples,
          seed: r.monteCarlo.seed,
          kappa: r.monteCarlo.kappa,
          pWinnerFirst: r.monteCarlo.pWinnerFirst,
          seWinnerFirst: r.monteCarlo.seWinnerFirst,
          pFirst: r.monteCarlo.pFirst,
        }
      : null,
    consensus: r.consensus,
    tree: r.tree && {
      nodes: r.tree.nodes.map((n) => ({ ...n, criterion: criterion.get(n.criterionId) ?? "" })),
      ahp: r.tree.ahp.map((g) => ({
        parentId: g.parentId,
        cr: g.result?.cr ?? null,
        weights: g.result?.weights ?? null,
      })),
      groupSensitivity: r.tree.groupSensitivity.map(({ crossovers: _c, ...c }) => c),
    },
    pairwise: r.pairwise.map((p) => ({
      criterionId: p.criterionId,
      status: p.status,
      priorities: p.priorities,
      lambdaMax: p.lambdaMax,
      ci: p.ci,
      cr: p.cr,
      consistent: p.consistent,
      evaluatorCount: p.evaluatorCount,
      missingPairs: p.missingPairs,
      unjudged: p.unjudged,
    })),
    discussion: discussionList(r),
    valueForMoney: valueForMoneyOrNull(valueForMoney(decision.criteria, r)),
    verdict: { key: r.verdict.key, params: r.verdict.params },
  };
}

/** The value-for-money block as the engine gives it, or null when no criterion is money. */
const valueForMoneyOrNull = (v: ValueForMoney) => (v.kind === "none" ? null : v);
