// Columns stored beside the value they derive from, so a list's search and sort run in SQL: Decision.titleSearch
// (the title's search key, folded to lower case — SQLite's lower() and LIKE fold ASCII only, PostgreSQL's depend on
// the collation)
// and Decision.statusRank (the lifecycle order SQLite cannot get from a TEXT enum). A query extension fills them in on
// every decision write through any client createPrismaClient makes (server, seed, scripts, tests), so no write path
// can forget them; refreshDerivedColumns repairs rows written before the columns existed.
import { DECISION_STATUSES } from "@/lib/validation/enums";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The search key of a title (and of a search needle): folded to lower case, and LIKE's wildcards and escape (% _ \)
 * replaced by private-use characters — Prisma's `contains` hands the needle to LIKE unescaped, so a search for "100%"
 * would otherwise match "100 ms". toLowerCase, not toLocaleLowerCase: the stored key must not depend on the locale of
 * whichever instance wrote it.
 */
export const titleSearchOf = (title: string): string =>
  title.toLowerCase().replace(/[%_\\]/g, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0)));

/** DRAFT 0, IN_REVIEW 1, DECIDED 2, SUPERSEDED 3. */
export const statusRankOf = (status: string): number =>
  Math.max(0, DECISION_STATUSES.indexOf(status as (typeof DECISION_STATUSES)[number]));

type Data = Record<string, unknown>;

// A Prisma update may give a field as a value or as { set: value }.
const plain = (v: unknown): unknown => (v !== null && typeof v === "object" && "set" in v ? (v as Data).set : v);

function withDerived<T>(data: T): T {
  if (data === null || typeof data !== "object") return data;
  const d = data as Data;
  const title = plain(d.title);
  const status = plain(d.status);
  return {
    ...d,
    ...(typeof title === "string" ? { titleSearch: titleSearchOf(title) } : {}),
    ...(typeof status === "string" ? { statusRank: statusRankOf(status) } : {}),
  } as T;
}

const each = <T>(data: T): T => (Array.isArray(data) ? (data.map(withDerived) as T) : withDerived(data));

/** The client with the decision writes completing their derived columns. Typed as the client it extends. */
export function withDerivedColumns(client: PrismaClient): PrismaClient {
  return client.$extends({
    name: "derived-columns",
    query: {
      decision: {
        create: ({ args, query }) => query({ ...args, data: withDerived(args.data) }),
        createMany: ({ args, query }) => query({ ...args, data: each(args.data) }),
        createManyAndReturn: ({ args, query }) => query({ ...args, data: each(args.data) }),
        update: ({ args, query }) => query({ ...args, data: withDerived(args.data) }),
        updateMany: ({ args, query }) => query({ ...args, data: withDerived(args.data) }),
        updateManyAndReturn: ({ args, query }) => query({ ...args, data: withDerived(args.data) }),
        upsert: ({ args, query }) =>
          query({ ...args, create: withDerived(args.create), update: withDerived(args.update) }),
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * Recomputes titleSearch and statusRank where they differ from the title and status, in batches. The migration that
 * added the columns fills them with SQL (lower(), a CASE on status); this catches what SQL folds differently from
 * JavaScript (every non-ASCII capital on SQLite). Run after migrating (prisma/seed.ts); a no-op once repaired.
 */
export async function refreshDerivedColumns(client: PrismaClient, batch = 1000): Promise<number> {
  let fixed = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await client.decision.findMany({
      select: { id: true, title: true, titleSearch: true, status: true, statusRank: true },
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const r of rows) {
      if (r.titleSearch === titleSearchOf(r.title) && r.statusRank === statusRankOf(r.status)) continue;
      // Raw columns only: a repair is not an edit, so updatedAt and version stay as they were.
      await client.$executeRaw`UPDATE "Decision" SET "titleSearch" = ${titleSearchOf(r.title)}, "statusRank" = ${statusRankOf(r.status)} WHERE "id" = ${r.id}`;
      fixed++;
    }
    if (rows.length < batch) return fixed;
    cursor = rows[rows.length - 1].id;
  }
}
