// Shared test data (the seed broker decision). Imported by tests only; kept out of index.ts.
import type { CriterionInput, DecisionModel, PairwiseJudgmentInput, TeamInput } from "./types";

export const rating = (id: string, weight: number, extra: Partial<CriterionInput> = {}): CriterionInput => ({
  id,
  name: id,
  weight,
  kind: "RATING",
  direction: "BENEFIT",
  ...extra,
});

export const seedCriteria = [
  rating("learning", 20),
  rating("ops", 25),
  rating("community", 15),
  rating("familiarity", 30),
  rating("ecosystem", 10),
];

export const seedValues: Record<string, number[]> = {
  kafka: [6, 5, 9, 7, 8],
  rabbit: [8, 7, 7, 9, 6],
  pulsar: [5, 4, 8, 5, 9],
};

export function seedModel(): DecisionModel {
  return {
    criteria: seedCriteria.map((c) => ({ ...c })),
    candidates: [
      { id: "kafka", name: "Kafka" },
      { id: "rabbit", name: "RabbitMQ" },
      { id: "pulsar", name: "Pulsar" },
    ],
    scores: Object.entries(seedValues).flatMap(([candidateId, values]) =>
      values.map((value, i) => ({ criterionId: seedCriteria[i].id, candidateId, evaluatorId: "e1", value })),
    ),
  };
}

// Seed team: AMQP rated 9, 7, 3; JMS 6, 4, 2; Streaming 7, 5, 1 → top-2 means 8, 5, 6.
export const seedTeam: TeamInput = {
  members: [
    { id: "ana", name: "Ana" },
    { id: "ben", name: "Ben" },
    { id: "cy", name: "Cy" },
  ],
  ratings: [
    { memberId: "ana", skillId: "amqp", level: 9 },
    { memberId: "ben", skillId: "amqp", level: 7 },
    { memberId: "cy", skillId: "amqp", level: 3 },
    { memberId: "ana", skillId: "jms", level: 6 },
    { memberId: "ben", skillId: "jms", level: 4 },
    { memberId: "cy", skillId: "jms", level: 2 },
    { memberId: "ana", skillId: "streaming", level: 7 },
    { memberId: "ben", skillId: "streaming", level: 5 },
    { memberId: "cy", skillId: "streaming", level: 1 },
  ],
};

export const seedSkills = [
  { id: "amqp", name: "AMQP" },
  { id: "jms", name: "JMS" },
  { id: "streaming", name: "Streaming" },
];

export const seedRequirements = [
  { candidateId: "rabbit", skillId: "amqp", weight: 0.7 },
  { candidateId: "rabbit", skillId: "jms", weight: 0.3 },
  { candidateId: "kafka", skillId: "streaming", weight: 0.9 },
  { candidateId: "kafka", skillId: "jms", weight: 0.1 },
];

/** One pairwise judgment: `evaluatorId` says criterion a is `value` times as important as b. */
export const judge = (evaluatorId: string, a: string, b: string, value: number): PairwiseJudgmentInput => ({
  evaluatorId,
  criterionA: a,
  criterionB: b,
  value,
});
