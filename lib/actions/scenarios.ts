"use server";
// What-if scenarios. parse → authorise (in the data layer) → write → revalidate → typed result.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { createScenario, ScenarioNameTakenError, type ScenarioDto } from "@/lib/server/scenarios";
import { scenarioSchema } from "@/lib/validation/scenario";

export type SaveScenarioResult = { ok: true; scenario: ScenarioDto } | { ok: false; error: string };

/** Called with plain data (not a form): the weights come from the sliders' state. */
export async function saveScenarioAction(input: unknown): Promise<SaveScenarioResult> {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid" };
  try {
    const result = await runAction(async () => createScenario(await actorOrThrow(), parsed.data));
    if (!result.ok) return { ok: false, error: result.error };
    revalidatePath(`/decisions/${parsed.data.decisionId}`);
    return { ok: true, scenario: result.value };
  } catch (e) {
    if (e instanceof ScenarioNameTakenError) return { ok: false, error: "nameTaken" };
    throw e;
  }
}
