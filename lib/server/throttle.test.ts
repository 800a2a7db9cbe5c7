import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { setClock } from "@/lib/auth/clock";
import {
  EXPORT_RULE,
  SIGN_IN_ACCOUNT_RULE,
  THROTTLE_MAX_PER_ACCOUNT,
  THROTTLE_MAX_PER_IP,
  type ThrottleRule,
} from "@/lib/auth/policy";
import { changePassword, signIn, signUp } from "./accounts";
import type { DomainError } from "@/lib/errors/domain-error";
import { delayAfter, limitExports } from "./throttle";

// Counts the real password checks (argon2 verifications), which is what throttling exists to bound.
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.n++;
      return real.verifyPassword(hash, password);
    },
  };
});

let time = new Date("2026-02-02T09:00:00Z").getTime();
let restore: () => void;
beforeAll(() => (restore = setClock(() => new Date(time))));
afterAll(() => restore());
beforeEach(() => {
  time += 24 * 60 * 60_000;
  checks.n = 0;
});

const PASSWORD = "correct horse battery";
let n = 0;
async function newUser() {
  const email = `t${++n}@example.com`;
  const u = await signUp({ name: "Tess", email, password: PASSWORD, workspaceName: "Tess's" }, {
    ip: null,
    userAgent: null,
  } as never);
  return { email, ...u };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) =>
      (e as DomainError).code === "throttled"
        ? "throttled"
        : (e as DomainError).code === "invalidCredentials"
          ? "wrong"
          : String(e),
  );

describe("sign-in throttle is checked and counted in one step", () => {
  test(`40 parallel wrong passwords on one account from one client: exactly ${THROTTLE_MAX_PER_ACCOUNT} real checks`, async () => {
    const u = await newUser();
    checks.n = 0;
    const client = { ip: "203.0.113.50", userAgent: null };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => outcome(signIn({ email: u.email, password: `wrong ${i}` }, client))),
    );
    expect(checks.n).toBe(THROTTLE_MAX_PER_ACCOUNT);
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE_MAX_PER_ACCOUNT);
    expect(results.filter((r) => r === "throttled")).toHaveLength(40 - THROTTLE_MAX_PER_ACCOUNT);
  });

  test(`60 parallel wrong passwords from one client over many accounts: exactly ${THROTTLE_MAX_PER_IP} real checks`, async () => {
    const client = { ip: "203.0.113.51", userAgent: null };
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => outcome(signIn({ email: `spray${i}@example.com`, password: "x" }, client))),
    );
    expect(checks.n).toBe(THROTTLE_MAX_PER_IP);
    expect(results.filter((r) => r === "throttled")).toHaveLength(60 - THROTTLE_MAX_PER_IP);
  });

  test("clients of unknown address do not share one key: failures by others never lock a user out", async () => {
    const u = await newUser();
    const unknown = { ip: "unknown", userAgent: null };
    for (let i = 0; i < THROTTLE_MAX_PER_IP + 5; i++)
      await expect(signIn({ email: `other${i}@example.com`, password: "x" }, unknown)).rejects.toMatchObject({
        code: "invalidCredentials",
      });
    expect(await signIn({ email: u.email, password: PASSWORD }, unknown)).toHaveProperty("token");
  });

  test("successful sign-ins from one address (an office) do not use up its budget", async () => {
    const u = await newUser();
    const office = { ip: "192.0.2.80", userAgent: null };
    for (let i = 0; i < THROTTLE_MAX_PER_IP + 5; i++)
      expect(await signIn({ email: u.email, password: PASSWORD }, office)).toHaveProperty("token");
  });
});

describe("the current-password check of 'change password' is throttled", () => {
  test(`${THROTTLE_MAX_PER_ACCOUNT} wrong current passwords, then even the right one waits; parallel guesses get no extra checks`, async () => {
    const u = await newUser();
    const who = { userId: u.userId, sessionId: u.sessionId, workspaceId: u.workspaceId };
    checks.n = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(changePassword(who, { currentPassword: `guess ${i}`, newPassword: "a new long phrase" }, { ip: null })),
      ),
    );
    expect(checks.n).toBe(THROTTLE_MAX_PER_ACCOUNT);
    expect(results.filter((r) => r === "throttled")).toHaveLength(20 - THROTTLE_MAX_PER_ACCOUNT);
    const blocked = await changePassword(
      who,
      { currentPassword: PASSWORD, newPassword: "a new long phrase" },
      { ip: null },
    ).catch((e) => e);
    expect(blocked).toMatchObject({ code: "throttled" });
    time = (blocked as DomainError).retryAt!.getTime();
    await changePassword(who, { currentPassword: PASSWORD, newPassword: "a new long phrase" }, { ip: null });
  });
});

describe("per-user rate limit (exports)", () => {
  test(`${EXPORT_RULE.free} exports per window, then refused until the window ends`, async () => {
    const user = `user-${++n}`;
    const start = time;
    for (let i = 0; i < EXPORT_RULE.free; i++) await limitExports(user);
    const refused = await limitExports(user).catch((e) => e);
    expect(refused).toMatchObject({ code: "throttled" });
    expect((refused as DomainError).retryAt!.getTime()).toBe(start + EXPORT_RULE.windowMs);
    time = start + EXPORT_RULE.windowMs;
    await limitExports(user);
  });
});

describe("delayAfter", () => {
  const rule: ThrottleRule = { free: 5, baseDelayMs: 60_000, maxDelayMs: 15 * 60_000, windowMs: 3_600_000 };
  test.each([
    [0, 0],
    [4, 0],
    [5, 60_000],
    [6, 120_000],
    [7, 240_000],
    [8, 480_000],
    [9, 900_000],
    [50, 900_000],
  ])("after %i attempts: %i ms", (count, ms) => expect(delayAfter(count, rule)).toBe(ms));
  test("the sign-in rule starts slowing down only after its free attempts", () => {
    expect(delayAfter(SIGN_IN_ACCOUNT_RULE.free - 1, SIGN_IN_ACCOUNT_RULE)).toBe(0);
  });
});
