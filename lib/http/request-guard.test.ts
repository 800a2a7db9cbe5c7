import { describe, expect, test } from "vitest";
import { foreignOrigin, malformedUrl } from "./request-guard";

describe("malformedUrl", () => {
  test.each([
    ["/decisions/cmx5ysxsz001rv27da36e82ny/setup", ""],
    ["/decisions", "?q=Kafka%20vs%20Pulsar&status=open"],
    ["/decisions", "?q=%E6%B6%88%E6%81%AF%E9%98%9F%E5%88%97"], // 消息队列
    ["/teams/%E5%9B%A2%E9%98%9F", ""],
    // A broken escape or an encoded lone surrogate in a query decodes to U+FFFD: a harmless search for text.
    ["/decisions", "?q=%zz"],
    ["/decisions", "?q=%ED%A0%80"],
  ])("a real address passes: %s%s", (path, search) => {
    expect(malformedUrl(path, search)).toBe(false);
  });

  test.each([
    ["/decisions/%00/setup", ""], // PostgreSQL refuses NUL in text
    ["/decisions/%0D%0Aset-cookie:x=1", ""],
    ["/decisions/%7F", ""],
    ["/decisions/%ED%A0%80", ""], // a lone surrogate
    ["/decisions/%E0%A4%A", ""], // cut short
    ["/decisions/%", ""],
    ["/decisions", "?q=%00"],
    ["/decisions", "?next=a%01b"],
    ["/decisions", "?%00=1"],
  ])("refused: %s%s", (path, search) => {
    expect(malformedUrl(path, search)).toBe(true);
  });
});

describe("foreignOrigin", () => {
  test("safe methods and requests without Origin are never foreign", () => {
    expect(foreignOrigin("GET", "https://evil.example", "stackwise.example")).toBe(false);
    expect(foreignOrigin("POST", null, "stackwise.example")).toBe(false);
  });
  test("a state-changing request from another origin, or from 'null', is", () => {
    expect(foreignOrigin("POST", "https://evil.example", "stackwise.example")).toBe(true);
    expect(foreignOrigin("DELETE", "null", "stackwise.example")).toBe(true);
    expect(foreignOrigin("POST", "https://stackwise.example", "stackwise.example")).toBe(false);
  });
});
