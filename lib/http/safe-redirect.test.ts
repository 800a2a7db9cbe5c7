import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeRedirectPath, safeRedirectPathOrUndefined } from "./safe-redirect";

const ORIGIN = "https://app.example";

/** What a browser does before following a Location: drops tabs and newlines, reads "\" as "/" (WHATWG URL). */
function followedBy(location: string): URL {
  return new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), ORIGIN);
}

// Known open-redirect bypasses (OWASP cheat sheet, PortSwigger, the outside probe of issue 11).
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "////evil.example/phish",
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "\\/\\/evil.example",
  "/\t/evil.example/phish",
  "/%09/evil.example/phish",
  "%2F%09%2Fevil.example%2Fphish",
  "/%2F/evil.example",
  "%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%5C%5Cevil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/./\\evil.example",
  "https://evil.example",
  "http://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "evil.example",
  "@evil.example",
  "/@evil.example/../..//evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "/\r\n/evil.example",
  "/\nLocation: https://evil.example",
  "/%0d%0aLocation:%20https://evil.example",
  "/%0D%0ASet-Cookie:%20a=b",
  "/\u2215\u2215evil.example",
  "/\u2044evil.example",
  "\uff0f\uff0fevil.example",
  "/\uff0fevil.example",
  "/\u3002evil.example",
  "/caf\u00e9",
  "/%E0%A4%A",
  "/%ED%A0%80",
  "",
  "   ",
  "/".repeat(3000),
];

describe("safeRedirectPath", () => {
  test.each(BYPASSES)("refuses %j", (input) => {
    expect(safeRedirectPath(input)).toBe("/");
    expect(safeRedirectPathOrUndefined(input)).toBeUndefined();
  });

  test.each([
    ["/", "/"],
    ["/decisions/abc123", "/decisions/abc123"],
    ["/decisions/abc?tab=scores#cell-1", "/decisions/abc?tab=scores#cell-1"],
    ["/invite/tok_en-1", "/invite/tok_en-1"],
    ["/a/../settings/members", "/settings/members"],
    ["/search?q=a%2Fb", "/search?q=a%2Fb"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  test("non-strings and the custom fallback", () => {
    for (const v of [undefined, null, 42, ["/a"], { toString: () => "/a" }])
      expect(safeRedirectPath(v, "/home")).toBe("/home");
    expect(safeRedirectPath("//evil.example", "/home")).toBe("/home");
  });

  test("property: never throws, always one leading slash, and a browser stays on this origin", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      ".",
      "..",
      "%2F",
      "%2f",
      "%5C",
      "%09",
      "%0a",
      "%",
      "@",
      ":",
      "?",
      "#",
      "evil.example",
      "https:",
      "javascript:",
      "\uff0f",
      "\u2215",
      " ",
      "a",
    );
    const input = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(input, (raw) => {
        const out = safeRedirectPath(raw);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(/[\x00-\x20\x7f-\uffff\\]/.test(out)).toBe(false);
        expect(followedBy(out).origin).toBe(ORIGIN);
        expect(followedBy(decodeURIComponent(out)).origin).toBe(ORIGIN);
      }),
      { numRuns: 1000 },
    );
  });
});
