// The blind scoring rule (lib/server/blind.ts) across every read path: role × finished or not × path. Bo has scored
// every cell, one of them with a marked rationale and evidence link; Ada has scored one cell. Whatever Ada (or an
// admin who has not scored) can read must not contain Bo's marks, and no report, export or share link may carry
// anybody's e-mail address except the JSON export for people who may import it again.
import "@/lib/testing/use-temp-db";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { createDecisionFromTemplate } from "@/prisma/seed/functions";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { BROKER_TEMPLATE } from "@/lib/templates/demo";
import { matrixCsv } from "@/lib/export/csv";
import { decisionMarkdown } from "@/lib/export/markdown";
import { matrixXlsx } from "@/lib/export/xlsx";
import type { Actor } from "./actor";
import { db } from "./db";
import { getDecision } from "./decisions";
import { exportDecisionJson, loadReportBundle } from "./exports";
import { getTeamFit } from "./requirements";
import { getScoreGrid, saveScore } from "./scores";
import { createShareLink, loadSharedReport } from "./share-links";

const SECRET_RATIONALE = "BO-SECRET-RATIONALE";
const SECRET_EVIDENCE = "https://bo.example/secret-evidence";
const ADA_RATIONALE = "ADA-OWN-RATIONALE";
const BO_EMAIL = "bo@stackwise.demo";
const ADA_EMAIL = "ada@stackwise.demo";

let demo: Awaited<ReturnType<typeof seedDemoWorkspace>>;
const actor = (key: string, role: Actor["role"]): Actor => ({
  userId: demo.users.get(key)!,
  workspaceId: demo.workspace.id,
  role,
});
let ada: Actor, bo: Actor, admin: Actor, lead: Actor, viewer: Actor;

beforeAll(async () => {
  demo = await seedDemoWorkspace(db);
  ada = actor("ada", "ARCHITECT");
  bo = actor("bo", "ARCHITECT");
  admin = actor("admin", "ADMIN");
  lead = actor("lead", "TEAM_LEAD");
  viewer = actor("viewer", "VIEWER");
});

/** A broker decision with no seeded scores: Bo scores all 15 cells, Ada one. */
async function scoredDecision(): Promise<string> {
  const { id } = await createDecisionFromTemplate(db, {
    workspaceId: demo.workspace.id,
    template: BROKER_TEMPLATE,
    evaluatorIds: [],
    skillIds: demo.skillIds,
    teamId: demo.teamIds.get("orders"),
  });
  const criteria = await db.criterion.findMany({ where: { decisionId: id }, orderBy: { position: "asc" } });
  const candidates = await db.candidate.findMany({ where: { decisionId: id }, orderBy: { position: "asc" } });
  for (const [i, c] of criteria.entries())
    for (const [j, k] of candidates.entries()) {
      const first = i === 0 && j === 0;
      await saveScore(bo, {
        decisionId: id,
        criterionId: c.id,
        candidateId: k.id,
        value: 3 + ((i + j) % 5),
        rationale: first ? SECRET_RATIONALE : "",
        evidenceUrl: first ? SECRET_EVIDENCE : "",
        version: null,
      });
    }
  await saveScore(ada, {
    decisionId: id,
    criterionId: criteria[0].id,
    candidateId: candidates[0].id,
    value: 9,
    rationale: ADA_RATIONALE,
    evidenceUrl: "",
    version: null,
  });
  return id;
}

async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text)))));
  return out.join("\n");
}

type Path = (who: Actor, id: string) => Promise<string>;
/** Every way a signed-in person reads a decision's scores, each as the text that reaches them. */
const PATHS: Record<string, Path> = {
  "results page (getDecision)": async (who, id) => JSON.stringify(await getDecision(who, id)),
  "score grid": async (who, id) => JSON.stringify((await getScoreGrid(who, id))!.decision),
  "team fit tab": async (who, id) => JSON.stringify(await getTeamFit(who, id)),
  // The PDF and the print view render exactly this bundle (lib/export/render.ts, components/report).
  "report / PDF bundle": async (who, id) => JSON.stringify(await loadReportBundle(who, id)),
  "CSV export": async (who, id) => matrixCsv(await loadReportBundle(who, id, "export.read"), "en"),
  "Markdown ADR": async (who, id) => decisionMarkdown(await loadReportBundle(who, id, "export.read"), "en"),
  "XLSX export": async (who, id) => xlsxText(await matrixXlsx(await loadReportBundle(who, id, "export.read"), "en")),
  "JSON export": async (who, id) => JSON.stringify(await exportDecisionJson(who, id)),
};

