// Audit rows shaped as lib/server/{criteria,scores,judgments,requirements,decisions}.ts write them, said in words.
import { describe, expect, test } from "vitest";
import { changeSentence, describeChange, lastChangedAt, snapshotNames, type AuditRow } from "./change-log";
import { formatters, reportTranslator } from "./i18n";

const current = new Map([
  ["c1", "Community activity"],
  ["c2", "Team familiarity"],
  ["k1", "RabbitMQ"],
  ["s1", "AMQP"],
]);
const row = (
  action: string,
  entityType: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): AuditRow => ({
  at: "2026-12-01T21:46:00.000Z",
  actorName: "Ada Architect",
  action,
  entityType,
  entityId,
  before,
  after,
});

const rows: AuditRow[] = [
  row("criterion.updated", "Criterion", "c1", { weight: 15 }, { weight: 20 }),
  row("criterion.updated", "Criterion", "c1", { direction: "BENEFIT" }, { direction: "COST" }),
  row("criterion.updated", "Criterion", "c1", { description: "" }, { description: "x".repeat(200) }),
  row(
    "score.updated",
    "Score",
    "sc1",
    { value: 6 },
    { decisionId: "d", criterionId: "c2", candidateId: "k1", value: 9 },
  ),
  row("judgment.created", "PairwiseJudgment", "j1", undefined, { criterionAId: "c1", criterionBId: "c2", value: 3 }),
  row(
    "requirement.updated",
    "SkillRequirement",
    "r1",
    { weight: 0.5 },
    { candidateId: "k1", skillId: "s1", weight: 0.7 },
  ),
  row("decision.status_changed", "Decision", "d", { status: "IN_REVIEW" }, { status: "DECIDED" }),
  row("criterion.removed", "Criterion", "gone", { row: { decisionId: "d", name: "Licence cost" } }, null),
  row("score.deleted", "Score", "sc2", { decisionId: "d", criterionId: "gone", candidateId: "k1", value: 4 }, null),
  row("decision.something_new", "Decision", "d", null, null),
];

function sentences(locale: "en" | "zh-CN") {
  const removed = snapshotNames(rows);
  const lookup = (id: unknown) => (typeof id === "string" ? (current.get(id) ?? removed.get(id) ?? null) : null);
  const names = { criterion: lookup, candidate: lookup, skill: lookup };
  return rows.map((r) => changeSentence(describeChange(r, names), reportTranslator(locale), formatters(locale)));
}

describe("change sentences", () => {
  test("English", () => {
    expect(sentences("en")).toEqual([
      "Ada Architect changed the weight of Community activity from 15 to 20",
      "Ada Architect changed the direction of Community activity from Higher is better to Lower is better",
      "Ada Architect changed the description of Community activity",
      "Ada Architect changed the score of RabbitMQ on Team familiarity from 6 to 9",
      "Ada Architect judged Community activity against Team familiarity: 3",
      "Ada Architect set the AMQP requirement of RabbitMQ to weight 0.7",
      "Ada Architect changed the status from In review to Decided",
      "Ada Architect removed the criterion Licence cost",
      "Ada Architect removed a score of RabbitMQ on Licence cost",
      "Ada Architect changed the decision",
    ]);
  });

  test("Chinese", () => {
    expect(sentences("zh-CN")).toEqual([
      "Ada Architect将“Community activity”的权重从 15 改为 20",
      "Ada Architect将“Community activity”的方向从 越高越好 改为 越低越好",
      "Ada Architect修改了“Community activity”的描述",
      "Ada Architect将“RabbitMQ”在“Team familiarity”上的评分从 6 改为 9",
      "Ada Architect比较了“Community activity”与“Team familiarity”：3",
      "Ada Architect将“RabbitMQ”对 AMQP 的技能要求权重设为 0.7",
      "Ada Architect将状态从评审中改为已决定",
      "Ada Architect删除了准则“Licence cost”",
      "Ada Architect删除了“RabbitMQ”在“Licence cost”上的一项评分",
      "Ada Architect修改了决策",
    ]);
  });

  test("no sentence shows an audit code", () => {
    for (const s of [...sentences("en"), ...sentences("zh-CN")]) expect(s).not.toMatch(/[a-z]+\.[a-z_]+/);
  });
});

describe("lastChangedAt", () => {
  test("is the newest listed change, even when the decision row is older", () => {
    const b = {
      decision: { updatedAt: "2026-12-01T21:39:00.000Z" },
      changes: [
        { at: "2026-12-01T21:46:00.000Z", actorName: null, action: "criterion.updated", entityType: "Criterion" },
      ],
    };
    expect(lastChangedAt(b as Parameters<typeof lastChangedAt>[0])).toBe("2026-12-01T21:46:00.000Z");
  });
  test("falls back to the decision's own time when nothing is listed", () => {
    const b = { decision: { updatedAt: "2026-12-01T21:39:00.000Z" }, changes: [] };
    expect(lastChangedAt(b as unknown as Parameters<typeof lastChangedAt>[0])).toBe("2026-12-01T21:39:00.000Z");
  });
});
