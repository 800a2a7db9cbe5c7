import "@/lib/testing/use-temp-db";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoWorkspace } from "@/prisma/seed/demo";
import { evaluateForReport } from "@/lib/export/bundle";
import type { Actor } from "./actor";
import { db } from "./db";
import { getDecision, updateScoringSettings } from "./decisions";

let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;
let ada: Actor;
let viewer: Actor;

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db, { slug: "method", emailDomain: "method.test" });
  ada = { userId: seeded.users.get("ada")!, workspaceId: seeded.workspace.id, role: "ARCHITECT" };
  viewer = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" };
}, 120_000);

describe("scoring settings on a decision", () => {
  test("default mean/direct; an architect sets median and keeps other settings; stale versions and viewers refused", async () => {
    const id = seeded.decisions.get("broker")!;
    await db.decision.update({ where: { id }, data: { settings: { blindScoring: false } } });
    const before = (await getDecision(ada, id))!;
    expect(before.scoring).toEqual({ aggregation: "mean", weightSource: "direct" });

    const r = await updateScoringSettings(ada, {
      decisionId: id,
      version: before.version,
      aggregation: "median",
      weightSource: "direct",
    });
    expect(r.version).toBe(before.version + 1);
    const after = (await getDecision(ada, id))!;
    expect(after.scoring).toEqual({ aggregation: "median", weightSource: "direct" });
    const row = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(row.settings).toEqual({ blindScoring: false, aggregation: "median", weightSource: "direct" });

    await expect(
      updateScoringSettings(ada, { decisionId: id, version: before.version, aggregation: "mean", weightSource: "ahp" }),
    ).rejects.toMatchObject({ code: "stale" });
    await expect(
      updateScoringSettings(viewer, {
        decisionId: id,
        version: after.version,
        aggregation: "mean",
        weightSource: "ahp",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await getDecision(ada, id))!.scoring.aggregation).toBe("median");
  });

  test("the report evaluates with the decision's method: AHP weights when chosen", async () => {
    const id = seeded.decisions.get("broker")!;
    const d = (await getDecision(ada, id))!;
    await updateScoringSettings(ada, { decisionId: id, version: d.version, aggregation: "mean", weightSource: "ahp" });
    const withAhp = (await getDecision(ada, id))!;
    // The seed has no pairwise judgments: AHP weights cannot exist, and the report says so.
    expect(withAhp.judgments).toEqual([]);
    const none = evaluateForReport(withAhp);
    expect(none.result).toBeNull();
    expect(none.errors.map((e) => e.code)).toEqual(["ahp_no_judgments"]);

    // Every pair judged equal: AHP weights 1/5 each, so the totals are plain means of the seed points:
    // Kafka (6+5+9+7+8)/5 = 7.00, RabbitMQ (8+7+7+9+6)/5 = 7.40, Pulsar (5+4+8+5+9)/5 = 6.20.
    const ids = withAhp.criteria.map((c) => c.id);
    await db.pairwiseJudgment.createMany({
      data: ids.flatMap((a, i) =>
        ids
          .slice(i + 1)
          .map((b) => ({ decisionId: id, evaluatorId: ada.userId, criterionAId: a, criterionBId: b, value: 1 })),
      ),
    });
    const { result } = evaluateForReport((await getDecision(ada, id))!);
    expect(result!.weightSource).toBe("ahp");
    const total = (name: string) =>
      result!.ranking.find((r) => r.candidateId === withAhp.candidates.find((c) => c.name === name)!.id)!.total;
    expect(total("Kafka")).toBeCloseTo(7.0, 9);
    expect(total("RabbitMQ")).toBeCloseTo(7.4, 9);
    expect(total("Pulsar")).toBeCloseTo(6.2, 9);
  });
});
