"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server render and until React has hydrated, true after. A control whose only effect is a script
 * (a select that saves on change) stays disabled until then: a choice made before hydration would be silently put
 * back to the server's value when React takes over the element.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
