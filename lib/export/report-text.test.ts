// Report sentences and chart labels built from a bundle (no database): what the report, the PDF and the ADR print.
import { describe, expect, test } from "vitest";
import type { DecisionDetail } from "@/lib/decisions/dto";
import { decisionOptionsOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision } from "@/lib/scoring";
import type { ReportBundle } from "./bundle";
import { acceptabilityBars } from "./chart-geometry";
import { formatters, reportTranslator } from "./i18n";
import { methodLine, requirementFlags, valueSentences, verdictSentences } from "./report-text";

const t = reportTranslator("en");
const f = formatters("en");

/** Broker-like decision: one 0–10 rating per criterion, scores by one evaluator. */
function decision(values: Record<string, number[]>, weights: number[]): DecisionDetail {
  const criteria = weights.map((weight, i) => ({
    id: `k${i}`,
    name: `Criterion ${i}`,
    description: "",
    lowMeaning: "",
    highMeaning: "",
    weight,
    kind: "RATING" as const,
    direction: "BENEFIT" as const,
    scaleMin: 0,
    scaleMax: 10,
    unit: null,
    worst: null,
    best: null,
    threshold: null,
    currency: null,
    valueCurve: null,
    autoReferences: false,
    pairwise: false,
    parentId: null,
    position: i,
    version: 1,
  }));
  return {
    id: "d1",
    title: "Broker",
    context: "",
    status: "DRAFT",
    outcomeRationale: "",
    chosenCandidateId: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    criteria,
    candidates: Object.keys(values).map((id, i) => ({
      id,
      name: id,
      description: "",
      link: "",
      position: i,
      version: 1,
    })),
    scores: Object.entries(values).flatMap(([candidateId, vs]) =>
      vs.map((value, i) => ({
        id: `${candidateId}${i}`,
        criterionId: `k${i}`,
        candidateId,
        evaluatorId: "u1",
        value,
        rationale: "",
        evidenceUrl: "",
        version: 1,
      })),
    ),
    evaluators: [{ id: "u1", name: "Ada" }],
    skills: [
      { id: "amqp", name: "AMQP", category: "" },
      { id: "jms", name: "JMS", category: "" },
    ],
    requirements: [],
    judgments: [],
    candidateJudgments: [],
    facts: [],
    team: null,
    scoring: { aggregation: "mean", weightSource: "direct" },
  };
}

function bundle(d: DecisionDetail, samples = 2000): ReportBundle {
  const out = evaluateDecision(toScoringModel(d), { monteCarlo: { samples, seed: 5 } });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return {
    decision: d,
    teamName: null,
    decidedAt: null,
    createdByName: null,
    settings: null,
    evaluators: [{ id: "u1", name: "Ada" }],
    result: out.result,
    errors: [],
    changes: [],
    cellSources: [],
    changeCount: 0,
    generatedAt: "2026-01-01T00:00:00.000Z",
  };
}

const labels = {
  value: (rank: number, p: number) => t("charts.rankValue", { rank, p: f.share(p) }),
  rank: (rank: number) => t("charts.rankLabel", { rank }),
};

describe("rank-acceptability labels name the rank they report", () => {
  test("a candidate always second is labelled 'Rank 2: 100.0%', not 'P(first) 0.0%'", () => {
    // Kafka 1 point against RabbitMQ 9 on a single criterion: ±0.5 point noise can never swap them.
    const b = bundle(decision({ RabbitMQ: [9], Kafka: [1] }, [1]));
    const bars = acceptabilityBars(b, b.result!, labels)!;
    expect(bars.rows.map((r) => [r.label, r.valueText])).toEqual([
      ["RabbitMQ", "Rank 1: 100.0%"],
      ["Kafka", "Rank 2: 100.0%"],
    ]);
    expect(bars.rows[1].segments.map((s) => s.label)).toEqual(["Rank 2"]);
  });

  test("an incomplete candidate gets no bar (it was not simulated)", () => {
    const d = decision({ RabbitMQ: [9, 8], Kafka: [1, 2], Pulsar: [5] }, [1, 1]);
    const b = bundle(d);
    expect(acceptabilityBars(b, b.result!, labels)!.rows.map((r) => r.label)).toEqual(["RabbitMQ", "Kafka"]);
  });
});

