import { describe, expect, test } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { parseIfMatch } from "./handle";
import { problemOf } from "./problem";
import { matchOperation } from "./router";

describe("routing", () => {
  test("literal segments win over parameters, and parameters are captured", () => {
    const bulk = matchOperation("POST", ["decisions", "d1", "facts", "bulk"]);
    expect(bulk).toMatchObject({ kind: "op", op: { operationId: "importFactSnapshot" }, params: { decisionId: "d1" } });
    const mine = matchOperation("GET", ["decisions", "d1", "scores", "mine"]);
    expect(mine).toMatchObject({ kind: "op", op: { operationId: "listMyScores" } });
    expect(matchOperation("GET", ["decisions", "d1"])).toMatchObject({ op: { operationId: "getDecision" } });
    expect(matchOperation("HEAD", ["teams"])).toMatchObject({ op: { operationId: "listTeams" } });
  });

  test("unknown path → none; known path, other method → the allowed methods", () => {
    expect(matchOperation("GET", ["nope"])).toEqual({ kind: "none" });
    expect(matchOperation("DELETE", ["decisions", "d1"])).toEqual({ kind: "method", allow: ["GET", "PATCH"] });
  });
});

describe("If-Match", () => {
  test.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ["*", "*"],
  ])("%s → %s", (header, want) => expect(parseIfMatch(header)).toBe(want));
  test("absent is null; anything else cannot match", () => {
    expect(parseIfMatch(null)).toBeNull();
    for (const bad of ["3", '"x"', '"1", "2"']) expect(() => parseIfMatch(bad)).toThrow(DomainError);
  });
});

describe("problem details", () => {
  test("a domain error keeps its status, code, field errors and the conflicting row", () => {
    const e = new DomainError("stale", { current: { version: 4 }, fieldErrors: { title: "titleRequired" } });
    expect(problemOf(e)).toEqual({
      type: "/api/v1/problems/stale",
      title: "Someone else changed this first. Reload and try again.",
      status: 409,
      code: "stale",
      errors: [{ field: "title", code: "titleRequired" }],
      current: { version: 4 },
    });
  });
  test("anything else is a bare 500 that reveals nothing", () => {
    const spy = console.error;
    console.error = () => {};
    try {
      expect(problemOf(new Error("SQLITE_BUSY at /secret/path"))).toEqual({
        type: "/api/v1/problems/internal",
        title: "Internal error",
        status: 500,
        code: "internal",
      });
    } finally {
      console.error = spy;
    }
  });
});
