// No build leaves the git tree dirty: every folder a script or the e2e setup builds into is already listed in
// tsconfig.json the way `next build` checks it, so Next never rewrites the file. Runs no build.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_DIST_DIR, DIST_DIRS, assertKnownDistDir } from "./dist-dirs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
// Next's own function for the patterns it requires, so the check follows Next rather than a copy of its rule.
const { getTypeDefinitionGlobPatterns } = createRequire(import.meta.url)("next/dist/lib/typescript/type-paths.js") as {
  getTypeDefinitionGlobPatterns: (distDir: string) => string[];
};
const include: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")).include;

function patternsFor(distDir: string, nodeEnv: string): string[] {
  // Next reads NODE_ENV (typed read-only) when it computes the patterns.
  const env = process.env as Record<string, string | undefined>;
  const saved = env.NODE_ENV;
  env.NODE_ENV = nodeEnv;
  try {
    return getTypeDefinitionGlobPatterns(distDir);
  } finally {
    env.NODE_ENV = saved;
  }
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|tsx)$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => path.join(dir, f));
}

describe("tsconfig.json lists every build folder the way next build requires", () => {
  test.each(DIST_DIRS.map((d) => [d]))("next build into %s finds its type patterns", (distDir) => {
    expect(include).toEqual(expect.arrayContaining(patternsFor(distDir, "production")));
  });

  test("next dev (which builds into .next/dev) finds its type patterns", () => {
    expect(include).toEqual(expect.arrayContaining(patternsFor(`${DEFAULT_DIST_DIR}/dev`, "development")));
  });

  test("an unlisted folder would make Next add patterns (the check is not vacuous)", () => {
    expect(include).not.toEqual(expect.arrayContaining(patternsFor(".next-elsewhere", "production")));
    expect(() => assertKnownDistDir(".next-elsewhere")).toThrow(/tsconfig\.json/);
  });
});

describe("every build folder named in the code is registered in scripts/lib/dist-dirs.ts", () => {
  // A quoted ".next…" path without a file extension is a build folder (".next-start/current.json" is a file).
  const files = [...sourceFiles("scripts"), ...sourceFiles("e2e"), "next.config.ts", "playwright.config.ts"];
  const named = files.flatMap((file) =>
    [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/(["'`])(\.next[\w-]*(?:\/[\w-]+)*)\1/g)].map(
      (m) => [file, m[2]] as const,
    ),
  );

  test("the scan sees the registry itself", () => {
    expect(named.filter(([file]) => file.endsWith("dist-dirs.ts")).map(([, d]) => d)).toEqual(
      expect.arrayContaining([...DIST_DIRS]),
    );
  });

  test.each(named.map(([file, dir]) => [dir, file]))("%s (in %s) is a registered build folder", (dir) => {
    expect(DIST_DIRS).toContain(dir);
  });
});
