/* eslint-disable @typescript-eslint/no-explicit-any -- these tests feed deliberately malformed JSON, which no static type describes. */
import { describe, expect, test } from "vitest";
import { seedModel, seedRequirements, seedSkills, seedTeam } from "./test-fixtures";
import { validateModel } from "./validate";

type Mutator = (m: any) => void;
const full = () => ({
  ...seedModel(),
  skills: seedSkills,
  team: structuredClone(seedTeam),
  requirements: structuredClone(seedRequirements),
  judgments: [] as any[],
});

describe("validateModel", () => {
  test("the seed model is valid", () => expect(validateModel(full())).toEqual([]));

  test.each<[string, Mutator, string, (string | number)[]]>([
    ["no criteria", (m) => (m.criteria = []), "no_criteria", ["criteria"]],
    ["no candidates", (m) => (m.candidates = []), "no_candidates", ["candidates"]],
    ["criteria not a list", (m) => (m.criteria = {}), "invalid_type", ["criteria"]],
    ["NaN weight", (m) => (m.criteria[2].weight = NaN), "not_finite", ["criteria", 2, "weight"]],
    ["Infinity score", (m) => (m.scores[3].value = Infinity), "not_finite", ["scores", 3, "value"]],
    ["string score", (m) => (m.scores[3].value = "7"), "invalid_type", ["scores", 3, "value"]],
    ["negative weight", (m) => (m.criteria[0].weight = -1), "negative_weight", ["criteria", 0, "weight"]],
    ["all weights zero", (m) => m.criteria.forEach((c: any) => (c.weight = 0)), "all_weights_zero", ["criteria"]],
    ["rating above scale", (m) => (m.scores[3].value = 11), "out_of_scale", ["scores", 3, "value"]],
    [
      "rating below custom scale",
      (m) => ((m.criteria[0].scaleMin = 1), (m.scores[0].value = 0.5)),
      "out_of_scale",
      ["scores", 0, "value"],
    ],
    [
      "scale lo ≥ hi",
      (m) => ((m.criteria[1].scaleMin = 5), (m.criteria[1].scaleMax = 5)),
      "invalid_scale",
      ["criteria", 1, "scaleMax"],
    ],
    [
      "unknown criterion in score",
      (m) => (m.scores[4].criterionId = "nope"),
      "unknown_criterion",
      ["scores", 4, "criterionId"],
    ],
    [
      "unknown candidate in score",
      (m) => (m.scores[4].candidateId = "nope"),
      "unknown_candidate",
      ["scores", 4, "candidateId"],
    ],
    ["duplicate criterion id", (m) => (m.criteria[1].id = "learning"), "duplicate_id", ["criteria", 1, "id"]],
    ["duplicate candidate id", (m) => (m.candidates[2].id = "kafka"), "duplicate_id", ["candidates", 2, "id"]],
    ["duplicate score", (m) => m.scores.push({ ...m.scores[0] }), "duplicate_score", ["scores", 15]],
    [
      "unknown skill in requirement",
      (m) => (m.requirements[1].skillId = "cobol"),
      "unknown_skill",
      ["requirements", 1, "skillId"],
    ],
    [
      "unknown candidate in requirement",
      (m) => (m.requirements[0].candidateId = "zmq"),
      "unknown_candidate",
      ["requirements", 0, "candidateId"],
    ],
    [
      "negative requirement weight",
      (m) => (m.requirements[0].weight = -0.1),
      "negative_weight",
      ["requirements", 0, "weight"],
    ],
    [
      "unknown member in rating",
      (m) => (m.team.ratings[2].memberId = "zed"),
      "unknown_member",
      ["team", "ratings", 2, "memberId"],
    ],
    [
      "unknown skill in rating",
      (m) => (m.team.ratings[2].skillId = "cobol"),
      "unknown_skill",
      ["team", "ratings", 2, "skillId"],
    ],
    ["skill level above 10", (m) => (m.team.ratings[5].level = 10.5), "out_of_scale", ["team", "ratings", 5, "level"]],
    ["skill level below 0", (m) => (m.team.ratings[5].level = -1), "out_of_scale", ["team", "ratings", 5, "level"]],
    [
      "duplicate rating",
      (m) => m.team.ratings.push({ ...m.team.ratings[0] }),
      "duplicate_rating",
      ["team", "ratings", 9],
    ],
    [
      "override out of range",
      (m) => (m.team.overrides = [{ skillId: "jms", level: 12, reason: "x" }]),
      "out_of_scale",
      ["team", "overrides", 0, "level"],
    ],
    [
      "judgment above 9",
      (m) => (m.judgments = [{ evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 10 }]),
      "invalid_judgment",
      ["judgments", 0, "value"],
    ],
    [
      "judgment below 1/9",
      (m) => (m.judgments = [{ evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 0.1 }]),
      "invalid_judgment",
      ["judgments", 0, "value"],
    ],
    [
      "judgment of unknown criterion",
      (m) => (m.judgments = [{ evaluatorId: "e", criterionA: "ops", criterionB: "speed", value: 3 }]),
      "unknown_criterion",
      ["judgments", 0, "criterionB"],
    ],
    [
      "self judgment",
      (m) => (m.judgments = [{ evaluatorId: "e", criterionA: "ops", criterionB: "ops", value: 1 }]),
      "self_judgment",
      ["judgments", 0, "criterionB"],
    ],
    [
      "non-reciprocal pair from one evaluator",
      (m) =>
        (m.judgments = [
          { evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 3 },
          { evaluatorId: "e", criterionA: "learning", criterionB: "ops", value: 0.5 },
        ]),
      "non_reciprocal",
      ["judgments", 1, "value"],
    ],
    [
      "conflicting repeat from one evaluator",
      (m) =>
        (m.judgments = [
          { evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 3 },
          { evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 4 },
        ]),
      "conflicting_judgment",
      ["judgments", 1, "value"],
    ],
    ["invalid kind", (m) => (m.criteria[0].kind = "VIBES"), "invalid_enum", ["criteria", 0, "kind"]],
    ["missing id", (m) => delete m.candidates[0].id, "invalid_type", ["candidates", 0, "id"]],
    ["null criterion", (m) => (m.criteria[3] = null), "invalid_type", ["criteria", 3]],
  ])("%s → %s at %j", (_name, mutate, code, path) => {
    const model = full();
    mutate(model);
    const errors = validateModel(model);
    expect(errors.map((e) => [e.code, e.path])).toContainEqual([code, path]);
    for (const e of errors) expect(typeof e.message).toBe("string");
  });

  test("reciprocal pairs within 1e-6 are accepted, as are the scale ends 1/9 and 9", () => {
    const m = full();
    m.judgments = [
      { evaluatorId: "e", criterionA: "ops", criterionB: "learning", value: 3 },
      { evaluatorId: "e", criterionA: "learning", criterionB: "ops", value: 0.3333333 },
      { evaluatorId: "e", criterionA: "ops", criterionB: "community", value: 1 / 9 },
      { evaluatorId: "f", criterionA: "ops", criterionB: "community", value: 9 },
    ];
    expect(validateModel(m)).toEqual([]);
  });

  test.each<[string, unknown, string, (string | number)[]]>([
    [
      "unknown override",
      { weightOverrides: { speed: 3 } },
      "unknown_criterion",
      ["options", "weightOverrides", "speed"],
    ],
    ["negative override", { weightOverrides: { ops: -3 } }, "negative_weight", ["options", "weightOverrides", "ops"]],
    [
      "overrides zero everything",
      { weightOverrides: { learning: 0, ops: 0, community: 0, familiarity: 0, ecosystem: 0 } },
      "all_weights_zero",
      ["criteria"],
    ],
    ["fractional samples", { monteCarlo: { samples: 10.5 } }, "invalid_option", ["options", "monteCarlo", "samples"]],
    ["zero kappa", { monteCarlo: { kappa: 0 } }, "invalid_option", ["options", "monteCarlo", "kappa"]],
    ["NaN seed", { monteCarlo: { seed: NaN } }, "not_finite", ["options", "monteCarlo", "seed"]],
    ["bad aggregation", { aggregation: "mode" }, "invalid_enum", ["options", "aggregation"]],
  ])("options: %s", (_name, options, code, path) => {
    expect(validateModel(full(), options).map((e) => [e.code, e.path])).toContainEqual([code, path]);
  });

  test.each([null, 42, "model", [], { criteria: "x", candidates: 3, scores: null }])(
    "survives arbitrary JSON %j",
    (input) => {
      const errors = validateModel(input);
      expect(errors.length).toBeGreaterThan(0);
    },
  );
});
