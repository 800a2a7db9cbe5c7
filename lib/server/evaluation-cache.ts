import "server-only";
// Evaluate once per version of the inputs (issue 14). An entry is stored under sha256(format version + canonical JSON
// of exactly what the output is computed from, as the viewing actor sees it): a changed score, fact, judgment, rating,
// name or option is a different key, so a stale entry, or one computed for a viewer who sees other scores (blind
// scoring), can never be served, and no instance has to be told to invalidate anything. Entries live in the database
// (EvaluationCache), so every instance shares them; old keys of a decision are pruned when a new one is stored.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { DecisionDetail } from "@/lib/decisions/dto";
import { toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision, type EvaluationOutcome } from "@/lib/scoring";
import type { EvaluateOptions } from "@/lib/scoring/types";
import type { WriteOptions } from "@/lib/db/write-queue";
import type { Actor } from "./actor";
import { authorize } from "./authz";
import { canonicalJson, decodeJson, encodeJson } from "./canonical-json";
import { db, writeTransaction } from "./db";

const CACHE_WRITE: WriteOptions = { isolation: "readCommitted" };

/**
 * Bump when the engine's or a renderer's output changes for the same inputs (a fixed formula, a new PDF section, a
 * changed message): every older entry then misses and is pruned as new ones arrive. A build id is added on top when
 * the server was built by Next (STACKWISE_BUILD_ID, next.config.ts), so a deploy never serves the previous code's
 * output even when nobody bumped this.
 */
export const CACHE_FORMAT = 2;

export type CacheKind = "result" | "pdf" | "xlsx";

/** Entries kept per decision and kind: the page's, the API's and the exports' options, each for a few viewers. */
export const KEEP: Record<CacheKind, number> = { result: 8, pdf: 4, xlsx: 4 };

const buildId = () => process.env.STACKWISE_BUILD_ID ?? "source";

/** The content address of `parts` (everything the output depends on) for one kind of output. */
export function cacheKey(kind: CacheKind, parts: unknown): string {
  return createHash("sha256")
    .update(canonicalJson({ format: CACHE_FORMAT, build: buildId(), kind, parts }))
    .digest("hex");
}

/**
 * What the evaluation engine is given for a decision: the key of its result. evaluateDecision is a pure function of
 * these two arguments, so nothing else can change its output.
 */
export function resultKeyParts(decision: DecisionDetail, options: EvaluateOptions) {
  return { model: toScoringModel(decision), options };
}

/**
 * The engine's outcome for the decision as `decision` shows it (getDecision's read, blind scoring already applied)
 * with the given options, computed at most once per version of those inputs across all instances.
 */
export async function cachedResult(
  actor: Actor,
  decision: DecisionDetail,
  options: EvaluateOptions,
): Promise<EvaluationOutcome> {
  authorize(actor, "decision.read");
  const parts = resultKeyParts(decision, options);
  // Without the Monte Carlo run the 12 × 20 × 8 benchmark evaluates in ~4 ms: less than hashing and reading back.
  if (options.monteCarlo?.samples === 0) return evaluateDecision(parts.model, parts.options);
  // Gzipped: the 12 × 20 × 8 benchmark's outcome is 212 kB of JSON and 28 kB gzipped; reading the smaller row is
  // faster than the 1 ms it takes to unzip.
  const bytes = await cached(actor, decision.id, "result", cacheKey("result", parts), async () =>
    gzipSync(encodeJson(evaluateDecision(parts.model, parts.options)), { level: 1 }),
  );
  return decodeJson<EvaluationOutcome>(gunzipSync(bytes).toString("utf8"));
}

/**
 * Bytes of a rendered export: `parts` must name everything `render` reads (the caller builds both from the same
 * read, made as `actor`; see lib/server/export-downloads.ts).
 */
export async function cachedBytes(
  actor: Actor,
  decisionId: string,
  kind: Exclude<CacheKind, "result">,
  parts: unknown,
  render: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  authorize(actor, "export.read");
  return cached(actor, decisionId, kind, cacheKey(kind, parts), render);
}

async function cached(
  actor: Actor,
  decisionId: string,
  kind: CacheKind,
  key: string,
  compute: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  // Scoped to the actor's workspace like every read: an entry of another workspace's decision is never found.
  const hit = await db.evaluationCache.findFirst({
    where: { decisionId, kind, key, decision: { workspaceId: actor.workspaceId } },
    select: { body: true },
  });
  if (hit) return new Uint8Array(Buffer.from(hit.body, "base64"));
  const body = await compute();
  await store(actor, decisionId, kind, key, body);
  return body;
}

/**
 * Stores an entry and prunes the decision's older ones of that kind in the same transaction. A cache that cannot be
 * written must not fail the request that computed the value: another instance storing the same key first (a unique
 * violation), a decision deleted meanwhile (a foreign-key violation) or a busy database only cost a later recompute.
 */
async function store(actor: Actor, decisionId: string, kind: CacheKind, key: string, body: Uint8Array): Promise<void> {
  try {
    await writeTransaction(async (tx) => {
      // Only into a decision of the actor's own workspace, whatever id a caller passes.
      if (!(await tx.decision.count({ where: { id: decisionId, workspaceId: actor.workspaceId } }))) return;
      await tx.evaluationCache.upsert({
        where: { decisionId_kind_key: { decisionId, kind, key } },
        create: { decisionId, kind, key, body: Buffer.from(body).toString("base64") },
        update: {},
      });
      const stale = await tx.evaluationCache.findMany({
        where: { decisionId, kind },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: KEEP[kind],
        select: { id: true },
      });
      if (stale.length) await tx.evaluationCache.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
      // Read committed (PostgreSQL): a cache row races nobody's data. Serializable made simultaneous stores of one
      // decision retry each other for seconds; here the worst case is a concurrent prune removing one row too many.
    }, CACHE_WRITE);
  } catch (e) {
    console.warn(`[evaluation-cache] not stored (${kind} of ${decisionId}): ${e instanceof Error ? e.message : e}`);
  }
}
