// The floor bench:scale compares each page with: a bare Node `http` server and the same driver the app uses
// (better-sqlite3 or pg), running the queries that fetch the rows the page needs and answering them as JSON — no
// framework, no authorisation, no rendering. What the app spends above this is its own overhead.
// Run as a child process: `node --import tsx scripts/lib/scale-floor.ts <port> <databaseUrl> <workspaceId>`.
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, pgConfig } from "../../lib/db/pg-adapter";
import { toSqlitePlaceholders } from "./raw-writer";

type Query = (sql: string, params?: (string | number | null)[]) => Promise<Record<string, unknown>[]>;
const LIST_PAGE = 25;
const AUDIT_PAGE = 50;
const AUDIT_COUNT_CAP = 10_000;

function connect(url: string): { q: Query; tx: <T>(fn: () => Promise<T>) => Promise<T> } {
  if (!isPostgresUrl(url)) {
    const db = new Database(url.replace(/^file:/, ""));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 15000");
    const cache = new Map<string, { stmt: Database.Statement; order: number[] }>();
    const q: Query = async (sql, params = []) => {
      let prepared = cache.get(sql);
      if (!prepared) {
        const s = toSqlitePlaceholders(sql);
        cache.set(sql, (prepared = { stmt: db.prepare(s.sql), order: s.order }));
      }
      const { stmt, order } = prepared;
      const args = order.map((i) => params[i]);
      return stmt.reader ? (stmt.all(args) as Record<string, unknown>[]) : (stmt.run(args), []);
    };
    // better-sqlite3 is synchronous: nothing interleaves between BEGIN and COMMIT inside one request's awaits here.
    return {
      q,
      tx: async (fn) => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const r = await fn();
          db.exec("COMMIT");
          return r;
        } catch (e) {
          db.exec("ROLLBACK");
          throw e;
        }
      },
    };
  }
  const pool = new pg.Pool({ ...pgConfig(url), max: 10 });
  const store = { client: null as pg.PoolClient | null };
  return {
    q: async (sql, params = []) => (await (store.client ?? pool).query(sql, params)).rows,
    // Only one write request at a time uses the transaction client (see below), like the app's serialised edits.
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        store.client = client;
        const r = await fn();
        await client.query("COMMIT");
        return r;
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      } finally {
        store.client = null;
        client.release();
      }
    },
  };
}

const [port, url, workspaceId] = process.argv.slice(2);
const { q, tx } = connect(url);
let writes = Promise.resolve<unknown>(null);
const serial = <T>(fn: () => Promise<T>): Promise<T> => {
  const next = writes.then(fn, fn);
  writes = next.catch(() => null);
  return next;
};

async function decisionRows(id: string) {
  const [decision] = await q(`SELECT * FROM "Decision" WHERE "id" = $1 AND "workspaceId" = $2`, [id, workspaceId]);
  const criteria = await q(`SELECT * FROM "Criterion" WHERE "decisionId" = $1 ORDER BY "position"`, [id]);
  const candidates = await q(`SELECT * FROM "Candidate" WHERE "decisionId" = $1 ORDER BY "position"`, [id]);
  const scores = await q(
    `SELECT s.* FROM "Score" s JOIN "Criterion" c ON c."id" = s."criterionId" WHERE c."decisionId" = $1`,
    [id],
  );
  const facts = await q(
    `SELECT f.* FROM "Fact" f JOIN "Criterion" c ON c."id" = f."criterionId" WHERE c."decisionId" = $1`,
    [id],
  );
  return { decision, criteria, candidates, scores, facts };
}

async function list(params: URLSearchParams) {
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const where = [`d."workspaceId" = $1`, `d."archivedAt" IS NULL`];
  const args: (string | number)[] = [workspaceId];
  if (params.get("status")) where.push(`d."status" = $${args.push(params.get("status")!)}`);
  if (params.get("q")) where.push(`LOWER(d."title") LIKE $${args.push(`%${params.get("q")!.toLowerCase()}%`)}`);
  const [{ n }] = await q(`SELECT COUNT(*) AS n FROM "Decision" d WHERE ${where.join(" AND ")}`, args);
  const rows = await q(
    `SELECT d."id", d."title", d."status", d."updatedAt", t."name" AS "team",
      (SELECT COUNT(*) FROM "Candidate" k WHERE k."decisionId" = d."id") AS "candidates"
     FROM "Decision" d LEFT JOIN "Team" t ON t."id" = d."teamId" WHERE ${where.join(" AND ")}
     ORDER BY d."updatedAt" DESC LIMIT ${LIST_PAGE} OFFSET ${(page - 1) * LIST_PAGE}`,
    args,
  );
  return { total: Number(n), rows };
}

