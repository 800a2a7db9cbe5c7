// Two instances (two Prisma clients, two pools) storing the same evaluation-cache keys at the same moment on
// PostgreSQL: every request gets its bytes, each key ends up stored once, and pruning keeps the newest entries. Run by
// the test command's PostgreSQL suite (it sets STACKWISE_TEST_PG_TEMPLATE); the SQLite twin is the deterministic
// interleaving in ./evaluation-cache.test.ts.
import "@/lib/testing/use-temp-db";
import { beforeAll, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { secondInstance } from "@/lib/testing/second-instance";
import type { Actor } from "./actor";
import { db } from "./db";
import { KEEP, cachedBytes } from "./evaluation-cache";

let decisionId: string;
let viewer: Actor;
beforeAll(async () => {
  const ws = await seedDemoWorkspace(db);
  decisionId = ws.decisions.get("broker")!;
  viewer = { userId: ws.users.get("viewer")!, workspaceId: ws.workspace.id, role: "VIEWER" };
}, 120_000);

test("simultaneous stores of the same keys from two instances all succeed and leave one row per key", async () => {
  const b = await secondInstance();
  const keys = Array.from({ length: KEEP.pdf }, (_, i) => i);
  const calls = keys.flatMap((n) =>
    [cachedBytes, b.cache.cachedBytes, cachedBytes, b.cache.cachedBytes].map((store) =>
      store(viewer, decisionId, "pdf", { n }, async () => new Uint8Array([n])),
    ),
  );
  const out = await Promise.all(calls);
  expect(out.map((x) => x[0])).toEqual(keys.flatMap((n) => [n, n, n, n]));
  const rows = await db.evaluationCache.findMany({ where: { decisionId, kind: "pdf" } });
  expect(rows.map((r) => Buffer.from(r.body, "base64")[0]).sort()).toEqual(keys);
  await b.db.$disconnect();
});
