// Fixtures for e2e/first-run.spec.ts and e2e/navigation.spec.ts: a workspace with one account per role and nothing
// else (no decisions, teams or skills), as a new sign-up leaves it. Built with the seed functions.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/create-client";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo";
import {
  addMembership,
  createDecisionFromTemplate,
  createPasswordAccount,
  createUser,
  createWorkspace,
} from "@/prisma/seed/functions";
import { E2E_DATABASE_URL } from "./env";

export interface EmptyWorkspace {
  workspaceId: string;
  /** admin, ada (architect), lead (team lead), viewer: the demo roles with this workspace's own addresses. */
  email: Record<"admin" | "ada" | "lead" | "viewer", string>;
}

export async function createEmptyWorkspace(): Promise<EmptyWorkspace> {
  const tag = `e${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const domain = `${tag}.example.com`;
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const workspace = await createWorkspace(db, { name: `Empty ${tag}`, slug: `empty-${tag}` });
    const email = {} as EmptyWorkspace["email"];
    for (const u of DEMO_USERS.filter((x) => x.key !== "bo")) {
      const address = `${u.key}@${domain}`;
      const user = await createUser(db, { email: address, name: u.name });
      await createPasswordAccount(db, { userId: user.id, email: address, password: DEMO_PASSWORD });
      await addMembership(db, { workspaceId: workspace.id, userId: user.id, role: u.role });
      email[u.key as keyof EmptyWorkspace["email"]] = address;
    }
    return { workspaceId: workspace.id, email };
  } finally {
    await db.$disconnect();
  }
}

/** A broker decision without an owning team in the given workspace (no scores). */
export async function addTeamlessDecision(workspaceId: string): Promise<string> {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    const d = await createDecisionFromTemplate(db, {
      workspaceId,
      template: BROKER_TEMPLATE,
      teamId: null,
      evaluatorIds: [],
      skillIds: new Map(),
    });
    return d.id;
  } finally {
    await db.$disconnect();
  }
}
