"use client";
// Asks before the page is left while `when` holds (a save in flight or failed), so a typed value is never dropped
// silently.
import { useEffect } from "react";

export function useLeaveWarning(when: boolean) {
  useEffect(() => {
    if (!when) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [when]);
}
