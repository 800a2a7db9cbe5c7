import type { PrismaClient } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Another process (the CLI, a seed, a test fixture) may hold SQLite's write lock for seconds; waiting is better than
// failing a user's save. Prisma's defaults (2 s to start, 5 s to finish) turned such waits into errors.
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

// Prisma begins SQLite transactions as DEFERRED. In WAL mode a deferred transaction that reads first and writes later
// fails at once with SQLITE_BUSY (no busy wait) when another connection committed in between — e.g. a CLI seed or a
// second server process. Writing first takes the write lock up front, where SQLite's busy timeout does wait. The
// statement matches no row and is valid SQL on PostgreSQL too.
const TAKE_WRITE_LOCK = 'UPDATE "Workspace" SET "version" = "version" WHERE 1 = 0';

/**
 * Serialises write transactions through one promise chain. A failing transaction rejects only its own caller;
 * the chain continues with the next writer.
 */
export function createWriteQueue(client: PrismaClient): WriteTransaction {
  let tail: Promise<unknown> = Promise.resolve();
  return function writeTransaction<T>(fn: (tx: TransactionClient) => Promise<T>): Promise<T> {
    const run = tail.then(() =>
      client.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
        return fn(tx);
      }, TRANSACTION_OPTIONS),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * A PostgreSQL transaction that lost a serialization race is run again until this budget is spent; then the user gets
 * the "busy" error (nothing was written) instead of a 500.
 */
export const RETRY_BUDGET = { attempts: 60, ms: 20_000 } as const;

/** PostgreSQL's "could not serialize" (40001) and "deadlock detected" (40P01), as the driver adapter reports them. */
export function isRetryableConflict(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const err = e as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    meta?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (["P2034", "40001", "40P01"].includes(String(err.code ?? err.originalCode))) return true;
  if (err.kind === "TransactionWriteConflict") return true;
  const text = `${typeof err.message === "string" ? err.message : ""} ${JSON.stringify(err.meta ?? "")}`;
  if (/\b(40001|40P01)\b|TransactionWriteConflict|could not serialize access|deadlock detected/i.test(text))
    return true;
  return err.cause !== undefined && err.cause !== e && isRetryableConflict(err.cause);
}

/** pg-pool gave up waiting for a free connection (every pooled connection busy for DATABASE_CONNECT_TIMEOUT_MS). */
export const isPoolTimeout = (e: unknown): boolean =>
  e instanceof Error && /timeout exceeded when trying to connect|Timed out fetching a new connection/i.test(e.message);

const isUniqueViolation = (e: unknown): boolean => {
  if (!e || typeof e !== "object") return false;
  const err = e as { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown };
  if (err.code === "P2002" || err.originalCode === "23505" || err.kind === "UniqueConstraintViolation") return true;
  return err.cause !== undefined && err.cause !== e && isUniqueViolation(err.cause);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WriteOptions {
  /**
   * "serializable" (the default): any read-then-write that spans rows (reorder, import, last-admin protection,
   * throttle counts, share-link use, copies) behaves as if transactions ran one after another.
   * "readCommitted": for the hot single-row edits (a score, a rating, a fact, one field of a criterion), whose
   * safety is the row-version check `UPDATE … WHERE version = ?` (atomic at any isolation level) and unique keys.
   * Serializable there only adds false conflicts between different editors' rows (index-page predicate locks).
   */
  isolation?: "serializable" | "readCommitted";
}

/** For the hot single-row, version-checked edits (see WriteOptions.isolation). */
export const SINGLE_ROW_EDIT: WriteOptions = { isolation: "readCommitted" };

/** A write transaction: SQLite ignores the options (one writer at a time anyway). */
export type WriteTransaction = <T>(fn: (tx: TransactionClient) => Promise<T>, opts?: WriteOptions) => Promise<T>;

/**
 * PostgreSQL: no per-process queue (other instances write too). The loser of a serialization race (or of a
 * deadlock) is run again from the start with jittered backoff and then sees the winner's rows, where a version
 * check answers it as a conflict. A read-committed edit that hits a unique key (two tabs creating the same cell at
 * once) is run once more, and then finds the row and answers "stale". `fn` must only touch the database.
 */
export function createPgWriter(
  client: PrismaClient,
  budget: { attempts: number; ms: number } = RETRY_BUDGET,
): WriteTransaction {
  return async function writeTransaction<T>(fn: (tx: TransactionClient) => Promise<T>, opts: WriteOptions = {}) {
    const serializable = (opts.isolation ?? "serializable") === "serializable";
    const deadline = Date.now() + budget.ms;
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.$transaction(fn, {
          ...TRANSACTION_OPTIONS,
          // The client is typed as the SQLite one, which knows only "Serializable"; the PostgreSQL client takes both.
          isolationLevel: (serializable ? "Serializable" : "ReadCommitted") as "Serializable",
        });
      } catch (e) {
        // An overloaded pool is the same answer as a lost race: nothing was written, try again shortly.
        if (isPoolTimeout(e)) throw new DomainError("busy");
        const conflict = isRetryableConflict(e);
        if (!conflict && !(!serializable && attempt === 1 && isUniqueViolation(e))) throw e;
        if (conflict && (attempt >= budget.attempts || Date.now() > deadline)) throw new DomainError("busy");
        // Full jitter, growing to a second: many writers on one row spread out instead of colliding again.
        await sleep(Math.random() * Math.min(1000, 10 * 2 ** attempt));
      }
    }
  };
}
