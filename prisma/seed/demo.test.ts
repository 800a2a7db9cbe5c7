// The demo decisions, seeded into a real migrated database, read back through the data layer and scored by the
// engine, give the figures computed independently (by hand and with numpy; the working is in the comments).
import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision, type DecisionResult } from "@/lib/scoring";
import { getDecision } from "@/lib/server/decisions";
import { seedDemoWorkspace, seedIfEmpty } from "./demo";

const db = createPrismaClient(process.env.DATABASE_URL!);
let seeded: Awaited<ReturnType<typeof seedDemoWorkspace>>;

beforeAll(async () => {
  seeded = await seedDemoWorkspace(db);
});
afterAll(async () => {
  await db.$disconnect();
});

async function evaluate(key: string) {
  const actor = { userId: seeded.users.get("viewer")!, workspaceId: seeded.workspace.id, role: "VIEWER" as const };
  const decision = (await getDecision(actor, seeded.decisions.get(key)!))!;
  const outcome = evaluateDecision(toScoringModel(decision), {
    teamAggregation: teamAggregationOf(decision),
    monteCarlo: { samples: 0 },
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const name = (id: string) => decision.candidates.find((c) => c.id === id)!.name;
  const criterion = (id: string) => decision.criteria.find((c) => c.id === id)!.name;
  const totals = Object.fromEntries(outcome.result.ranking.map((r) => [name(r.candidateId), r.total]));
  return { decision, result: outcome.result as DecisionResult, totals, name, criterion };
}

describe("broker demo", () => {
  test("weighted totals 6.70 / 7.70 / 5.60", async () => {
    // Weights 20/25/15/30/10 of 100; Kafka .2·6+.25·5+.15·9+.3·7+.1·8 = 1.2+1.25+1.35+2.1+0.8 = 6.70;
    // RabbitMQ 1.6+1.75+1.05+2.7+0.6 = 7.70; Pulsar 1.0+1.0+1.2+1.5+0.9 = 5.60.
    const { totals, result, name } = await evaluate("broker");
    expect(totals.Kafka).toBeCloseTo(6.7, 10);
    expect(totals.RabbitMQ).toBeCloseTo(7.7, 10);
    expect(totals.Pulsar).toBeCloseTo(5.6, 10);
    expect(result.ranking.map((r) => name(r.candidateId))).toEqual(["RabbitMQ", "Kafka", "Pulsar"]);
  });

  test("contributions add up and match the hand calculation", async () => {
    const { result, name, criterion } = await evaluate("broker");
    const kafka = result.ranking.find((r) => name(r.candidateId) === "Kafka")!;
    const byName = Object.fromEntries(kafka.contributions.map((c) => [criterion(c.criterionId), c.contribution]));
    expect(byName["Learning cost"]).toBeCloseTo(1.2, 10);
    expect(byName["Operational complexity"]).toBeCloseTo(1.25, 10);
    expect(byName["Community activity"]).toBeCloseTo(1.35, 10);
    expect(byName["Team familiarity"]).toBeCloseTo(2.1, 10);
    expect(byName["Ecosystem compatibility"]).toBeCloseTo(0.8, 10);
  });

  test("team vector AMQP 8, JMS 5, Streaming 6 and skill match RabbitMQ 7.1, Kafka 5.9, Pulsar 6.4", async () => {
    // Mean of the two strongest: AMQP (10+6)/2 = 8, JMS (6+4)/2 = 5, Streaming (7+5)/2 = 6, Kubernetes (8+6)/2 = 7.
    // RabbitMQ .7·8+.3·5 = 7.1; Kafka .9·6+.1·5 = 5.9; Pulsar .6·6+.4·7 = 6.4.
    const { result, name, decision } = await evaluate("broker");
    const skill = (id: string) => decision.skills.find((s) => s.id === id)!.name;
    const levels = Object.fromEntries(result.team!.skills.map((s) => [skill(s.skillId), s.level]));
    expect(levels).toMatchObject({ AMQP: 8, JMS: 5, Streaming: 6, Kubernetes: 7 });
    const match = Object.fromEntries(result.skillMatch.map((m) => [name(m.candidateId), m.match]));
    expect(match.RabbitMQ).toBeCloseTo(7.1, 10);
    expect(match.Kafka).toBeCloseTo(5.9, 10);
    expect(match.Pulsar).toBeCloseTo(6.4, 10);
    // One AMQP expert (Mei, 10) → bus factor 1 → risk for RabbitMQ (AMQP share .7 ≥ .2).
    const rabbit = result.skillMatch.find((m) => name(m.candidateId) === "RabbitMQ")!;
    expect(rabbit.risks.map(skill).sort()).toEqual(["AMQP", "JMS"]);
  });

  test("Pulsar's learning-cost cell (2 vs 8) is flagged as a wide disagreement", async () => {
    const { result, name, criterion } = await evaluate("broker");
    const flagged = result.cells
      .filter((c) => c.disagreement)
      .map((c) => `${name(c.candidateId)}/${criterion(c.criterionId)}`);
    expect(flagged).toEqual(["Pulsar/Learning cost"]);
  });
});

describe("backend language demo", () => {
  test("raw metrics convert to the hand-computed points and totals 8.68 / 4.09", async () => {
    // Observed min/max except latency (reference worst 150 ms, best 30 ms): Go latency 10·(150−50.7)/120 = 8.275,
    // Python 10·(150−81.3)/120 = 5.725. Go is best on every other metric (10), Python worst (0).
    // Go = .2·10+.2·8.275+.1·10+.1·10+.05·10+.1·7.5+.15·7.5+.1·6.5 = 8.68 (skill .8·6.5+.2·6.5 = 6.5)
    // Python = .2·5.725+.1·9+.15·8.5+.1·7.7 = 4.09 (skill .8·8+.2·6.5 = 7.7)
    const { result, totals, name, criterion } = await evaluate("backend-language");
    expect(totals.Go).toBeCloseTo(8.68, 10);
    expect(totals.Python).toBeCloseTo(4.09, 10);
    const latency = result.cells.filter((c) => criterion(c.criterionId) === "Average latency");
    const pts = Object.fromEntries(latency.map((c) => [name(c.candidateId), c.points]));
    expect(pts.Go).toBeCloseTo(8.275, 10);
    expect(pts.Python).toBeCloseTo(5.725, 10);
  });
});

describe("garbage collector demo", () => {
  test("Parallel GC fails the 200 ms must-have and ranks after the eligible candidates", async () => {
    const { result, name, criterion } = await evaluate("gc");
    const order = result.ranking.map((r) => name(r.candidateId));
    expect(order[order.length - 1]).toBe("Parallel GC");
    const parallel = result.ranking.find((r) => name(r.candidateId) === "Parallel GC")!;
    expect(parallel.excluded).toBe(true);
    expect(parallel.exclusions.map((e) => [criterion(e.criterionId), e.value, e.threshold])).toEqual([
      ["p99 GC pause", 420, 200],
    ]);
    expect(result.winnerId && name(result.winnerId)).toBe("G1");
  });

  test("metric points use the observed range of all candidates, excluded ones included", async () => {
    // numpy: pause (cost) worst 420 best 1.2 → G1 10·335/418.8 = 7.99904; throughput worst 94.8 best 98.9 → G1
    // 10·1.7/4.1 = 4.14634; overhead worst 18 best 5 → G1 10·8/13 = 6.15385; tuning G1 8, ZGC 7.5, Parallel 6;
    // team jvm (8+6)/2 = 7, gc logs (8+7)/2 = 7.5 → G1 .5·7+.5·7.5 = 7.25, ZGC .4·7+.6·7.5 = 7.3, Parallel 7.2.
    // Weights 30/25/15/15/15 → G1 6.646876, ZGC .3·10+.15·7.5+.15·7.3 = 5.22, Parallel .25·10+.15·10+.15·6+.15·7.2 = 5.98.
    const { totals } = await evaluate("gc");
    expect(totals.G1).toBeCloseTo(6.64687576, 7);
    expect(totals.ZGC).toBeCloseTo(5.22, 10);
    expect(totals["Parallel GC"]).toBeCloseTo(5.98, 10);
  });
});

describe("first-start seeding", () => {
  test("never seeds a database that already has data", async () => {
    const before = await db.decision.count();
    expect(await seedIfEmpty(db, { demo: true })).toBe(false);
    expect(await db.decision.count()).toBe(before);
  });
});
