import { describe, expect, test } from "vitest";
import { evaluateDecision } from "@/lib/scoring";
import { seedModel } from "@/lib/scoring/test-fixtures";
import { buildSweep, lineValue, sweepRows, winnerChanges } from "./sweep";

const result = (() => {
  const o = evaluateDecision(seedModel(), { monteCarlo: { samples: 0 } });
  if (!o.ok) throw new Error("seed model must evaluate");
  return o.result;
})();

describe("broker sweep, by hand", () => {
  test("community activity: lines and the flip to Kafka at 13/30", () => {
    // Others' shares .20 .25 .30 .10 over 0.85:
    // Kafka  R = (.2·6 + .25·5 + .3·7 + .1·8)/.85 = 5.35/.85 = 6.294118, s = 9
    // Rabbit R = (.2·8 + .25·7 + .3·9 + .1·6)/.85 = 6.65/.85 = 7.823529, s = 7
    // Pulsar R = (.2·5 + .25·4 + .3·5 + .1·9)/.85 = 4.40/.85 = 5.176471, s = 8
    // Kafka = Rabbit: 9t + 6.294118(1−t) = 7t + 7.823529(1−t) → 2t = (26/17)(1−t) → t = 26/60 = 13/30 = 0.43333.
    // Pulsar = Rabbit: d0 = −2.647059, d1 = 1 → t = 2.647059/3.647059 = 0.725806 (Kafka already leads there).
    const s = buildSweep(result, "community");
    const line = Object.fromEntries(s.lines.map((l) => [l.candidateId, l]));
    expect(line.kafka.at0).toBeCloseTo(6.294118, 6);
    expect(line.rabbit.at0).toBeCloseTo(7.823529, 6);
    expect(line.pulsar.at0).toBeCloseTo(5.176471, 6);
    expect(s.changes).toHaveLength(1);
    expect(s.changes[0].from).toBe("rabbit");
    expect(s.changes[0].to).toBe("kafka");
    expect(s.changes[0].at).toBeCloseTo(13 / 30, 12);
    expect(s.crossings.map((c) => c.at)).toEqual([expect.closeTo(13 / 30, 9), expect.closeTo(0.725806, 6)]);
    expect(s.currentShare).toBeCloseTo(0.15, 12);
  });

  test("team familiarity: RabbitMQ leads over the whole range, no winner change", () => {
    // Rabbit: R = (.2·8+.25·7+.15·7+.1·6)/.7 = 5.0/.7 = 7.142857, s = 9; Kafka R = 4.6/.7 = 6.571429, s = 7;
    // Pulsar R = 4.1/.7 = 5.857143, s = 5. Rabbit is above both at t = 0 and at t = 1, so never overtaken.
    const s = buildSweep(result, "familiarity");
    expect(s.changes).toEqual([]);
    expect(s.lines.find((l) => l.candidateId === "rabbit")!.at0).toBeCloseTo(7.142857, 6);
  });

  test("rows include 0, 1, the current share and the crossings, with the totals at the current share", () => {
    const rows = sweepRows(buildSweep(result, "community"));
    expect(rows.map((r) => r.t)).toEqual([
      0,
      expect.closeTo(0.15, 12),
      expect.closeTo(13 / 30, 9),
      expect.closeTo(0.725806, 6),
      1,
    ]);
    // At the current share 0.15 the lines give back the totals 6.70 / 7.70 / 5.60.
    expect(rows[1].kafka).toBeCloseTo(6.7, 9);
    expect(rows[1].rabbit).toBeCloseTo(7.7, 9);
    expect(rows[1].pulsar).toBeCloseTo(5.6, 9);
  });
});

describe("winnerChanges", () => {
  test("three lines with two successive takeovers", () => {
    // a: 5 → 5, b: 4 → 6 (meets a at 0.5), c: 0 → 8 (meets b at t: 4+2t = 8t → t = 2/3; meets a at 5/8 < 2/3 but b
    // leads there already).
    const ch = winnerChanges([
      { candidateId: "a", at0: 5, at1: 5 },
      { candidateId: "b", at0: 4, at1: 6 },
      { candidateId: "c", at0: 0, at1: 8 },
    ]);
    expect(ch.map((c) => [c.from, c.to])).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
    expect(ch[0].at).toBeCloseTo(0.5, 12);
    expect(ch[1].at).toBeCloseTo(2 / 3, 12);
  });
  test("lineValue interpolates", () => {
    expect(lineValue({ at0: 2, at1: 6 }, 0.25)).toBe(3);
  });
});
