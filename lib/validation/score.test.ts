import { describe, expect, test } from "vitest";
import { asSaatyValue, ahpWeightToRaw, saveJudgmentSchema } from "./judgment";
import { isHttpUrl, parseScoreText, saveScoreSchema, scoreValueProblem } from "./score";

describe("parseScoreText", () => {
  test.each([
    ["7", 7],
    [" 6.5 ", 6.5],
    ["6,5", 6.5],
    [".5", 0.5],
    ["-3", -3],
    ["1e3", 1000],
  ])("%s → %d", (text, value) => expect(parseScoreText(text)).toEqual({ ok: true, value }));
  test.each([
    ["", "valueRequired"],
    ["  ", "valueRequired"],
    ["abc", "valueNotNumber"],
    ["0x10", "valueNotNumber"],
    ["Infinity", "valueNotNumber"],
    ["7 points", "valueNotNumber"],
    ["1e400", "valueNotNumber"],
  ])("%j is refused (%s)", (text, error) => expect(parseScoreText(text)).toEqual({ ok: false, error }));
});

describe("scoreValueProblem", () => {
  const rating = { kind: "RATING" as const, scaleMin: null, scaleMax: null };
  test("ratings stay on the scale (default 0–10, or the criterion's own)", () => {
    expect(scoreValueProblem(rating, 10)).toBeNull();
    expect(scoreValueProblem(rating, 0)).toBeNull();
    expect(scoreValueProblem(rating, 11)).toBe("valueOutOfScale");
    expect(scoreValueProblem(rating, -0.1)).toBe("valueOutOfScale");
    expect(scoreValueProblem({ ...rating, scaleMin: 1, scaleMax: 5 }, 0)).toBe("valueOutOfScale");
    expect(scoreValueProblem({ ...rating, scaleMin: 1, scaleMax: 5 }, 5)).toBeNull();
  });
  test("metric values are facts, not scores; skill-match cells are not scored", () => {
    expect(scoreValueProblem({ kind: "METRIC", scaleMin: null, scaleMax: null }, 98420.5)).toBe("metricIsFact");
    expect(scoreValueProblem({ kind: "METRIC", scaleMin: null, scaleMax: null }, Number.POSITIVE_INFINITY)).toBe(
      "metricIsFact",
    );
    expect(scoreValueProblem({ kind: "SKILL_MATCH", scaleMin: 0, scaleMax: 10 }, 5)).toBe("notScorable");
  });
});

describe("evidence links", () => {
  test.each([
    ["https://kafka.apache.org/", true],
    ["http://example.com/x?y=1", true],
    ["javascript:alert(1)", false],
    ["ftp://example.com/file", false],
    ["example.com", false],
    ["file:///etc/passwd", false],
  ])("%s → %s", (url, ok) => expect(isHttpUrl(url)).toBe(ok));

  test("the schema accepts an empty link and refuses a bad one with a message key", () => {
    const base = { decisionId: "d", criterionId: "c", candidateId: "k", value: 5, version: null };
    expect(saveScoreSchema.safeParse({ ...base, evidenceUrl: "" }).success).toBe(true);
    const bad = saveScoreSchema.safeParse({ ...base, evidenceUrl: "javascript:alert(1)" });
    expect(bad.success || bad.error.issues[0].message).toBe("evidenceUrlInvalid");
    // The evaluator is never an input: an evaluatorId in the payload is dropped.
    const withEvaluator = saveScoreSchema.parse({ ...base, evaluatorId: "someone-else" });
    expect("evaluatorId" in withEvaluator).toBe(false);
  });
});

describe("Saaty values", () => {
  test.each([
    [9, 9],
    [1 / 9, 1 / 9],
    [0.1111111, 1 / 9],
    [1, 1],
    [0.5, 0.5],
  ])("%d is on the scale", (v, s) => expect(asSaatyValue(v)).toBeCloseTo(s, 12));
  test.each([0, -3, 10, 2.5, 0.1, Number.NaN])("%d is not", (v) => expect(asSaatyValue(v)).toBeNull());
  test("a pair must name two different criteria", () => {
    const r = saveJudgmentSchema.safeParse({
      decisionId: "d",
      criterionAId: "a",
      criterionBId: "a",
      value: 3,
      version: null,
    });
    expect(r.success || r.error.issues[0].message).toBe("sameCriterion");
  });
  test("weights are written as points out of 100 with two decimals", () => {
    // Leader example shares (numpy): .54756924 → 54.76, .05592555 → 5.59.
    expect(ahpWeightToRaw(0.54756924)).toBe(54.76);
    expect(ahpWeightToRaw(0.05592555)).toBe(5.59);
  });
});
