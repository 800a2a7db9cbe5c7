"use client";
// The saved / saving / failed indicator every editor of the team workflow shows, announced politely to screen readers.
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { knownKey } from "@/lib/i18n/known-key";
import type { ActionResult } from "@/lib/server/action-result";

/** Translates an error key from a schema or action; unknown keys fall back to a generic message. */
export function useTeamErrorText() {
  const t = useTranslations("teams.errors");
  const common = useTranslations("common.errors");
  return (key: string | undefined) => (knownKey(t, key) ? t(key) : knownKey(common, key) ? common(key) : t("unknown"));
}

export type SaveState = { status: "idle" | "saving" | "saved" } | { status: "failed"; reason: string };

/**
 * Counts writes in flight: "saving" while any runs, then "saved" or "failed" for the last one to finish. A thrown
 * call (network down) becomes a failed result, so no caller has to catch.
 */
export function useSaveTracker() {
  const [state, setState] = useState<SaveState>({ status: "idle" });
  const inFlight = useRef(0);
  const track = useCallback(async <T,>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    inFlight.current += 1;
    setState({ status: "saving" });
    let result: ActionResult<T>;
    try {
      result = await call();
    } catch {
      result = { ok: false, error: "network" };
    }
    inFlight.current -= 1;
    if (!result.ok) setState({ status: "failed", reason: result.error });
    else if (inFlight.current === 0) setState({ status: "saved" });
    return result;
  }, []);
  return { state, track, setState };
}

export function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("teams.save");
  const errorText = useTeamErrorText();
  const text =
    state.status === "failed"
      ? t("failed", { reason: errorText(state.reason) })
      : state.status === "idle"
        ? ""
        : t(state.status);
  return (
    <p
      role="status"
      aria-live="polite"
      className={`save-status save-${state.status}`}
      data-testid="save-status"
      data-state={state.status}
    >
      {text}
    </p>
  );
}
