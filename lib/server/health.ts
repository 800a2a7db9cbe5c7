import "server-only";
import { db } from "./db";

/** True when the database answers a trivial query. Reveals no workspace data, so it needs no actor. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
