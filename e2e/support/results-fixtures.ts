// Fixtures for the results checks that need figures other than the demo's: the test's own copy of the demo workspace
// (createSetupWorkspace), with scores changed straight in the database.
import { createPrismaClient } from "@/lib/db/create-client";
import { addCostCriterion as addCost } from "@/lib/testing/cost-criterion";
import { E2E_DATABASE_URL } from "./env";

export { createSetupWorkspace as createResultsWorkspace } from "./setup-fixtures";

async function withDb<T>(fn: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** Removes every score of the decision: nothing is left to judge. */
export function clearScores(decisionId: string) {
  return withDb((db) => db.score.deleteMany({ where: { criterion: { decisionId } } }));
}

/** Sets every evaluator's score of one cell (criterion and candidate by name) to `value`. */
export function setCell(decisionId: string, criterion: string, candidate: string, value: number) {
  return withDb((db) =>
    db.score.updateMany({
      where: { criterion: { decisionId, name: criterion }, candidate: { decisionId, name: candidate } },
      data: { value },
    }),
  );
}

/** Sets one evaluator's score of one cell (criterion and candidate by key-free name, the evaluator by e-mail). */
export function setEvaluatorCell(
  decisionId: string,
  criterion: string,
  candidate: string,
  email: string,
  value: number,
) {
  return withDb((db) =>
    db.score.updateMany({
      where: {
        criterion: { decisionId, name: criterion },
        candidate: { decisionId, name: candidate },
        evaluator: { email },
      },
      data: { value },
    }),
  );
}

/** A measured cost criterion of weight 0 with its facts (lib/testing/cost-criterion.ts); its currency is for the test to set. */
export function addCostCriterion(decisionId: string, name: string, unit: string, amounts: Record<string, number>) {
  return withDb(async (db) => (await addCost(db, decisionId, { name, unit, currency: null, amounts })).id);
}

/** Sets the measured value of one cell (criterion and candidate by name). */
export function setFactValue(decisionId: string, criterion: string, candidate: string, value: number) {
  return withDb((db) =>
    db.fact.updateMany({
      where: { criterion: { decisionId, name: criterion }, candidate: { decisionId, name: candidate } },
      data: { value },
    }),
  );
}
