import { describe, expect, test } from "vitest";
import { contentDisposition, fileNameFromDisposition } from "./filename";

describe("fileNameFromDisposition", () => {
  test.each([
    // Written out by hand from RFC 6266 examples and our own header shape.
    [`attachment; filename="report.pdf"`, "report.pdf"],
    [`attachment; filename=plain.csv`, "plain.csv"],
    [`attachment; filename="_____.pdf"; filename*=UTF-8''%E6%B6%88%E6%81%AF%E4%BB%A3%E7%90%86.pdf`, "消息代理.pdf"],
    [`attachment; filename*=utf-8''a%20b%27s%28x%29.md`, "a b's(x).md"],
    [`attachment; filename="fallback.json"; filename*=UTF-8''%E0%A4%A`, "fallback.json"],
    [`attachment`, null],
    [null, null],
  ])("%s → %s", (header, name) => {
    expect(fileNameFromDisposition(header)).toBe(name);
  });

  test("reads back every name contentDisposition writes", () => {
    for (const title of ["Message broker for order events", "消息代理 / 选型", 'Quotes "and" 100%', "a;b\\c", "  "]) {
      const name = fileNameFromDisposition(contentDisposition(title, "pdf"));
      expect(name).toMatch(/\.pdf$/);
      expect(name).not.toMatch(/[\\/"]/);
    }
    expect(fileNameFromDisposition(contentDisposition("消息代理 / 选型", "xlsx"))).toBe("消息代理 选型.xlsx");
    expect(fileNameFromDisposition(contentDisposition('Quotes "and" 100%', "md"))).toBe("Quotes and 100%.md");
  });
});
