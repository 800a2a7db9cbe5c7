// Environment variables, parsed once. Shared by the server, the start script and the seed; no secrets have defaults.
import path from "node:path";
import { z } from "zod";
import { API_RULE } from "@/lib/auth/policy";
import { parseTrustProxy, type TrustProxy } from "@/lib/http/client-address";

const schema = z.object({
  STACKWISE_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/i,
      "Use a SQLite file: URL (file:./data/stackwise.db) or a PostgreSQL URL (postgresql://user:password@host:5432/db)",
    )
    .optional(),
  /** PostgreSQL pool and session limits, read by lib/db/pg-adapter.ts; validated here so a typo fails at start. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).optional(),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Per-token budget of /api/v1: requests per window (lib/server/api-requests.ts apiRule). */
  STACKWISE_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(API_RULE.free),
  STACKWISE_API_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(API_RULE.windowMs / 1000),
  /** Worker threads rendering PDF and XLSX exports (lib/server/export-render.ts); 0 renders on the request thread. */
  STACKWISE_RENDER_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  /** A render that runs longer fails with a logged error and its worker is replaced. */
  STACKWISE_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** "off" in production: no demo workspace or demo accounts are created on first start. */
  STACKWISE_DEMO: z.enum(["on", "off"]).default("on"),
  /**
   * Which X-Forwarded-For hops are our own reverse proxies: unset = none (the TCP peer is the client), a number =
   * that many proxies in front, or a comma-separated list of proxy addresses / CIDRs. See SECURITY.md.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustProxy(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; trustProxy: TrustProxy };

let cached: Env | undefined;

/** Parses and checks a set of variables (process.env for env()); throws one message listing every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const databaseUrl = parsed.data.DATABASE_URL ?? `file:${path.join(parsed.data.STACKWISE_DATA_DIR, "stackwise.db")}`;
  return { ...parsed.data, DATABASE_URL: databaseUrl, trustProxy: parseTrustProxy(parsed.data.TRUST_PROXY) };
}

export function env(): Env {
  return (cached ??= parseEnv(process.env));
}
