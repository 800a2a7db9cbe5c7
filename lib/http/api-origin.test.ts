import { expect, test } from "vitest";
import { tokenApiRequest } from "./api-origin";

test("only bearer-token calls to /api/v1 are exempt from the same-origin rule", () => {
  expect(tokenApiRequest("/api/v1/decisions", "Bearer sw_pat_abc")).toBe(true);
  expect(tokenApiRequest("/api/v1/decisions", "bearer sw_pat_abc")).toBe(true);
  expect(tokenApiRequest("/api/v1/decisions", null)).toBe(false);
  expect(tokenApiRequest("/api/v1/decisions", "Basic dXNlcjpwdw==")).toBe(false);
  expect(tokenApiRequest("/api/v1/decisions", "Bearer ")).toBe(false);
  // Server actions and other routes keep the rule even with a header (they authenticate by cookie).
  expect(tokenApiRequest("/decisions/new", "Bearer sw_pat_abc")).toBe(false);
  expect(tokenApiRequest("/api/v10/x", "Bearer sw_pat_abc")).toBe(false);
  expect(tokenApiRequest("/api/decisions/1/export/pdf", "Bearer sw_pat_abc")).toBe(false);
});
