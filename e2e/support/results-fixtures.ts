// Fixtures for the results checks that need figures other than the demo's: the test's own copy of the demo workspace
// (createSetupWorkspace), with scores changed straight in the database.
import { createPrismaClient } from "@/lib/db/create-client";
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
