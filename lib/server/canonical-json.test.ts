import { describe, expect, test } from "vitest";
import { canonicalJson, decodeJson, encodeJson } from "./canonical-json";

describe("canonicalJson", () => {
  test("the same text whatever order the keys were built in, at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "x" } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(canonicalJson({ a: { c: "x", d: [1, 2] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, 2], c: "x" } }));
  });

  test("array order is data; undefined members are left out as JSON does; dates are ISO strings", () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe("[null]");
    expect(canonicalJson({ at: new Date("2026-12-02T10:00:00Z") })).toBe('{"at":"2026-12-02T10:00:00.000Z"}');
  });

  test("NaN, the infinities and null are four different texts (JSON.stringify makes them all null)", () => {
    const texts = [NaN, Infinity, -Infinity, null].map((v) => canonicalJson({ v }));
    expect(new Set(texts).size).toBe(4);
  });

  test("a string that looks like a spelled number is not one", () => {
    expect(canonicalJson("#Infinity")).not.toBe(canonicalJson(Infinity));
  });
});

describe("encodeJson / decodeJson", () => {
  test("bring back non-finite numbers, which plain JSON turns into null", () => {
    const value = { interval: [0, Infinity], low: -Infinity, nan: NaN, plain: [1.5, "x", null, { "#num": 3 }] };
    const back = decodeJson<typeof value>(encodeJson(value));
    expect(back.interval).toEqual([0, Infinity]);
    expect(back.low).toBe(-Infinity);
    expect(back.nan).toBeNaN();
    expect(back.plain).toEqual([1.5, "x", null, { "#num": 3 }]);
  });
});