describe("bus factor", () => {
  // Team: AMQP rated 9 and 7 (bus factor 2); JMS rated 6 and 4 (bus factor 0).
  const withTeam = (req: { skillId: string; weight: number }[]): DecisionDetail => ({
    ...decision({ RabbitMQ: [9], Kafka: [4] }, [1]),
    team: {
      id: "t1",
      name: "Platform",
      aggregation: "top2",
      members: [
        { id: "ana", name: "Ana" },
        { id: "ben", name: "Ben" },
      ],
      ratings: [
        { memberId: "ana", skillId: "amqp", level: 9 },
        { memberId: "ben", skillId: "amqp", level: 7 },
        { memberId: "ana", skillId: "jms", level: 6 },
        { memberId: "ben", skillId: "jms", level: 4 },
      ],
      overrides: [],
    },
    requirements: req.map((r) => ({ candidateId: "RabbitMQ", minLevel: null, ...r })),
  });

  test("a flagged risk states the rule beside it", () => {
    const b = bundle(
      withTeam([
        { skillId: "amqp", weight: 0.7 },
        { skillId: "jms", weight: 0.3 },
      ]),
    );
    const jms = b.result!.skillMatch[0].requirements.find((q) => q.skillId === "jms")!;
    expect(requirementFlags(jms, "JMS", t, f)).toEqual([
      "Risk: JMS carries 30.0% of the requirements (at least 20.0%) and fewer than 2 people are rated 7 or more (bus factor 0)",
      "Nobody is rated 7 or more in JMS (bus factor 0)",
    ]);
    const sentences = verdictSentences(b.result!, b, t, f);
    expect(sentences).toContain(
      "Rule: a skill with at least 20.0% of a candidate's requirements is a risk when fewer than 2 people are rated 7 or more.",
    );
  });

  test("a bus factor of 0 on a requirement below 20 % is still named, in the table and in the verdict", () => {
    const b = bundle(
      withTeam([
        { skillId: "amqp", weight: 0.85 },
        { skillId: "jms", weight: 0.15 },
      ]),
    );
    const rows = b.result!.skillMatch[0].requirements;
    expect(
      requirementFlags(
        rows.find((q) => q.skillId === "amqp")!,
        "AMQP",
        t,
        f,
      ),
    ).toEqual([]);
    expect(
      requirementFlags(
        rows.find((q) => q.skillId === "jms")!,
        "JMS",
        t,
        f,
      ),
    ).toEqual(["Nobody is rated 7 or more in JMS (bus factor 0)"]);
    expect(verdictSentences(b.result!, b, t, f)).toContain(
      "Skill risk for the winner: JMS: nobody rated 7 or more (bus factor 0, 15.0% of the requirements).",
    );
  });
});

describe("verdict sentences follow the display rule", () => {
  test("no scores: one sentence saying there is no verdict yet, nothing about weightings or ties", () => {
    const d = decision({ Kafka: [], RabbitMQ: [], Pulsar: [] }, [1, 1]);
    const b = bundle(d);
    expect(verdictSentences(b.result!, b, t, f)).toEqual([
      "No verdict yet: no candidate has a score on every criterion.",
      "Not ranked until their scores are complete: Kafka (no score for Criterion 0, Criterion 1); RabbitMQ (no score for Criterion 0, Criterion 1); Pulsar (no score for Criterion 0, Criterion 1).",
    ]);
  });

  test("totals 7.012 and 7.008 read as a tie at 7.01", () => {
    const b = bundle(decision({ Gin: [7.012], Flask: [7.008] }, [1]));
    expect(verdictSentences(b.result!, b, t, f)[0]).toBe(
      "2 candidates tie for first place at 7.01 points; the scores do not separate them.",
    );
  });

  test("totals 7.676 and 6.784 (7.68 and 6.78) lead by 0.90", () => {
    const b = bundle(decision({ Gin: [7.676], Flask: [6.784] }, [1]));
    expect(verdictSentences(b.result!, b, t, f)[0]).toMatch(/^Gin leads by 0\.90 points/);
  });
});

describe("the decision's method", () => {
  test("median of three evaluators (2, 3, 10 → 3, not the mean 5) and the report states the method", () => {
    const d = decision({ Kafka: [2], RabbitMQ: [6] }, [1]);
    d.scores.push(
      { ...d.scores[0], id: "k2", evaluatorId: "u2", value: 3 },
      { ...d.scores[0], id: "k3", evaluatorId: "u3", value: 10 },
    );
    d.scoring = { aggregation: "median", weightSource: "direct" };
    const out = evaluateDecision(toScoringModel(d), { ...decisionOptionsOf(d), monteCarlo: { samples: 0 } });
    if (!out.ok) throw new Error("unexpected");
    expect(out.result.ranking.find((r) => r.candidateId === "Kafka")!.total).toBe(3);
    expect(out.result.winnerId).toBe("RabbitMQ"); // with the mean Kafka would have 5 against 6, same winner, lead 1
    expect(out.result.ranking[0].margin).toBe(3);
    expect(methodLine({ ...bundle(d), decision: d }, t)).toBe(
      "Method: cell values are the median of the evaluators' scores; weights as entered.",
    );
  });
});