describe("blind scoring on every read path", () => {
  let id: string;
  beforeAll(async () => {
    id = await scoredDecision();
  });

  const who = () => ({ ada, bo, admin, lead, viewer });
  const cases = Object.keys(PATHS).flatMap((path) =>
    (
      [
        ["ada", "ARCHITECT, 1 of 15 cells scored", false],
        ["admin", "ADMIN, nothing scored", false],
        ["bo", "ARCHITECT, every cell scored", true],
        ["lead", "TEAM_LEAD (never scores)", true],
        ["viewer", "VIEWER (never scores)", true],
      ] as const
    ).map(([key, label, sees]) => [path, key, label, sees] as const),
  );

  test.each(cases)("%s × %s (%s): sees others' scores = %s", async (path, key, _label, sees) => {
    const reader = who()[key as keyof ReturnType<typeof who>];
    const text = await PATHS[path](reader, id);
    if (sees) expect(text).toContain(SECRET_RATIONALE);
    else {
      expect(text).not.toContain(SECRET_RATIONALE);
      expect(text).not.toContain(SECRET_EVIDENCE);
      expect(text).not.toContain(BO_EMAIL);
    }
    if (key === "ada") expect(text).toContain(ADA_RATIONALE);
  });

  test.each(Object.keys(PATHS).filter((p) => p !== "JSON export"))(
    "%s carries no e-mail address, for anybody",
    async (path) => {
      for (const reader of [ada, bo, admin, lead, viewer]) {
        const text = await PATHS[path](reader, id);
        expect(text).not.toContain(BO_EMAIL);
        expect(text).not.toContain(ADA_EMAIL);
      }
    },
  );

  test("the JSON export names evaluators by e-mail only for people who may import it", async () => {
    const forBo = await exportDecisionJson(bo, id);
    expect(new Set(forBo.scores.map((s) => s.evaluator))).toEqual(new Set([BO_EMAIL, ADA_EMAIL]));
    for (const reader of [viewer, lead]) {
      const json = await exportDecisionJson(reader, id);
      expect(JSON.stringify(json)).not.toMatch(/@stackwise\.demo/);
      expect(new Set(json.scores.map((s) => s.evaluator))).toEqual(new Set(["Ada Architect", "Bo Architect"]));
    }
    const forAda = await exportDecisionJson(ada, id);
    expect(forAda.scores.map((s) => s.evaluator)).toEqual([ADA_EMAIL]);
  });

  test("a share link shows the group's scores and nobody's e-mail address", async () => {
    const { token } = await createShareLink(bo, { decisionId: id, days: 7 });
    const text = JSON.stringify(await loadSharedReport(token));
    expect(text).toContain(SECRET_RATIONALE);
    expect(text).not.toMatch(/@stackwise\.demo/);
  });

  test("the score grid still counts everyone's progress while the values are withheld", async () => {
    const grid = (await getScoreGrid(ada, id))!;
    expect(grid.hidden).toBe(true);
    expect(grid.decision.scores.map((s) => s.evaluatorId)).toEqual([ada.userId]);
    const progress = Object.fromEntries(grid.progress.map((p) => [p.id, p.scored]));
    expect(progress).toMatchObject({ [ada.userId]: 1, [bo.userId]: 15, [admin.userId]: 0 });
  });
});

describe("when the blind lifts", () => {
  test("a decided decision shows everyone's scores to an architect who did not finish", async () => {
    const id = await scoredDecision();
    await db.decision.update({ where: { id }, data: { status: "DECIDED" } });
    for (const path of Object.values(PATHS)) expect(await path(ada, id)).toContain(SECRET_RATIONALE);
  });

  test("blind scoring switched off for the decision", async () => {
    const id = await scoredDecision();
    await db.decision.update({ where: { id }, data: { settings: { blindScoring: false } } });
    for (const path of Object.values(PATHS)) expect(await path(ada, id)).toContain(SECRET_RATIONALE);
  });

  test("finishing the grid lifts it on every path at once", async () => {
    const id = await scoredDecision();
    for (const path of Object.values(PATHS)) expect(await path(ada, id)).not.toContain(SECRET_RATIONALE);
    const criteria = await db.criterion.findMany({ where: { decisionId: id } });
    const candidates = await db.candidate.findMany({ where: { decisionId: id } });
    for (const c of criteria)
      for (const k of candidates) {
        const mine = await db.score.findFirst({
          where: { criterionId: c.id, candidateId: k.id, evaluatorId: ada.userId },
        });
        if (!mine)
          await saveScore(ada, { decisionId: id, criterionId: c.id, candidateId: k.id, value: 5, version: null });
      }
    for (const path of Object.values(PATHS)) expect(await path(ada, id)).toContain(SECRET_RATIONALE);
  });
});
