// The demo workspace created on first start: one account per role, three teams, three decisions.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { DEMO_SKILLS, DEMO_TEAMS, DEMO_TEMPLATES } from "@/lib/templates/demo";
import {
  addMembership,
  createDecisionFromTemplate,
  createPasswordAccount,
  createSkills,
  createTeam,
  createUser,
  createWorkspace,
} from "./functions";

export const DEMO_WORKSPACE = { name: "Acme Commerce (demo)", slug: "demo" };

export const DEMO_USERS: { key: string; email: string; name: string; role: Role }[] = [
  { key: "admin", email: "admin@stackwise.demo", name: "Alex Admin", role: "ADMIN" },
  { key: "ada", email: "ada@stackwise.demo", name: "Ada Architect", role: "ARCHITECT" },
  { key: "bo", email: "bo@stackwise.demo", name: "Bo Architect", role: "ARCHITECT" },
  { key: "lead", email: "lead@stackwise.demo", name: "Tess Lead", role: "TEAM_LEAD" },
  { key: "viewer", email: "viewer@stackwise.demo", name: "Max Manager", role: "VIEWER" },
];

/** Every demo account signs in with this password (printed by the start script; demo data only, STACKWISE_DEMO=off in production). */
export const DEMO_PASSWORD = "stackwise-demo";

export async function seedDemoWorkspace(db: PrismaClient, opts: { slug?: string; emailDomain?: string } = {}) {
  const slug = opts.slug ?? DEMO_WORKSPACE.slug;
  const workspace = await createWorkspace(db, { name: DEMO_WORKSPACE.name, slug, isDemo: true });
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const email = opts.emailDomain ? u.email.replace("stackwise.demo", opts.emailDomain) : u.email;
    const user = await createUser(db, { email, name: u.name });
    await createPasswordAccount(db, { userId: user.id, email, password: DEMO_PASSWORD });
    await addMembership(db, { workspaceId: workspace.id, userId: user.id, role: u.role });
    users.set(u.key, user.id);
  }
  const skillIds = await createSkills(db, workspace.id, DEMO_SKILLS);
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    teamIds.set(team.key, (await createTeam(db, workspace.id, team, skillIds)).id);
  }
  const evaluatorIds = [users.get("ada")!, users.get("bo")!];
  const decisions = new Map<string, string>();
  for (const template of DEMO_TEMPLATES) {
    const d = await createDecisionFromTemplate(db, {
      workspaceId: workspace.id,
      template,
      teamId: teamIds.get(template.team) ?? null,
      evaluatorIds,
      skillIds,
      createdById: users.get("ada"),
    });
    decisions.set(template.key, d.id);
  }
  return { workspace, users, skillIds, teamIds, decisions };
}

/** Seeds only an empty database, so restarting never touches user data. Returns whether it seeded. */
export async function seedIfEmpty(db: PrismaClient, opts: { demo: boolean }): Promise<boolean> {
  if ((await db.workspace.count()) > 0 || (await db.user.count()) > 0) return false;
  if (!opts.demo) return false;
  await seedDemoWorkspace(db);
  return true;
}
