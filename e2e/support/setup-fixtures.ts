// Fixtures for e2e/setup.spec.ts: each test gets its own copy of the demo workspace (own users, teams, decisions),
// built with the same seed functions as the first start, so editing never disturbs other spec files that read the
// main demo workspace on the same server.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { E2E_DATABASE_URL } from "./env";

export interface SetupWorkspace {
  workspaceId: string;
  email: { admin: string; ada: string; bo: string; lead: string; viewer: string };
  decisions: Map<string, string>;
}

export async function createSetupWorkspace(): Promise<SetupWorkspace> {
  const tag = `s${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const domain = `${tag}.example.com`;
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const seeded = await seedDemoWorkspace(db, { slug: `setup-${tag}`, emailDomain: domain });
    const email = {
      admin: `admin@${domain}`,
      ada: `ada@${domain}`,
      bo: `bo@${domain}`,
      lead: `lead@${domain}`,
      viewer: `viewer@${domain}`,
    };
    return { workspaceId: seeded.workspace.id, email, decisions: seeded.decisions };
  } finally {
    await db.$disconnect();
  }
}

/** Audit events of one decision with the given action, read straight from the database. */
export async function auditEvents(decisionId: string, action: string) {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return await db.auditEvent.findMany({
      where: { entityId: decisionId, action },
      include: { actor: { select: { name: true } } },
    });
  } finally {
    await db.$disconnect();
  }
}

/** Adds `count` blank drafts titled `${prefix} 01`, `${prefix} 02`, …, so a list has more than one page. */
export async function addDecisions(ws: SetupWorkspace, prefix: string, count: number): Promise<void> {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    await db.decision.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        workspaceId: ws.workspaceId,
        title: `${prefix} ${String(i + 1).padStart(2, "0")}`,
      })),
    });
  } finally {
    await db.$disconnect();
  }
}
