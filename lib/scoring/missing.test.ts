// Missing cells are missing, never zero: an incomplete candidate is shown apart and kept out of the ranking, the
// sensitivity analysis and the simulation. Hand numbers on the seed broker decision (weights .2/.25/.15/.3/.1).
import { describe, expect, test } from "vitest";
import { evaluateDecision } from "./evaluate";
import type { DecisionResult } from "./result-types";
import { seedCriteria, seedModel } from "./test-fixtures";
import type { DecisionModel } from "./types";

function run(model: DecisionModel): DecisionResult {
  const out = evaluateDecision(model, { monteCarlo: { samples: 2000, seed: 11 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

/**
 * NATS scores 10 everywhere except familiarity (30 %), which nobody scored. Its partial sum
 * .2·10 + .25·10 + .15·10 + .1·10 = 7.00 lies between RabbitMQ (7.70) and Kafka (6.70); with any familiarity score
 * above 2.33 it would beat RabbitMQ, so placing it second on 7.00 would be a guess dressed as a rank.
 */
function withNats(): DecisionModel {
  const m = seedModel();
  m.candidates.push({ id: "nats", name: "NATS" });
  for (const c of seedCriteria)
    if (c.id !== "familiarity") m.scores.push({ criterionId: c.id, candidateId: "nats", evaluatorId: "e1", value: 10 });
  return m;
}

describe("an incomplete candidate", () => {
  const r = run(withNats());

  test("is not ranked among complete candidates; they keep ranks 1–3 and margins 1.00 and 1.10", () => {
    expect(r.ranking.map((x) => [x.candidateId, x.rank])).toEqual([
      ["rabbit", 1],
      ["kafka", 2],
      ["pulsar", 3],
      ["nats", null],
    ]);
    expect(r.ranking.map((x) => x.margin)).toEqual([1, 1.1, null, null]);
    const nats = r.ranking.find((x) => x.candidateId === "nats")!;
    expect(nats.total).toBeCloseTo(7, 12); // partial sum, shown as partial
    expect(nats.missingCriteria).toEqual(["familiarity"]);
    expect(r.winnerId).toBe("rabbit");
  });

  test("the verdict judges the complete candidates and names the incomplete one apart", () => {
    expect(r.verdict.key).toBe("verdict.clear");
    expect(r.verdict.facts.runnerUpId).toBe("kafka");
    expect(r.verdict.facts.lead).toBe(1);
    expect(r.verdict.facts.unranked).toEqual([{ candidateId: "nats", missingCriteria: ["familiarity"] }]);
  });

  test("sensitivity leaves it out: RabbitMQ stays first at any familiarity share", () => {
    // Familiarity lines T(t) = t·s + (1 − t)·R with R = (rest)/0.7: RabbitMQ s 9, R 5.0/0.7 = 7.143; Kafka s 7,
    // R 4.6/0.7 = 6.571; Pulsar s 5, R 4.1/0.7 = 5.857. RabbitMQ is above both at t = 0 and t = 1, so no crossover.
    // With NATS zero-filled (s 0, R 7.0/0.7 = 10) it would cross RabbitMQ at t = 2.857/11.857 = 0.241.
    const fam = r.sensitivity.criteria.find((c) => c.criterionId === "familiarity")!;
    expect(fam.stableFrom).toBe(0);
    expect(fam.stableTo).toBe(1);
    expect(fam.crossovers).toEqual([]);
    expect(r.sensitivity.pairs.some((p) => p.a === "nats" || p.b === "nats")).toBe(false);
  });

  test("the simulation leaves it out: three ranks, and its row is zero", () => {
    const mc = r.monteCarlo!;
    expect(mc.rankAcceptability[3]).toEqual([0, 0, 0]);
    for (const row of mc.rankAcceptability.slice(0, 3)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(mc.pFirst[3].p).toBe(0);
  });

  test("TOPSIS leaves it out too", () => {
    expect(r.topsis.closeness.map((c) => c.candidateId).sort()).toEqual(["kafka", "pulsar", "rabbit"]);
  });
});

describe("no verdict until there is something to judge", () => {
  test("a decision with no scores: no winner, no tie, no simulation, verdict.none", () => {
    const m = seedModel();
    m.scores = [];
    const r = run(m);
    expect(r.ranking.every((x) => x.rank === null)).toBe(true);
    expect(r.winnerId).toBeNull();
    expect(r.tieAtTop).toBe(false);
    expect(r.monteCarlo).toBeNull();
    expect(r.sensitivity.leaderId).toBeNull();
    expect(r.topsis.winnerId).toBeNull();
    expect(r.verdict.key).toBe("verdict.none");
    expect(r.verdict.params.tiedCount).toBeUndefined();
  });

  test("every candidate incomplete: verdict.none, each named with what is missing", () => {
    const m = seedModel();
    m.scores = m.scores.filter(
      (s) =>
        !(s.candidateId === "kafka" && s.criterionId === "ops") &&
        !(s.candidateId === "rabbit" && s.criterionId === "learning") &&
        !(s.candidateId === "pulsar" && s.criterionId === "ecosystem"),
    );
    const r = run(m);
    expect(r.verdict.key).toBe("verdict.none");
    expect(r.monteCarlo).toBeNull();
    const byId = [...r.verdict.facts.unranked].sort((a, b) => a.candidateId.localeCompare(b.candidateId));
    expect(byId).toEqual([
      { candidateId: "kafka", missingCriteria: ["ops"] },
      { candidateId: "pulsar", missingCriteria: ["ecosystem"] },
      { candidateId: "rabbit", missingCriteria: ["learning"] },
    ]);
  });
});
