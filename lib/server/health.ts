import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db, provider } from "./db";

/** True when the database answers a trivial query. Reveals no workspace data, so it needs no actor. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export interface Readiness {
  ready: boolean;
  database: "reachable" | "unreachable";
  /** Committed migrations of this backend that the database has not applied (names only). */
  pendingMigrations: string[];
}

/** The migration folders this build expects, read from the checkout the server runs in. */
function expectedMigrations(): string[] {
  // Literal paths, so the bundler's file tracing stays within the migrations folders.
  const dir =
    provider === "postgresql"
      ? path.join(process.cwd(), "prisma", "postgresql", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+_/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Ready to take traffic: the database answers and every committed migration has finished there. A load balancer
 * keeps an instance out of rotation until this is true (e.g. while another instance is still migrating).
 */
export async function readiness(): Promise<Readiness> {
  let applied: string[];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    return { ready: false, database: (await databaseReachable()) ? "reachable" : "unreachable", pendingMigrations: [] };
  }
  const done = new Set(applied);
  const pendingMigrations = expectedMigrations().filter((m) => !done.has(m));
  return { ready: pendingMigrations.length === 0, database: "reachable", pendingMigrations };
}
