// Fixtures for e2e/report.spec.ts: a private copy of the demo workspace per test (own users and decisions), so share
// links and imports never disturb other spec files; and direct DB access to age a share link past its expiry.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { E2E_DATABASE_URL } from "./env";

export async function createReportWorkspace() {
  const tag = `r${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const domain = `${tag}.example.com`;
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const seeded = await seedDemoWorkspace(db, { slug: `report-${tag}`, emailDomain: domain });
    return {
      email: { admin: `admin@${domain}`, ada: `ada@${domain}`, lead: `lead@${domain}`, viewer: `viewer@${domain}` },
      workspaceId: seeded.workspace.id,
      decisions: seeded.decisions,
    };
  } finally {
    await db.$disconnect();
  }
}

/** Moves every share link of a decision into the past (the server's clock cannot be moved from a test). */
export async function expireShareLinks(decisionId: string) {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    await db.shareLink.updateMany({ where: { decisionId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * What an import could write, counted in one workspace: other test files run at the same time on the same database
 * and write rows of their own elsewhere.
 */
export async function countRows(workspaceId: string) {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const inWorkspace = { decision: { workspaceId } };
    return {
      decisions: await db.decision.count({ where: { workspaceId } }),
      criteria: await db.criterion.count({ where: inWorkspace }),
      candidates: await db.candidate.count({ where: inWorkspace }),
      scores: await db.score.count({ where: { criterion: inWorkspace } }),
    };
  } finally {
    await db.$disconnect();
  }
}
