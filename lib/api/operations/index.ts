// Every /api/v1 operation. The router dispatches over this list and the OpenAPI document is generated from it.
import type { Operation } from "../operation";
import { decisionOperations } from "./decisions";
import { factScoreOperations } from "./facts-scores";
import { partOperations } from "./parts";
import { meOperation, resultOperations } from "./results";
import { teamOperations } from "./teams";

export const OPERATIONS: Operation[] = [
  meOperation,
  ...decisionOperations,
  ...partOperations,
  ...factScoreOperations,
  ...resultOperations,
  ...teamOperations,
];
