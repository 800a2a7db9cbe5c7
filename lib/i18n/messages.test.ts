// Both catalogs must be complete: every key in English exists in Chinese and vice versa, no value is empty, and the
// ICU placeholders match (a translated sentence that drops {total} would show a wrong or missing figure).
import { describe, expect, test } from "vitest";
import { MESSAGES } from "./messages";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Argument names of an ICU message. A brace right after a plural/select key ("one {cell}", "=0 {none}") opens a
// branch body, not an argument, so it is skipped.
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const argument = /(?<!(?:^|[\s}])(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z0-9_]+)\s*(?:,|\})/g;
  for (const m of message.matchAll(argument)) names.add(m[1]);
  return [...names].sort();
}

const en = flatten(MESSAGES.en as unknown as Tree);
const zh = flatten(MESSAGES["zh-CN"] as unknown as Tree);

describe("message catalogs", () => {
  test("have the same keys in English and Chinese", () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  test("have no empty messages", () => {
    expect([...en, ...zh].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  test("use the same placeholders in both languages", () => {
    const mismatched = [...en.keys()]
      .filter((k) => zh.has(k))
      .filter((k) => placeholders(en.get(k)!).join() !== placeholders(zh.get(k)!).join());
    expect(mismatched).toEqual([]);
  });
});
