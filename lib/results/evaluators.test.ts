import { expect, test } from "vitest";
import { evaluateDecision } from "@/lib/scoring";
import { seedModel } from "@/lib/scoring/test-fixtures";
import { evaluatorModel } from "./evaluators";

// Two evaluators on the broker: e2 differs from e1 on Pulsar learning (2 vs 8: range 6) and Kafka ops (4 vs 6).
function twoEvaluators() {
  const m = seedModel();
  const e2 = m.scores.map((s) => ({ ...s, evaluatorId: "e2" }));
  for (const s of e2) {
    if (s.candidateId === "pulsar" && s.criterionId === "learning") s.value = 8;
    if (s.candidateId === "kafka" && s.criterionId === "ops") s.value = 6;
  }
  const p = m.scores.find((s) => s.candidateId === "pulsar" && s.criterionId === "learning")!;
  p.value = 2;
  const k = m.scores.find((s) => s.candidateId === "kafka" && s.criterionId === "ops")!;
  k.value = 4;
  return { ...m, scores: [...m.scores, ...e2] };
}

test("one evaluator's model gives that evaluator's totals", () => {
  // e1 alone: Pulsar learning 2 → .2·2+.25·4+.15·8+.3·5+.1·9 = 0.4+1+1.2+1.5+0.9 = 5.0; Kafka ops 4 → 6.70 − .25 = 6.45.
  const o = evaluateDecision(evaluatorModel(twoEvaluators(), "e1"), { monteCarlo: { samples: 0 } });
  if (!o.ok) throw new Error("evaluates");
  const total = Object.fromEntries(o.result.ranking.map((r) => [r.candidateId, r.total]));
  expect(total.pulsar).toBeCloseTo(5.0, 12);
  expect(total.kafka).toBeCloseTo(6.45, 12);
  expect(total.rabbit).toBeCloseTo(7.7, 12);
});
