import { describe, expect, test } from "vitest";
import { withPage } from "@/components/pager";
import { decodeKeyset, encodeKeyset, pageNumber, paged } from "./paging";

describe("pageNumber", () => {
  test.each([
    ["2", 2],
    [" 40 ", 40],
    [["3", "9"], 3],
    [7, 7],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["abc", 1],
    ["", 1],
    [undefined, 1],
    [Number.NaN, 1],
    [2.5, 1],
  ])("%j reads as %i", (raw, expected) => {
    expect(pageNumber(raw)).toBe(expected);
  });
});

describe("paged", () => {
  // 60 rows in pages of 25: pages 1..3, the last with 10; skip = (page − 1) · 25.
  const rows = Array.from({ length: 60 }, (_, i) => i);
  const read = (page: number, total = rows.length) =>
    paged(
      page,
      25,
      async () => total,
      async ({ skip, take }) => rows.slice(skip, skip + take),
    );

  test("cuts the requested page and counts the pages", async () => {
    const p = await read(2);
    expect([p.page, p.pageCount, p.total, p.items[0], p.items.length]).toEqual([2, 3, 60, 25, 25]);
    const last = await read(3);
    expect([last.items[0], last.items.length]).toEqual([50, 10]);
  });

  test("a page past the end is the last page; an empty list is one empty page and reads no rows", async () => {
    expect((await read(40)).page).toBe(3);
    let asked = false;
    const empty = await paged(
      5,
      25,
      async () => 0,
      async () => ((asked = true), []),
    );
    expect([empty.page, empty.pageCount, empty.total, empty.items, asked]).toEqual([1, 1, 0, [], false]);
  });
});

describe("withPage", () => {
  test("keeps the other parameters, replaces the page, and leaves page 1 out", () => {
    const params = new URLSearchParams("q=kafka&sort=title&page=3");
    expect(withPage("/", params, 2)).toBe("/?q=kafka&sort=title&page=2");
    expect(withPage("/", params, 1)).toBe("/?q=kafka&sort=title");
    expect(withPage("/teams", new URLSearchParams(), 1)).toBe("/teams");
    expect(params.get("page")).toBe("3");
  });
});

describe("keyset cursors", () => {
  const k = { at: new Date("2026-11-30T23:59:59.123Z"), id: "cm0abc_DEF-9", dir: "older" as const };

  test("round-trip the row's time to the millisecond, its id and the direction", () => {
    expect(decodeKeyset(encodeKeyset(k))).toEqual(k);
    expect(decodeKeyset(encodeKeyset({ ...k, dir: "newer" }))?.dir).toBe("newer");
  });

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  test.each([
    ["not base64 JSON", "%%%"],
    ["empty", ""],
    ["an offset cursor of the other lists", b64({ o: 25 })],
    ["a time that is not ISO", b64({ t: "30/11/2026", i: "a", d: "older" })],
    ["a time that does not exist", b64({ t: "2026-02-30T00:00:00.000Z", i: "a", d: "older" })],
    ["an id with SQL in it", b64({ t: k.at.toISOString(), i: "a' OR 1=1 --", d: "older" })],
    ["an empty id", b64({ t: k.at.toISOString(), i: "", d: "older" })],
    ["another direction", b64({ t: k.at.toISOString(), i: "a", d: "sideways" })],
    ["too long", "a".repeat(201)],
    ["not a string", 42],
  ])("%s reads as no cursor", (_name, raw) => {
    expect(decodeKeyset(raw)).toBeNull();
  });
});
