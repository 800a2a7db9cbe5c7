// Runs the rank-stability simulation off the main thread with the same engine as everything else. A quick
// provisional pass is reported first, then the full run with the decision's fixed seed: its numbers are exactly what
// evaluateDecision gives anywhere for the same model, weights and seed.
import { evaluateDecision } from "@/lib/scoring";
import type { McMessage, McRequest } from "./mc-protocol";

const post = (m: McMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<McRequest>) => {
  const { runId, model, options, weightOverrides, seed, stages } = e.data;
  const total = stages.reduce((a, b) => a + b, 0);
  let done = 0;
  for (const [k, samples] of stages.entries()) {
    const start = performance.now();
    const o = evaluateDecision(model, { ...options, weightOverrides, monteCarlo: { samples, seed } });
    if (!o.ok) {
      post({ type: "error", runId, codes: o.errors.map((x) => x.code) });
      return;
    }
    done += samples;
    const final = k === stages.length - 1;
    if (o.result.monteCarlo) {
      post({
        type: "stage",
        runId,
        done,
        total,
        final,
        ms: performance.now() - start,
        monteCarlo: o.result.monteCarlo,
        verdict: o.result.verdict,
      });
    }
  }
};
