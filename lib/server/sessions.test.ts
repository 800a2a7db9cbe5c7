import "@/lib/testing/use-temp-db";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { setClock } from "@/lib/auth/clock";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  THROTTLE_MAX_PER_ACCOUNT,
  THROTTLE_MAX_PER_IP,
  THROTTLE_WINDOW_MS,
} from "@/lib/auth/policy";
import { hashToken } from "@/lib/auth/tokens";
import { changePassword, signIn, signOut, signOutEverywhere, signUp } from "./accounts";
import { db } from "./db";
import type { DomainError } from "@/lib/errors/domain-error";
import { validateSessionToken } from "./sessions";

let time = new Date("2026-01-05T09:00:00Z").getTime();
const advance = (ms: number) => (time += ms);
let restore: () => void;
beforeAll(() => (restore = setClock(() => new Date(time))));
afterAll(() => restore());

const MIN = 60_000;
let n = 0;
const meta = () => ({ ip: `10.0.0.${++n}`, userAgent: "vitest" });
const PASSWORD = "correct horse battery";

async function newUser(email = `user${++n}@example.com`) {
  const signedUp = await signUp(
    { name: "Una User", email, password: PASSWORD, workspaceName: "Una's workspace" },
    meta(),
  );
  return { email, ...signedUp };
}

describe("sign-up", () => {
  test("creates the user, an argon2id account, a workspace where they are ADMIN, a session and audit events", async () => {
    const u = await newUser();
    const account = await db.account.findFirstOrThrow({ where: { userId: u.userId } });
    expect(account.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: u.userId } });
    expect(membership).toMatchObject({ role: "ADMIN", workspaceId: u.workspaceId });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: u.workspaceId! } })).name).toBe("Una's workspace");
    const actions = (await db.auditEvent.findMany({ where: { actorId: u.userId } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.sign_up", "workspace.created"]));
  });

  test("only SHA-256(token) is stored, never the token", async () => {
    const u = await newUser();
    const row = await db.session.findUniqueOrThrow({ where: { id: u.sessionId } });
    expect(row.tokenHash).toBe(hashToken(u.token));
    expect(await db.session.count({ where: { tokenHash: u.token } })).toBe(0);
  });

  test("an email can sign up once", async () => {
    const u = await newUser();
    await expect(
      signUp({ name: "X", email: u.email, password: PASSWORD, workspaceName: "W" }, meta()),
    ).rejects.toMatchObject({ code: "emailTaken" });
  });
});

