import { describe, expect, test } from "vitest";
import {
  conflict,
  duplicateName,
  fieldErrors,
  forbidden,
  locked,
  notFound,
  rejected,
  stale,
  throttled,
  unauthenticated,
} from "@/lib/errors/domain-error";
import { errorResult, withErrorResponses } from "./action-result";

describe("domain errors become typed results and HTTP statuses, never 500s", () => {
  const retryAt = new Date("2026-01-01T10:15:00Z");
  test.each([
    [forbidden("decision.write"), 403, { ok: false, error: "forbidden" }],
    [notFound("Decision"), 404, { ok: false, error: "notFound" }],
    [conflict("lastAdmin"), 409, { ok: false, error: "lastAdmin" }],
    [unauthenticated("invalidCredentials"), 401, { ok: false, error: "invalidCredentials" }],
    [unauthenticated(), 401, { ok: false, error: "signedOut" }],
    [
      unauthenticated("wrongPassword", { currentPassword: "wrongPassword" }),
      401,
      { ok: false, error: "wrongPassword", fieldErrors: { currentPassword: "wrongPassword" } },
    ],
    [throttled(retryAt), 429, { ok: false, error: "throttled", retryAt: retryAt.toISOString() }],
    [stale("Criterion", { name: "theirs" }), 409, { ok: false, error: "stale", current: { name: "theirs" } }],
    // A row that vanished is reported as current: null, which is information, not absence.
    [stale("score", null), 409, { ok: false, error: "stale", current: null }],
    [locked("DECIDED"), 409, { ok: false, error: "decisionLocked" }],
    [duplicateName("team"), 409, { ok: false, error: "nameTaken", fieldErrors: { name: "nameTaken" } }],
    [
      fieldErrors({ scaleMax: "scaleOrder" }),
      422,
      { ok: false, error: "invalidInput", fieldErrors: { scaleMax: "scaleOrder" } },
    ],
    [
      rejected("pasteInvalid", [{ memberId: "m", skillId: "s", error: "levelOutOfRange" }]),
      422,
      { ok: false, error: "pasteInvalid", details: [{ memberId: "m", skillId: "s", error: "levelOutOfRange" }] },
    ],
  ])("%s", async (error, status, result) => {
    // toStrictEqual: no stray undefined keys either (a failure crosses the wire as JSON).
    expect(errorResult(error)).toStrictEqual(result);
    const response = await withErrorResponses(async () => {
      throw error;
    })();
    expect(response.status).toBe(status);
    const { ok: _ok, ...body } = result;
    expect(await response.json()).toEqual(body);
  });

  test("anything else propagates (including Next's redirect signal)", async () => {
    const bug = new TypeError("bug");
    expect(() => errorResult(bug)).toThrow(bug);
    await expect(withErrorResponses(async () => Promise.reject(bug))()).rejects.toBe(bug);
    const redirectSignal = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
    expect(() => errorResult(redirectSignal)).toThrow(redirectSignal);
  });

  test("a route handler's own response passes through", async () => {
    const response = await withErrorResponses(async () => Response.json({ fine: true }))();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fine: true });
  });
});
