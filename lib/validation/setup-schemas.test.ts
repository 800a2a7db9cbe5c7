// The shared setup schemas, as the browser and the server both run them.
import { describe, expect, test } from "vitest";
import { parseCandidateField } from "./candidate";
import { checkCriterionRow, parseCriterionField, type CriterionValues } from "./criterion";
import { createDecisionSchema, parseListQuery, statusChangeSchema } from "./decision";

const rating: CriterionValues = {
  name: "x",
  description: "",
  lowMeaning: "",
  highMeaning: "",
  weight: 1,
  kind: "RATING",
  direction: "BENEFIT",
  scaleMin: null,
  scaleMax: null,
  unit: null,
  worst: null,
  best: null,
  threshold: null,
  currency: null,
  valueCurve: null,
  autoReferences: false,
  pairwise: false,
};

describe("criterion fields", () => {
  test.each([
    ["weight", "12.5", { ok: true, value: 12.5 }],
    ["weight", " 0 ", { ok: true, value: 0 }],
    ["weight", "-0.1", { ok: false, error: "weightNegative" }],
    ["weight", "", { ok: false, error: "required" }],
    ["weight", "1e400", { ok: false, error: "notANumber" }],
    ["threshold", "", { ok: true, value: null }],
    ["threshold", "200", { ok: true, value: 200 }],
    ["unit", "  ", { ok: true, value: null }],
    ["name", "  Ops  ", { ok: true, value: "Ops" }],
    ["direction", "UP", { ok: false, error: "directionInvalid" }],
    ["currency", "", { ok: true, value: null }],
    ["currency", " usd ", { ok: true, value: "USD" }],
    ["currency", "CNY", { ok: true, value: "CNY" }],
    ["currency", "US$", { ok: false, error: "currencyInvalid" }],
    ["currency", "EURO", { ok: false, error: "currencyInvalid" }],
    ["currency", "€", { ok: false, error: "currencyInvalid" }],
  ] as const)("%s %j → %j", (field, text, expected) => {
    expect(parseCriterionField(field, text)).toEqual(expected);
  });

  test("rating scale defaults to 0–10, so a lone bound is checked against the default", () => {
    expect(checkCriterionRow({ ...rating, scaleMin: 12 }, "scaleMin")).toBe("scaleOrder");
    expect(checkCriterionRow({ ...rating, scaleMin: 1, scaleMax: 5 }, "scaleMax")).toBeNull();
    expect(checkCriterionRow({ ...rating, scaleMin: 5, scaleMax: 5 }, "scaleMax")).toBe("scaleOrder");
    expect(checkCriterionRow({ ...rating, kind: "METRIC", worst: 3, best: 3 }, "best")).toBe("referencesEqual");
    expect(checkCriterionRow({ ...rating, kind: "METRIC", worst: 3, best: null }, "worst")).toBeNull();
  });

  test("money is a measured cost: the currency, kind and direction edits that would break it are refused", () => {
    const cost = { ...rating, kind: "METRIC" as const, direction: "COST" as const, currency: "USD" };
    expect(checkCriterionRow(cost, "currency")).toBeNull();
    expect(checkCriterionRow({ ...cost, direction: "BENEFIT" }, "currency")).toBe("moneyNeedsCost");
    expect(checkCriterionRow({ ...cost, direction: "BENEFIT" }, "direction")).toBe("moneyNeedsCost");
    expect(checkCriterionRow({ ...cost, kind: "RATING" }, "kind")).toBe("moneyNeedsMetric");
    expect(checkCriterionRow({ ...cost, kind: "SKILL_MATCH" }, "currency")).toBe("moneyNeedsMetric");
    // Not money: any kind and direction.
    expect(checkCriterionRow({ ...cost, currency: null, kind: "RATING", direction: "BENEFIT" }, "kind")).toBeNull();
  });
});

test.each([
  ["https://kafka.apache.org/", true],
  ["http://localhost:8080/x", true],
  ["", true],
  ["kafka.apache.org", false],
  ["javascript:alert(1)", false],
  ["ftp://example.com", false],
  ["https://", false],
])("candidate link %j valid: %s", (link, ok) => {
  expect(parseCandidateField("link", link).ok).toBe(ok);
});

test("status change needs a candidate and rationale to decide, a replacement to supersede", () => {
  const r = statusChangeSchema.safeParse({ decisionId: "d", version: "1", to: "DECIDED" });
  expect(r.success ? [] : r.error.issues.map((i) => [i.path[0], i.message])).toEqual([
    ["chosenCandidateId", "chosenRequired"],
    ["outcomeRationale", "rationaleRequired"],
  ]);
  expect(
    statusChangeSchema.safeParse({ decisionId: "d", version: "1", to: "SUPERSEDED", supersededById: "d" }).success,
  ).toBe(false);
  expect(statusChangeSchema.safeParse({ decisionId: "d", version: "1", to: "IN_REVIEW" }).success).toBe(true);
});

test("create and list query", () => {
  expect(createDecisionSchema.safeParse({ title: " ", template: "broker" }).success).toBe(false);
  expect(createDecisionSchema.safeParse({ title: "x", template: "nope" }).success).toBe(false);
  expect(createDecisionSchema.parse({ title: "x", teamId: "", template: "gc" })).toEqual({
    title: "x",
    teamId: null,
    template: "gc",
  });
  // Unknown values fall back to defaults so a hand-edited link never breaks the page.
  expect(parseListQuery({ sort: "bogus", status: ["DECIDED", "DRAFT"], archived: "yes" })).toEqual({
    q: "",
    status: "DECIDED",
    team: "",
    sort: "updated",
    archived: "",
    page: 1,
  });
  // A page that is not a whole number ≥ 1 is page 1; the data layer clamps one past the end to the last page.
  for (const page of ["abc", "0", "-3", "2.5", ""]) expect(parseListQuery({ page }).page).toBe(1);
  expect(parseListQuery({ page: "40" }).page).toBe(40);
  expect(parseListQuery({ page: ["3", "9"] }).page).toBe(3);
});
