import { describe, expect, test } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { DomainError, ERRORS, type ErrorCode } from "./domain-error";

const lookup = (tree: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

const codes = Object.keys(ERRORS) as ErrorCode[];

describe("the error table", () => {
  test.each(codes)("%s has an HTTP error status and a message in both catalogs", (code) => {
    const { status, key } = ERRORS[code];
    // Client errors, except "busy": the server could not get the write through (503, nothing written, retry).
    if (code === "busy") expect(status).toBe(503);
    else expect(Number.isInteger(status) && status >= 400 && status < 500).toBe(true);
    for (const locale of ["en", "zh-CN"] as const) {
      const text = lookup(MESSAGES[locale].common, key);
      expect(typeof text === "string" && text.trim().length > 0, `${locale} common.${key}`).toBe(true);
    }
  });

  test("the codes a client sets itself and the edge checks' field keys are in both catalogs too", () => {
    for (const key of ["network", "unknown", "textInvalid", "inputTooDeep", "inputTooLarge"])
      for (const locale of ["en", "zh-CN"] as const)
        expect(typeof lookup(MESSAGES[locale].common.errors, key), `${locale} ${key}`).toBe("string");
  });

  test("a domain error takes its status from the table and keeps only the options given", () => {
    const e = new DomainError("stale", { current: null });
    expect(e.status).toBe(409);
    expect("current" in e).toBe(true);
    expect("retryAt" in e).toBe(false);
    expect("fieldErrors" in new DomainError("notFound", { subject: "team" })).toBe(false);
  });
});