describe("a disagreement that alone could change the winner is named in the verdict", () => {
  // One criterion: RabbitMQ scored 9 by Ada and 4 by Bo (mean 6.5), Kafka 6 by both. At Bo's 4 RabbitMQ falls below
  // Kafka's 6: the cell decides the winner. Swing = 1 × (9 − 4) = 5.
  const twoEvaluators = (): DecisionDetail => {
    const d = decision({ RabbitMQ: [9], Kafka: [6] }, [1]);
    const bo = d.scores.map((s) => ({
      ...s,
      id: `${s.id}b`,
      evaluatorId: "u2",
      value: s.candidateId === "RabbitMQ" ? 4 : 6,
    }));
    return { ...d, scores: [...d.scores, ...bo], evaluators: [...d.evaluators, { id: "u2", name: "Bo" }] };
  };

  test("in English and Chinese, with the cell's range and swing", () => {
    const b = bundle(twoEvaluators(), 0);
    expect(verdictSentences(b.result!, b, t, f)).toContain(
      "One disagreement alone could change the winner: the evaluators' views of Criterion 0 for RabbitMQ run from 4 " +
        "to 9, a swing of 5.00 points in its total. Worth settling first.",
    );
    expect(verdictSentences(b.result!, b, reportTranslator("zh-CN"), formatters("zh-CN"))).toContain(
      "仅这一处分歧就可能改变胜出者：评估人对 RabbitMQ 在Criterion 0上的评分从 4 到 9，使其总分摆动 5.00 分。值得优先讨论。",
    );
  });

  test("a disagreement that cannot change the order is not in the verdict", () => {
    // Bo gives RabbitMQ 8 instead: from 8 to 9 it stays above Kafka's 6.
    const d = twoEvaluators();
    const b = bundle(
      {
        ...d,
        scores: d.scores.map((s) => (s.evaluatorId === "u2" && s.candidateId === "RabbitMQ" ? { ...s, value: 8 } : s)),
      },
      0,
    );
    expect(verdictSentences(b.result!, b, t, f).join(" ")).not.toMatch(/could change the winner/);
  });
});

describe("value for money in the report", () => {
  // Two ratings (weights 3 and 1) and a monthly cost in USD of weight 0, so the benefit is the total:
  //   A (3·9 + 8)/4 = 8.75 at $8,000, B (3·6 + 6)/4 = 6.00 at $4,000, C (3·5 + 7)/4 = 5.50 at $5,000.
  //   C is dominated by B; the frontier is B → A: $4,000 more buys 2.75 points.
  const withCost = (currency: string | null): DecisionDetail => {
    const d = decision({ A: [9, 8], B: [6, 6], C: [5, 7] }, [3, 1]);
    const cost = { ...d.criteria[0], id: "cost", name: "Hosting", weight: 0, kind: "METRIC" as const };
    const money = { ...cost, direction: "COST" as const, unit: "/month", currency, position: 2 };
    const fact = (candidateId: string, value: number) => ({
      id: `f${candidateId}`,
      criterionId: "cost",
      candidateId,
      value,
      unit: "/month",
      sourceUrl: "",
      note: "",
      measuredOn: "2026-11-30",
      enteredById: null,
      enteredByName: null,
      version: 1,
      updatedAt: "2026-11-30T00:00:00.000Z",
    });
    return { ...d, criteria: [...d.criteria, money], facts: [fact("A", 8000), fact("B", 4000), fact("C", 5000)] };
  };

  test("each candidate's cost and benefit, the frontier, its steps and the dominated, in English and Chinese", () => {
    const b = bundle(withCost("USD"), 0);
    expect(valueSentences(b.result!, b, t, f)).toEqual([
      "Benefit is the weighted total over the criteria that are not money (100.0% of the weight), rescaled to 0–10; " +
        "cost is Hosting as entered. A candidate is dominated when another costs no more and gives at least as much benefit.",
      "A: $8,000 /month, benefit 8.75 points.",
      "B: $4,000 /month, benefit 6.00 points.",
      "C: $5,000 /month, benefit 5.50 points.",
      "Best value for the money, cheapest first: B, A.",
      "From B to A: $4,000 /month more buys 2.75 points of benefit.",
      "C is dominated by B: it costs more and gives no more benefit, or gives less for the same cost.",
    ]);
    const zh = valueSentences(b.result!, b, reportTranslator("zh-CN"), formatters("zh-CN"));
    expect(zh).toContain("最具性价比的方案，按成本从低到高：B, A。");
    expect(zh).toContain("从 B 到 A：多花 US$4,000 /month，收益增加 2.75 分。");
  });

  test("nothing when no criterion is money", () => {
    const b = bundle(withCost(null), 0);
    expect(valueSentences(b.result!, b, t, f)).toEqual([]);
  });
});
