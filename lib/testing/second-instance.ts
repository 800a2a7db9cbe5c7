// A second copy of the server's data layer in the same test process: fresh module instances with their own Prisma
// client and write queue (lib/server/db.ts caches them on globalThis, which is set aside while the copy loads), on the
// same database — what another server process behind the load balancer has. The caller disconnects `db` when done.
import { vi } from "vitest";

export async function secondInstance() {
  const g = globalThis as Record<string, unknown>;
  const saved = ["stackwiseDb", "stackwiseWrites", "stackwiseProvider"].map((k) => [k, g[k]] as const);
  for (const [k] of saved) delete g[k];
  vi.resetModules();
  try {
    return {
      cache: await import("@/lib/server/evaluation-cache"),
      scores: await import("@/lib/server/scores"),
      decisions: await import("@/lib/server/decisions"),
      db: (await import("@/lib/server/db")).db,
    };
  } finally {
    for (const [k, v] of saved) g[k] = v;
  }
}
