import { describe, expect, test } from "vitest";
import { aggregateTeamLevel, skillMatches, teamVector } from "./team";
import { seedRequirements, seedSkills, seedTeam } from "./test-fixtures";

describe("aggregateTeamLevel", () => {
  test.each([
    [[9, 7, 3], "top2", 8],
    [[9, 7, 3], "max", 9],
    [[9, 7, 3], "mean", 19 / 3],
    [[4], "top2", 4],
    [[5, 5, 5], "top2", 5],
    [[2, 10], "top2", 6],
  ] as const)("%j by %s → %s", (levels, method, expected) => {
    expect(aggregateTeamLevel(levels, method)).toBeCloseTo(expected, 12);
  });

  test("nobody rated → null", () => expect(aggregateTeamLevel([], "top2")).toBeNull());
});

describe("teamVector", () => {
  test("seed team: levels, bus factors (members ≥ 7) and counts", () => {
    const t = teamVector(seedTeam, seedSkills, "top2");
    expect(t.skills).toEqual([
      { skillId: "amqp", level: 8, aggregated: 8, override: null, busFactor: 2, ratedCount: 3 },
      { skillId: "jms", level: 5, aggregated: 5, override: null, busFactor: 0, ratedCount: 3 },
      { skillId: "streaming", level: 6, aggregated: 6, override: null, busFactor: 1, ratedCount: 3 },
    ]);
  });

  test("an override replaces the level but keeps the aggregate and the bus factor", () => {
    const t = teamVector(
      { ...seedTeam, overrides: [{ skillId: "jms", level: 7, reason: "Contractor joins" }] },
      seedSkills,
    );
    expect(t.skills[1]).toEqual({
      skillId: "jms",
      level: 7,
      aggregated: 5,
      override: { level: 7, reason: "Contractor joins" },
      busFactor: 0,
      ratedCount: 3,
    });
  });
});

describe("skillMatches", () => {
  const team = teamVector(seedTeam, seedSkills);
  test("seed example: RabbitMQ 0.7·8 + 0.3·5 = 7.1, Kafka 0.9·6 + 0.1·5 = 5.9", () => {
    const [rabbit, kafka, pulsar] = skillMatches(["rabbit", "kafka", "pulsar"], seedRequirements, team);
    expect(rabbit.match).toBeCloseTo(7.1, 12);
    expect(kafka.match).toBeCloseTo(5.9, 12);
    expect(pulsar.match).toBeNull(); // no requirements → missing cell
    // Gaps against target 7: AMQP 0, JMS 2; Streaming 1. Risks: r̂ ≥ 0.2 with bus factor < 2.
    expect(rabbit.requirements.map((r) => [r.skillId, r.gap, r.busFactor, r.risk])).toEqual([
      ["amqp", 0, 2, false],
      ["jms", 2, 0, true],
    ]);
    expect(kafka.requirements.map((r) => [r.skillId, r.gap, r.busFactor, r.risk])).toEqual([
      ["streaming", 1, 1, true],
      ["jms", 2, 0, false], // 0.1 < 0.2: too small a share to be a risk
    ]);
    expect(rabbit.risks).toEqual(["jms"]);
    expect(kafka.risks).toEqual(["streaming"]);
  });

  test("requirement weights are normalised per candidate (7 : 3 is the same as 0.7 : 0.3)", () => {
    const [rabbit] = skillMatches(
      ["rabbit"],
      [
        { candidateId: "rabbit", skillId: "amqp", weight: 7 },
        { candidateId: "rabbit", skillId: "jms", weight: 3, minLevel: 9 },
      ],
      team,
    );
    expect(rabbit.match).toBeCloseTo(7.1, 12);
    expect(rabbit.requirements[1].weight).toBeCloseTo(0.3, 12);
    expect(rabbit.requirements[1].gap).toBe(4); // minLevel 9 − 5
  });

  test("a skill nobody rated counts as level 0", () => {
    const t = teamVector(seedTeam, [...seedSkills, { id: "grpc", name: "gRPC" }]);
    const [c] = skillMatches(
      ["x"],
      [
        { candidateId: "x", skillId: "amqp", weight: 1 },
        { candidateId: "x", skillId: "grpc", weight: 1 },
      ],
      t,
      6,
    );
    expect(c.match).toBeCloseTo(4, 12); // 0.5·8 + 0.5·0
    expect(c.requirements[1]).toMatchObject({ teamLevel: 0, rated: false, gap: 6, busFactor: 0, risk: true });
  });

  test("no team → every match is null", () => {
    expect(skillMatches(["rabbit"], seedRequirements, null)[0].match).toBeNull();
  });
});
