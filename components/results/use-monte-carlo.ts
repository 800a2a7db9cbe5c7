"use client";
import { useEffect, useRef, useState } from "react";
import { MC_PREVIEW_SAMPLES, MC_SAMPLES } from "@/lib/results/seed";
import type { DecisionModel, MonteCarloResult, Verdict } from "@/lib/scoring";
import type { McMessage, McRequest } from "./mc-protocol";

export interface McState {
  status: "idle" | "running" | "done" | "error" | "unsupported";
  done: number;
  total: number;
  final: boolean;
  ms: number | null;
  monteCarlo: MonteCarloResult | null;
  verdict: Verdict | null;
}

const IDLE: McState = { status: "idle", done: 0, total: 0, final: false, ms: null, monteCarlo: null, verdict: null };
/** Slider drags settle before a new run starts; a run in progress is terminated, never left to finish. */
const DEBOUNCE_MS = 250;

/**
 * Runs the simulation in a Web Worker whenever the weights change. Cancelling = terminating the worker: the engine's
 * loop is synchronous, so a message asking it to stop would only be read after it had finished anyway.
 */
export function useMonteCarlo(
  model: DecisionModel,
  options: McRequest["options"],
  weightOverrides: Record<string, number>,
  seed: number,
  enabled: boolean,
): McState {
  const [state, setState] = useState<McState>(IDLE);
  const runRef = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const runId = ++runRef.current;
    let worker: Worker | null = null;
    const timer = setTimeout(() => {
      if (typeof Worker === "undefined") {
        setState({ ...IDLE, status: "unsupported" });
        return;
      }
      worker = new Worker(new URL("./mc.worker.ts", import.meta.url), { type: "module" });
      const stages = [MC_PREVIEW_SAMPLES, MC_SAMPLES];
      setState((s) => ({ ...s, status: "running", done: 0, total: stages.reduce((a, b) => a + b, 0), final: false }));
      worker.onmessage = (e: MessageEvent<McMessage>) => {
        const m = e.data;
        if (m.runId !== runRef.current) return;
        if (m.type === "error") setState({ ...IDLE, status: "error" });
        else
          setState({
            status: m.final ? "done" : "running",
            done: m.done,
            total: m.total,
            final: m.final,
            ms: m.ms,
            monteCarlo: m.monteCarlo,
            verdict: m.verdict,
          });
        if (m.type === "error" || m.final) worker?.terminate();
      };
      worker.onerror = () => setState({ ...IDLE, status: "error" });
      const request: McRequest = { runId, model, options, weightOverrides, seed, stages };
      worker.postMessage(request);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      worker?.terminate();
    };
  }, [model, options, weightOverrides, seed, enabled]);

  return state;
}
