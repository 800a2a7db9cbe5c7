// Escaping only what Markdown would read as structure. Expected strings are written by hand from CommonMark/GFM rules.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mdBlock, mdCell, mdInline, yamlString } from "./md-escape";

describe("mdInline", () => {
  test.each([
    ["(created, paid, shipped)", "(created, paid, shipped)"],
    ["Kafka {v3}: fast! 50.7 ms", "Kafka {v3}: fast! 50.7 ms"],
    ["a*b*c", "a\\*b\\*c"],
    ["snake_case", "snake\\_case"],
    ["`rm -rf`", "\\`rm -rf\\`"],
    ["[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"],
    ["![img](x)", "!\\[img\\](x)"],
    ["<script>alert(1)</script>", "\\<script>alert(1)\\</script>"],
    ["~~gone~~", "\\~\\~gone\\~\\~"],
    ["back\\slash", "back\\\\slash"],
    ["# Heading", "\\# Heading"],
    ["C# and F#", "C# and F#"],
    ["> quote", "\\> quote"],
    ["a > b", "a > b"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["=====", "\\====="],
    ["1. first", "1\\. first"],
    ["2) second", "2\\) second"],
    ["1.5 s", "1.5 s"],
    ["a | b", "a | b"],
    ["&amp; &#38; & plain", "\\&amp; \\&#38; & plain"],
    ["two\nlines", "two lines"],
  ])("%j → %j", (input, expected) => expect(mdInline(input)).toBe(expected));

  test("a table cell also escapes the column separator", () => {
    expect(mdCell("a | b (c)")).toBe("a \\| b (c)");
  });

  test("a block keeps line breaks and escapes each line start", () => {
    expect(mdBlock("# not a heading\n- not a list\n(fine)")).toBe("\\# not a heading  \n\\- not a list  \n(fine)");
  });

  test("no text can open a link, image, code span, emphasis or HTML tag", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", " ", "*", "_", "`", "[", "]", "(", ")", "<", ">", "\\", "!") }),
        (s) => {
          const out = mdInline(s);
          // Every structural character is preceded by an odd number of backslashes, i.e. escaped.
          for (let i = 0; i < out.length; i++) {
            if ("*_`[]<".includes(out[i])) {
              let k = 0;
              while (i - 1 - k >= 0 && out[i - 1 - k] === "\\") k++;
              expect(k % 2).toBe(1);
            }
          }
        },
      ),
    );
  });
});

describe("yamlString", () => {
  test.each([
    ["Ada Architect", '"Ada Architect"'],
    ['Bo "the" Architect: lead', '"Bo \\"the\\" Architect: lead"'],
    ["- dash", '"- dash"'],
    ["平台团队", '"平台团队"'],
  ])("%j → %j", (input, expected) => expect(yamlString(input)).toBe(expected));
});
