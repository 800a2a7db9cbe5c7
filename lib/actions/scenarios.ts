"use server";
// What-if scenarios. defineAction: parse → actor → data layer (authorises; a taken name is a field error) →
// revalidate → typed result.
import { defineAction } from "@/lib/server/define-action";
import { createScenario } from "@/lib/server/scenarios";
import { scenarioSchema } from "@/lib/validation/scenario";

/** Called with plain data (not a form): the weights come from the sliders' state. */
export const saveScenarioAction = defineAction(scenarioSchema, createScenario, {
  revalidate: (input) => [`/decisions/${input.decisionId}`],
});
