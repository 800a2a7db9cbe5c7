// Reference (Python 3, numpy 2.4): group judgment per pair = exp(mean(ln a)) over the evaluators who judged it, each
// judgment oriented as the earlier criterion over the later one; per evaluator d = ln(own) − ln(group) per pair,
// distance = sqrt(mean(d²)), factor = exp(distance), farthest = the first pair with the largest |d|.
import { describe, expect, test } from "vitest";
import { ahpDistances } from "./ahp-consensus";
import { judge as j } from "./test-fixtures";

const IDS = ["a", "b", "c", "d"];
const JUDGMENTS = [
  // Ada: Wikipedia's leader example, all six pairs.
  j("ada", "a", "b", 4),
  j("ada", "a", "c", 3),
  j("ada", "a", "d", 7),
  j("ada", "b", "c", 1 / 3),
  j("ada", "b", "d", 3),
  j("ada", "c", "d", 5),
  // Bo: five pairs, one stated the other way round (c over a = 2, i.e. a over c = 1/2).
  j("bo", "a", "b", 1 / 2),
  j("bo", "c", "a", 2),
  j("bo", "a", "d", 5),
  j("bo", "b", "c", 1),
  j("bo", "b", "d", 2),
  // Cy: two pairs only.
  j("cy", "a", "b", 4),
  j("cy", "a", "c", 3),
];

describe("each evaluator's distance to the group judgment", () => {
  test("matches numpy on three evaluators with partial and reversed judgments", () => {
    const rows = ahpDistances(IDS, JUDGMENTS);
    expect(rows.map((r) => [r.evaluatorId, r.pairs])).toEqual([
      ["ada", 6],
      ["bo", 5],
      ["cy", 2],
    ]);
    const [ada, bo, cy] = rows;
    expect(ada.logDistance).toBeCloseTo(0.4487585592386683, 12);
    expect(ada.factor).toBeCloseTo(1.5663664268385553, 12);
    expect(bo.logDistance).toBeCloseTo(0.862530985787432, 12);
    expect(bo.factor).toBeCloseTo(2.3691493952973763, 12);
    expect(cy.logDistance).toBeCloseTo(0.646979268121914, 12);
    expect(cy.factor).toBeCloseTo(1.9097632244583485, 12);
    // Group a over b: exp(mean(ln 4, ln 1/2, ln 4)) = 2. Ada said 4, Bo 1/2: both |ln 2| and |ln 4| from it.
    expect(ada.farthest).toMatchObject({ criterionA: "a", criterionB: "b", own: 4 });
    expect(ada.farthest!.group).toBeCloseTo(2, 12);
    expect(bo.farthest).toMatchObject({ criterionA: "a", criterionB: "b", own: 0.5 });
  });

  test("one evaluator is the group: distance 0, factor 1, nothing farthest", () => {
    const rows = ahpDistances(
      IDS,
      JUDGMENTS.filter((x) => x.evaluatorId === "ada"),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].logDistance).toBeCloseTo(0, 14);
    expect(rows[0].factor).toBeCloseTo(1, 14);
    expect(rows[0].farthest).toBeNull();
  });

  test("a judgment stated both ways counts once; judgments of unknown criteria are ignored", () => {
    const rows = ahpDistances(IDS, [
      j("ada", "a", "b", 3),
      j("ada", "b", "a", 1 / 3),
      j("bo", "a", "b", 1 / 3),
      j("bo", "a", "zz", 9),
    ]);
    // Group a over b = exp((ln 3 + ln 1/3)/2) = 1; each is ln 3 away on one pair.
    expect(rows.map((r) => [r.evaluatorId, r.pairs])).toEqual([
      ["ada", 1],
      ["bo", 1],
    ]);
    for (const r of rows) expect(r.factor).toBeCloseTo(3, 12);
  });

  test("property: the distance is symmetric in how a pair is stated and unchanged by the order of the judgments", () => {
    const flipped = JUDGMENTS.map((x) => j(x.evaluatorId, x.criterionB, x.criterionA, 1 / x.value));
    const reversed = [...JUDGMENTS].reverse();
    const base = new Map(ahpDistances(IDS, JUDGMENTS).map((r) => [r.evaluatorId, r.logDistance]));
    for (const variant of [flipped, reversed])
      for (const r of ahpDistances(IDS, variant)) expect(r.logDistance).toBeCloseTo(base.get(r.evaluatorId)!, 12);
  });
});
