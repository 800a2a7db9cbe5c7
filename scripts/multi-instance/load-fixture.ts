// The write-load fixture shared by the multi-instance test and `npm run bench:db`: one workspace with one decision
// (rating criteria on a 0–10 scale × candidates) and `editors` architects, each with a session made in the database
// rather than by as many sign-ins (the sign-in throttle would rightly stop those).
import { SESSION_COOKIE } from "@/lib/auth/policy";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { PrismaClient } from "@/lib/db/create-client";

export interface LoadEditor {
  cookie: string;
  userId: string;
}

export interface LoadFixture {
  decisionId: string;
  criteria: string[];
  candidates: string[];
  editors: LoadEditor[];
}

export async function createLoadFixture(
  db: PrismaClient,
  opts: { tag: string; criteria: number; candidates: number; editors: number },
): Promise<LoadFixture> {
  const { tag } = opts;
  const ws = await db.workspace.create({ data: { name: `Load ${tag}`, slug: `load-${tag}` } });
  const decision = await db.decision.create({ data: { workspaceId: ws.id, title: `Load test ${tag}` } });
  const criteria: string[] = [];
  for (let i = 0; i < opts.criteria; i++) {
    const c = await db.criterion.create({
      data: {
        decisionId: decision.id,
        name: `C${i}`,
        weight: 1,
        kind: "RATING",
        scaleMin: 0,
        scaleMax: 10,
        position: i,
      },
    });
    criteria.push(c.id);
  }
  const candidates: string[] = [];
  for (let j = 0; j < opts.candidates; j++) {
    const k = await db.candidate.create({ data: { decisionId: decision.id, name: `K${j}`, position: j } });
    candidates.push(k.id);
  }
  const editors: LoadEditor[] = [];
  for (let e = 0; e < opts.editors; e++) {
    const user = await db.user.create({ data: { email: `editor${e}@${tag}.test`, name: `Editor ${e}` } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "ARCHITECT" } });
    const token = generateToken();
    const at = new Date();
    await db.session.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        activeWorkspaceId: ws.id,
        createdAt: at,
        lastSeenAt: at,
        expiresAt: new Date(at.getTime() + 24 * 3600_000),
      },
    });
    editors.push({ cookie: `${SESSION_COOKIE}=${token}`, userId: user.id });
  }
  return { decisionId: decision.id, criteria, candidates, editors };
}
