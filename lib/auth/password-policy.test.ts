import { describe, expect, test } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { passwordProblem } from "./password-policy";
import { signUpSchema, changePasswordSchema } from "@/lib/validation/auth";

describe("password policy", () => {
  test.each([
    ["short7!", "passwordTooShort"],
    ["", "passwordTooShort"],
    ["a".repeat(129), "passwordTooLong"],
    ["password", "passwordCommon"],
    ["12345678", "passwordCommon"],
    ["qwerty123", "passwordCommon"],
    ["Password1", "passwordCommon"],
    ["iloveyou", "passwordCommon"],
    ["correct horse battery", null],
    ["a".repeat(128), null],
    ["stackwise-demo", null],
  ])("%j → %s", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  test("length counts characters, not UTF-16 units", () => {
    expect(passwordProblem("密码密码密码密")).toBe("passwordTooShort"); // 7 characters
    expect(passwordProblem("密码密码密码密码")).toBeNull(); // 8 characters
  });

  test("rejects the account's own email", () => {
    expect(passwordProblem("Ada@Example.com", { email: "ada@example.com" })).toBe("passwordIsEmail");
  });

  test("the common list is large, lower-case and only holds passwords the length rule would accept", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect(p.length).toBeGreaterThanOrEqual(8);
    }
  });

  test("the shared sign-up schema reports field-level keys", () => {
    const r = signUpSchema.safeParse({ name: "", email: "nope", password: "password", workspaceName: "Acme" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toMatchObject({ name: "nameRequired", email: "emailInvalid", password: "passwordCommon" });
  });

  test("confirmation must match", () => {
    const r = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "long enough pass",
      confirmPassword: "other",
    });
    expect(r.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "passwordMismatch" });
  });
});