// The audit trail as the app reads it: by keyset from a row (?at=&id=, the stored createdAt and id of the row the
// page starts after), one row past the page, the count capped at 10,001, and a probe for newer rows past the first page.
async function audit(params: URLSearchParams) {
  const at = params.get("at");
  const id = params.get("id");
  const [{ n }] = await q(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "AuditEvent" WHERE "workspaceId" = $1 LIMIT ${AUDIT_COUNT_CAP + 1}) c`,
    [workspaceId],
  );
  const past = at && id ? `AND e."createdAt" <= $2 AND NOT (e."createdAt" = $2 AND e."id" >= $3)` : "";
  const rows = await q(
    `SELECT e.*, u."name", u."email" FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
     WHERE e."workspaceId" = $1 ${past} ORDER BY e."createdAt" DESC, e."id" DESC LIMIT ${AUDIT_PAGE + 1}`,
    at && id ? [workspaceId, at, id] : [workspaceId],
  );
  const newer =
    at && id
      ? await q(
          `SELECT 1 FROM "AuditEvent" e WHERE e."workspaceId" = $1
           AND e."createdAt" >= $2 AND NOT (e."createdAt" = $2 AND e."id" <= $3) LIMIT 1`,
          [workspaceId, at, id],
        )
      : [];
  return {
    total: Number(n),
    rows: rows.slice(0, AUDIT_PAGE),
    older: rows.length > AUDIT_PAGE,
    newer: newer.length > 0,
  };
}

/** The stored createdAt and id of the event `depth` rows down the trail: where a deep page starts. */
async function auditRow(params: URLSearchParams) {
  const [row] = await q(
    `SELECT "createdAt", "id" FROM "AuditEvent" WHERE "workspaceId" = $1
     ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 OFFSET ${Number(params.get("depth") ?? 0)}`,
    [workspaceId],
  );
  return row;
}

const now = () => new Date().toISOString();
const newId = () => `cfloor${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;

async function saveScore(b: { criterionId: string; candidateId: string; evaluatorId: string; value: number }) {
  return serial(() =>
    tx(async () => {
      const [row] = await q(
        `INSERT INTO "Score" ("id", "criterionId", "candidateId", "evaluatorId", "value", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("criterionId", "candidateId", "evaluatorId")
         DO UPDATE SET "value" = excluded."value", "version" = "Score"."version" + 1, "updatedAt" = excluded."updatedAt"
         RETURNING "version"`,
        [newId(), b.criterionId, b.candidateId, b.evaluatorId, b.value, now()],
      );
      await q(
        `INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "action", "entityType", "after", "createdAt")
         VALUES ($1, $2, $3, 'score.save', 'Score', $4, $5)`,
        [newId(), workspaceId, b.evaluatorId, JSON.stringify({ value: b.value }), now()],
      );
      return row;
    }),
  );
}

async function saveRating(b: { memberId: string; skillId: string; level: number }) {
  return serial(() =>
    tx(async () => {
      const [row] = await q(
        `UPDATE "SkillRating" SET "level" = $1, "version" = "version" + 1, "updatedAt" = $2
         WHERE "memberId" = $3 AND "skillId" = $4 RETURNING "version"`,
        [b.level, now(), b.memberId, b.skillId],
      );
      await q(
        `INSERT INTO "AuditEvent" ("id", "workspaceId", "action", "entityType", "after", "createdAt")
         VALUES ($1, $2, 'rating.set', 'SkillRating', $3, $4)`,
        [newId(), workspaceId, JSON.stringify(b), now()],
      );
      return row;
    }),
  );
}

const body = (req: http.IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = "";
    req.on("data", (c: Buffer) => (s += c.toString()));
    req.on("end", () => resolve(s));
  });

http
  .createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? "/", "http://floor");
      const [, kind, id] = u.pathname.split("/");
      let out: unknown;
      if (kind === "list") out = await list(u.searchParams);
      else if (kind === "decision") out = await decisionRows(id);
      else if (kind === "audit") out = await audit(u.searchParams);
      else if (kind === "audit-row") out = await auditRow(u.searchParams);
      else if (kind === "score") out = await saveScore(JSON.parse(await body(req)));
      else if (kind === "rating") out = await saveRating(JSON.parse(await body(req)));
      else if (kind === "ready") out = { ok: true };
      else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out));
    } catch (e) {
      res.writeHead(500).end(String(e));
      if (process.env.SCALE_FLOOR_DEBUG) console.error(e);
    }
  })
  .listen(Number(port), "127.0.0.1");