describe("sessions", () => {
  test("sign-in issues a new token each time; the session validates", async () => {
    const u = await newUser();
    const a = await signIn({ email: u.email, password: PASSWORD }, meta());
    const b = await signIn({ email: u.email, password: PASSWORD }, meta());
    expect(a.token).not.toBe(b.token);
    expect(a.token).not.toBe(u.token);
    expect((await validateSessionToken(a.token))?.user.email).toBe(u.email);
    expect(a.workspaceId).toBe(u.workspaceId);
  });

  test("idle timeout: valid just before, gone after SESSION_IDLE_MS without activity", async () => {
    const u = await newUser();
    advance(SESSION_IDLE_MS - MIN);
    expect(await validateSessionToken(u.token)).not.toBeNull(); // also bumps lastSeenAt
    advance(SESSION_IDLE_MS - MIN);
    expect(await validateSessionToken(u.token)).not.toBeNull();
    advance(SESSION_IDLE_MS);
    expect(await validateSessionToken(u.token)).toBeNull();
    expect(await db.session.count({ where: { id: u.sessionId } })).toBe(0);
  });

  test("lastSeenAt is written at most once a minute", async () => {
    const u = await newUser();
    const first = (await db.session.findUniqueOrThrow({ where: { id: u.sessionId } })).lastSeenAt;
    advance(30_000);
    await validateSessionToken(u.token);
    expect((await db.session.findUniqueOrThrow({ where: { id: u.sessionId } })).lastSeenAt).toEqual(first);
    advance(31_000);
    await validateSessionToken(u.token);
    expect((await db.session.findUniqueOrThrow({ where: { id: u.sessionId } })).lastSeenAt.getTime()).toBe(time);
  });

  test("absolute lifetime ends an active session", async () => {
    const u = await newUser();
    const start = time;
    while (time - start < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS) {
      advance(SESSION_IDLE_MS / 2);
      expect(await validateSessionToken(u.token)).not.toBeNull();
    }
    time = start + SESSION_ABSOLUTE_MS;
    expect(await validateSessionToken(u.token)).toBeNull();
  });

  test("sign-out deletes the row: replaying the old token fails", async () => {
    const u = await newUser();
    await signOut(u.token, { ip: "1.1.1.1" });
    expect(await db.session.count({ where: { id: u.sessionId } })).toBe(0);
    expect(await validateSessionToken(u.token)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.sign_out", actorId: u.userId } })).toBe(1);
  });

  test("sign out everywhere ends every session of the user", async () => {
    const u = await newUser();
    const other = await signIn({ email: u.email, password: PASSWORD }, meta());
    expect(await signOutEverywhere(u.userId, u.workspaceId, { ip: null })).toBe(2);
    expect(await validateSessionToken(u.token)).toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
  });

  test("changing the password keeps this session, ends the others, and the old password stops working", async () => {
    const u = await newUser();
    const other = await signIn({ email: u.email, password: PASSWORD }, meta());
    await expect(
      changePassword(
        { userId: u.userId, sessionId: u.sessionId, workspaceId: u.workspaceId },
        { currentPassword: "wrong one!", newPassword: "another long phrase" },
        { ip: null },
      ),
    ).rejects.toMatchObject({ code: "wrongPassword" });
    await changePassword(
      { userId: u.userId, sessionId: u.sessionId, workspaceId: u.workspaceId },
      { currentPassword: PASSWORD, newPassword: "another long phrase" },
      { ip: null },
    );
    expect(await validateSessionToken(u.token)).not.toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
    await expect(signIn({ email: u.email, password: PASSWORD }, meta())).rejects.toMatchObject({
      code: "invalidCredentials",
    });
    expect(await signIn({ email: u.email, password: "another long phrase" }, meta())).toHaveProperty("token");
  });

  test("garbage and unknown tokens are rejected", async () => {
    expect(await validateSessionToken(undefined)).toBeNull();
    expect(await validateSessionToken("x")).toBeNull();
    expect(await validateSessionToken("A".repeat(43))).toBeNull();
  });
});

describe("sign-in throttling", () => {
  beforeEach(() => advance(THROTTLE_WINDOW_MS + MIN));

  test("wrong password and unknown email fail the same way and are audited", async () => {
    const u = await newUser();
    const wrong = signIn({ email: u.email, password: "not the password" }, meta());
    await expect(wrong).rejects.toMatchObject({ code: "invalidCredentials" });
    await expect(signIn({ email: "nobody@example.com", password: PASSWORD }, meta())).rejects.toMatchObject({
      code: "invalidCredentials",
    });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: u.userId } })).toBe(1);
  });

  test(`per account and client: after ${THROTTLE_MAX_PER_ACCOUNT} failures that client waits 1, then 2 minutes; the owner elsewhere signs in`, async () => {
    const u = await newUser();
    const attacker = { ip: "198.51.100.7", userAgent: null };
    for (let i = 0; i < THROTTLE_MAX_PER_ACCOUNT; i++) {
      await expect(signIn({ email: u.email, password: "wrong password" }, attacker)).rejects.toMatchObject({
        code: "invalidCredentials",
      });
    }
    const fifth = time;
    // Even the right password is refused from that client, with the time it may try again.
    const blocked = await signIn({ email: u.email, password: PASSWORD }, attacker).catch((e) => e);
    expect(blocked).toMatchObject({ code: "throttled" });
    expect((blocked as DomainError).retryAt!.getTime()).toBe(fifth + MIN);
    // The owner, from another address, is not locked out by the attacker's failures.
    expect(await signIn({ email: u.email, password: PASSWORD }, meta())).toHaveProperty("token");
    // Progressive: one more guess after a minute, then two minutes.
    time = fifth + MIN;
    await expect(signIn({ email: u.email, password: "wrong again" }, attacker)).rejects.toMatchObject({
      code: "invalidCredentials",
    });
    const again = await signIn({ email: u.email, password: PASSWORD }, attacker).catch((e) => e);
    expect((again as DomainError).retryAt!.getTime()).toBe(fifth + 3 * MIN);
    time = fifth + 3 * MIN;
    expect(await signIn({ email: u.email, password: PASSWORD }, attacker)).toHaveProperty("token");
    // Success clears that client's count for the account.
    expect(await db.rateLimit.count({ where: { key: { startsWith: `sign-in:${u.email}|198.51.100.7` } } })).toBe(0);
  });

  test(`per IP: ${THROTTLE_MAX_PER_IP} failures from one address block every account from it, not other addresses`, async () => {
    const u = await newUser();
    const ip = "203.0.113.9";
    for (let i = 0; i < THROTTLE_MAX_PER_IP; i++) {
      await expect(
        signIn({ email: `spray${i}@example.com`, password: "wrong password" }, { ip, userAgent: null }),
      ).rejects.toMatchObject({ code: "invalidCredentials" });
    }
    await expect(signIn({ email: u.email, password: PASSWORD }, { ip, userAgent: null })).rejects.toMatchObject({
      code: "throttled",
    });
    expect(
      await signIn({ email: u.email, password: PASSWORD }, { ip: "203.0.113.10", userAgent: null }),
    ).toHaveProperty("token");
  });
});
