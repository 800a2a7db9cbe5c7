import { describe, expect, test } from "vitest";
import { publicOrigin } from "./public-origin";

const from = (h: Record<string, string>) => publicOrigin((name) => h[name] ?? null);

describe("publicOrigin", () => {
  test("the Host header, plain http without a proxy", () => {
    expect(from({ host: "127.0.0.1:3000" })).toEqual({ origin: "http://127.0.0.1:3000", secure: false });
  });
  test("a TLS-terminating proxy's first forwarded protocol and host", () => {
    expect(
      from({ host: "app:3000", "x-forwarded-proto": "https, http", "x-forwarded-host": "sw.example, app" }),
    ).toEqual({ origin: "https://sw.example", secure: true });
  });
  test("anything but https is http; no host at all is localhost", () => {
    expect(from({ "x-forwarded-proto": "javascript" })).toEqual({ origin: "http://localhost", secure: false });
  });
});
