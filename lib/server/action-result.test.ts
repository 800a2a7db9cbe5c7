import { describe, expect, test } from "vitest";
import { errorResult, runAction, withErrorResponses } from "./action-result";
import { FieldValidationError } from "@/lib/validation/decision";
import { StaleWriteError } from "./concurrency";
import { DecisionLockedError } from "./decision-access";
import {
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  DuplicateNameError,
  NotFoundError,
  ThrottledError,
} from "./errors";

describe("domain errors become typed results and HTTP statuses, never 500s", () => {
  const retryAt = new Date("2026-01-01T10:15:00Z");
  test.each([
    [new AuthorizationError("decision.write"), 403, { ok: false, error: "forbidden" }],
    [new NotFoundError("Decision"), 404, { ok: false, error: "notFound" }],
    [new ConflictError("lastAdmin"), 409, { ok: false, error: "lastAdmin" }],
    [new AuthenticationError("invalidCredentials"), 401, { ok: false, error: "invalidCredentials" }],
    [new ThrottledError(retryAt), 429, { ok: false, error: "throttled", retryAt: retryAt.toISOString() }],
    [
      new StaleWriteError("Criterion", { name: "theirs" }),
      409,
      { ok: false, error: "stale", current: { name: "theirs" } },
    ],
    [new DecisionLockedError("DECIDED"), 409, { ok: false, error: "decisionLocked" }],
    [new DuplicateNameError("team"), 409, { ok: false, error: "invalidInput", fieldErrors: { name: "nameTaken" } }],
    [
      new FieldValidationError({ scaleMax: "scaleOrder" }),
      422,
      { ok: false, error: "invalidInput", fieldErrors: { scaleMax: "scaleOrder" } },
    ],
  ])("%s", async (error, status, result) => {
    expect(errorResult(error)).toEqual(result);
    expect(await runAction(() => Promise.reject(error))).toEqual(result);
    const response = await withErrorResponses(async () => {
      throw error;
    })();
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: error.name });
  });

  test("anything else propagates (including Next's redirect signal)", async () => {
    const bug = new TypeError("bug");
    expect(() => errorResult(bug)).toThrow(bug);
    await expect(runAction(() => Promise.reject(bug))).rejects.toBe(bug);
    await expect(withErrorResponses(async () => Promise.reject(bug))()).rejects.toBe(bug);
  });

  test("success passes the value through", async () => {
    expect(await runAction(async () => 42)).toEqual({ ok: true, value: 42 });
  });
});
