import { expect, test } from "vitest";
import { resolveLocale } from "./config";

test.each([
  [undefined, null, "en"],
  ["zh-CN", "en-US,en;q=0.9", "zh-CN"],
  ["en", "zh-CN,zh;q=0.9", "en"],
  [undefined, "zh-TW,zh;q=0.9,en;q=0.8", "zh-CN"],
  [undefined, "fr-FR,fr;q=0.9,en;q=0.5", "en"],
  ["klingon", "de-DE", "en"],
] as const)("cookie %s, Accept-Language %s → %s", (cookie, accept, expected) => {
  expect(resolveLocale(cookie, accept)).toBe(expected);
});
