// A what-if scenario as the browser sends it: a name and a raw weight per criterion. Messages are keys under
// results.scenarios.errors (both languages). The data layer checks the criterion ids belong to the decision.
import { z } from "zod";

export const SCENARIO_NAME_MAX = 80;

export const scenarioSchema = z.object({
  decisionId: z.string().trim().min(1, "notFound").max(64, "notFound"),
  name: z.string().trim().min(1, "nameRequired").max(SCENARIO_NAME_MAX, "nameTooLong"),
  weights: z
    .record(z.string().min(1).max(64), z.number("weightInvalid").min(0, "weightInvalid").max(1e9, "weightInvalid"))
    .refine((w) => Object.keys(w).length > 0 && Object.keys(w).length <= 200, "weightsInvalid")
    .refine((w) => Object.values(w).some((v) => v > 0), "allWeightsZero"),
});

export type ScenarioInput = z.infer<typeof scenarioSchema>;

/** Stored weights are JSON; anything that is not a finite ≥ 0 number per key is dropped when read back. */
export const storedWeightsSchema = z
  .record(z.string(), z.unknown())
  .transform((w) =>
    Object.fromEntries(
      Object.entries(w).filter(
        (e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]) && e[1] >= 0,
      ),
    ),
  );
