// The PostgreSQL driver adapter, shared by the server's client (create-client.ts) and the Prisma CLI
// (prisma.config.ts). Relative imports only: the CLI loads this file without the app's path aliases.
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig, type QueryResult } from "pg";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

const intFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(
      `${name} must be a whole number of ${name.endsWith("_MS") ? "milliseconds" : "connections"}, got "${raw}"`,
    );
  return n;
};

// The WebAssembly schema engine reads catalog columns of type `name` (OID 19) and `"char"` (OID 18), which the adapter
// cannot map (prisma/orm#27403): report them as text, which is what pg already parsed them to.
const TEXT_OID = 25;
const fixFields = <R>(res: R): R => {
  for (const r of Array.isArray(res) ? res : [res])
    for (const f of (r as QueryResult | undefined)?.fields ?? [])
      if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = TEXT_OID;
  return res;
};

class CatalogTextClient extends pg.Client {
  // pg's Pool calls query with a callback; a direct call gets a promise. Both paths are fixed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const cb = args[last];
      args[last] = (err: unknown, res: unknown) => cb(err, err ? res : fixFields(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(fixFields) : out;
  }
}

/** Pool and session limits; each can be overridden by the environment variable named (see README). */
export function poolSettings() {
  return {
    /** Connections per instance. N instances × max must stay below the server's (or PgBouncer's) limit. */
    max: intFrom("DATABASE_POOL_MAX", 10),
    /** Waiting longer than this for a free connection fails the request instead of queueing it forever. */
    connectionTimeoutMillis: intFrom("DATABASE_CONNECT_TIMEOUT_MS", 30_000),
    idleTimeoutMillis: intFrom("DATABASE_IDLE_TIMEOUT_MS", 30_000),
    /** No single statement of a request may run longer (a runaway query would hold a pooled connection). */
    statement_timeout: intFrom("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
    /** A transaction left open by a crashed request is ended by the server, releasing its row locks. */
    idle_in_transaction_session_timeout: intFrom("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000),
  };
}

/**
 * pg lets `connectionString` override `database` (which breaks the shadow database the CLI creates), so the URL is
 * taken apart into separate fields. `sslmode` follows libpq's words: disable, require (encrypted, any certificate),
 * verify-ca / verify-full (the system's CAs, or `sslrootcert=` a file).
 */
export function pgConfig(url: string, extra: Partial<PoolConfig> = {}): PoolConfig {
  const u = new URL(url);
  const params = u.searchParams;
  const sslmode = params.get("sslmode") ?? (params.get("ssl") === "true" ? "require" : "disable");
  let ssl: PoolConfig["ssl"] = false;
  if (sslmode === "require" || sslmode === "prefer" || sslmode === "allow") ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") ssl = { rejectUnauthorized: true };
  if (ssl && params.get("sslrootcert")) {
    ssl = { ...ssl, ca: fs.readFileSync(params.get("sslrootcert")!, "utf8") };
  }
  return {
    host: decodeURIComponent(u.hostname) || params.get("host") || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl,
    application_name: params.get("application_name") ?? "stackwise",
    // Timestamps are read and written in UTC whatever the server's default (prisma/orm#28629).
    options: "-c TimeZone=UTC",
    Client: CatalogTextClient,
    ...poolSettings(),
    ...extra,
  };
}

export const createPgAdapter = (url: string, extra: Partial<PoolConfig> = {}) =>
  new PrismaPg(pgConfig(url, extra), { schema: new URL(url).searchParams.get("schema") ?? undefined });

type PgConnection = Awaited<ReturnType<ReturnType<typeof createPgAdapter>["connect"]>>;

/**
 * A migration script goes to the server in one piece. The adapter's executeScript splits it at every ";", which cuts
 * a PL/pgSQL function body (the revision triggers, lib/db/input-revisions.ts) in half; one simple-protocol query runs
 * the statements in order, as psql would, and as one implicit transaction.
 */
function wholeScripts(conn: PgConnection): PgConnection {
  const pool = conn.underlyingDriver() as pg.Pool;
  const convert = (conn as unknown as { onError?: (e: unknown) => never }).onError?.bind(conn);
  conn.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (e) {
      if (convert) convert(e);
      throw e;
    }
  };
  return conn;
}

/**
 * For the Prisma CLI: the adapter's own shadow database is dropped while its pool is still connected, which
 * PostgreSQL refuses; here the pool is closed first and the drop forced.
 */
export function createPgMigrationAdapter(url: string) {
  const base = createPgAdapter(url, { max: 2 });
  return {
    provider: base.provider as "postgres",
    adapterName: base.adapterName,
    connect: async () => wholeScripts(await base.connect()),
    async connectToShadowDb() {
      const main = await base.connect();
      const name = `stackwise_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = wholeScripts(await new PrismaPg(pgConfig(url, { database: name, max: 2 })).connect());
      shadow.dispose = async () => {
        await (shadow.underlyingDriver() as pg.Pool).end();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}
