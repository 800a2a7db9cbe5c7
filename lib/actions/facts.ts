"use server";
// Facts editor actions, called per row as the architect commits it. Each: parse (shared zod schema) → actor from the
// session (who entered it is always the signed-in user, never an input) → data layer (authorises, checks the lock,
// the criterion and the version) → revalidate → typed result. Conflicts come back as { error: "stale", current }.
import { defineAction } from "@/lib/server/define-action";
import { clearFact, setFact } from "@/lib/server/facts";
import { clearFactSchema, setFactSchema } from "@/lib/validation/fact";

const decisionLayout = (input: { decisionId: string }) => [
  { path: `/decisions/${input.decisionId}`, type: "layout" as const },
];

export const setFactAction = defineAction(setFactSchema, setFact, { revalidate: decisionLayout });

export const clearFactAction = defineAction(clearFactSchema, clearFact, { revalidate: decisionLayout });
