// The README's architecture tree names every folder a reader will meet: each top-level folder and each folder of
// lib/ and components/ that holds a tracked file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Folder paths of the tree: a line "  name/  description" is nested under the last line indented less. */
function treeFolders(readme: string): string[] {
  const section = readme.slice(readme.indexOf("## Architecture"));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const stack: { indent: number; name: string }[] = [];
  const folders: string[] = [];
  for (const line of block.split("\n")) {
    const m = /^( *)(\S+)\//.exec(line);
    if (!m) continue;
    const indent = m[1].length;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    stack.push({ indent, name: m[2] });
    folders.push(stack.map((s) => s.name).join("/"));
  }
  return folders;
}

function trackedFolders(): string[] {
  const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    if (parts.length < 2) continue;
    folders.add(parts[0]);
    if ((parts[0] === "lib" || parts[0] === "components") && parts.length > 2) folders.add(`${parts[0]}/${parts[1]}`);
  }
  return [...folders].sort();
}

const listed = treeFolders(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));

describe("README architecture tree", () => {
  test("parses nesting from indentation", () => {
    const readme = "## Architecture\n```\napp/  routes\nlib/\n  scoring/  maths\n  server/  data\ne2e/  tests\n```\n";
    expect(treeFolders(readme)).toEqual(["app", "lib", "lib/scoring", "lib/server", "e2e"]);
  });

  test("the repository has the folders this test is about", () => {
    expect(trackedFolders()).toEqual(expect.arrayContaining(["app", "lib", "lib/scoring", "components/scores"]));
  });

  test.each(trackedFolders().map((f) => [f]))("lists %s", (folder) => {
    expect(listed).toContain(folder);
  });

  test("lists no folder that does not exist", () => {
    const missing = listed.filter((f) => !fs.existsSync(path.join(ROOT, f)));
    expect(missing).toEqual([]);
  });
});
