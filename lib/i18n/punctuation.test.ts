// zh-CN uses full-width punctuation beside Chinese text. The checker is tested on hand-picked messages first (each
// failing one names the mark that must change), then run over the whole Chinese catalog.
import { describe, expect, test } from "vitest";
import { MESSAGES } from "./messages";
import { maskIcu, punctuationProblems } from "./punctuation";

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === "string" ? [[key, v] as [string, string]] : flatten(v, key);
  });
}

describe("punctuationProblems", () => {
  test.each([
    ["选择:领先", [":"]],
    ["(当前 15.0%)", ["(", ")"]],
    ["如果 {criterion} 的权重升至 {share}(当前 {current}),{other} 将胜出。", ["(", ")", ","]],
    ["会话已结束,请重新登录。", [","]],
    ["如果权重不同会怎样?", ["?"]],
    ["已保存;架构师可以保存。", [";"]],
    ["太好了!", ["!"]],
    // A space between the mark and the Chinese text does not make it right.
    ["选择: 领先", [":"]],
    ["分数 (0–10)", ["(", ")"]],
    // Mixed pair: opened full-width, closed in ASCII (and the other way round), with no Chinese beside the ASCII one.
    ["结果（15.0%)", [")"]],
    ["(15.0%）结果", ["("]],
    // A plural branch body is prose.
    ["{count, plural, other {# 个候选,已完成}}", [","]],
  ])("%s fails on %j", (message, marks) => {
    expect(punctuationProblems(message).map((p) => p.mark)).toEqual(marks);
  });

  test.each([
    "选择：领先",
    "（当前 15.0%）",
    "{count} 天",
    "{count, plural, one {# 个候选} other {# 个候选}}",
    "在 {samples, number} 次模拟中",
    "已登录：{name}",
    "访问 https://example.com/a,b(c) 查看",
    "Kafka, RabbitMQ 和 Pulsar",
    "CR > 0.10 时发出警告",
    "12:30 (UTC)",
    "<link>设置</link>标签页",
    "JSON",
  ])("%s passes", (message) => {
    expect(punctuationProblems(message)).toEqual([]);
  });

  test("names the full-width replacement", () => {
    expect(punctuationProblems("团队风险:{list}。")).toEqual([
      { index: 4, mark: ":", expected: "：", reason: "ascii-next-to-chinese" },
    ]);
  });

  test("masking keeps positions and placeholders' place", () => {
    const m = "{n, plural, one {# 天} other {# 天}}";
    expect(maskIcu(m)).toHaveLength(m.length);
    expect(maskIcu("{a}:{b}")).toBe("XXX:XXX");
  });
});

describe("the zh-CN catalog", () => {
  test("uses full-width punctuation beside Chinese text, and never mixes the two styles in a bracket pair", () => {
    const bad = flatten(MESSAGES["zh-CN"] as unknown as Tree).flatMap(([key, message]) =>
      punctuationProblems(message).map((p) => `${key}: "${p.mark}" at ${p.index} → "${p.expected}" in ${message}`),
    );
    expect(bad).toEqual([]);
  });

  test("the catalog is really checked (it has many messages with full-width marks)", () => {
    const all = flatten(MESSAGES["zh-CN"] as unknown as Tree);
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter(([, m]) => /[：，（）；！？]/.test(m)).length).toBeGreaterThan(100);
  });
});
