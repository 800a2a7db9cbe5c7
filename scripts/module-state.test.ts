// Issue 13's audit, kept: with several instances behind a load balancer, anything a request writes into a module-level
// variable is seen by one instance only. Every module-level `let` and mutable collection in the server's code is
// listed here with the reason it is safe; a new one fails until it is either moved into the database or added with
// its reason.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const ALLOWED: Record<string, string> = {
  "lib/auth/clock.ts: let clock": "tests swap the clock; production never changes it",
  "lib/auth/common-passwords.ts: const COMMON_PASSWORDS": "constant list shipped with the code",
  "lib/auth/password.ts: let dummyHash": "a constant hash for timing-safe misses, the same on every instance",
  "lib/export/pdf-fonts.ts: let registered": "fonts registered once per process from files in the checkout",
  "lib/export/pdf-fonts.ts: let covered": "the glyphs of the shipped font files, derived from the files",
  "lib/export/pdf-fonts.ts: let textCovered": "the glyphs of the shipped font files, derived from the files",
  "lib/export/pdf-fonts.ts: const LAYOUT": "constant set",
  "lib/validation/decision-json.ts: const KNOWN": "constant set",
  "lib/env.ts: let cached": "the environment, parsed once; the same for every request of the process",
  "lib/matrix/paste-block.ts: const WEIGHT_HEADERS": "constant header words for pasted blocks",
  "lib/http/request-guard.ts: const SAFE_METHODS": "the constant set of HTTP methods that change nothing",
  "lib/import/matrix.ts: const TITLE_LABELS": "constant labels from the message catalogs",
  "lib/import/matrix.ts: const TOTAL_LABELS": "constant labels from the message catalogs",
  "lib/server/read-memo.ts: const entries":
    "reads keyed by the input stamp each request reads from the shared database: an instance holds only what is current or unreachable",
  "lib/server/read-memo.ts: let held": "the byte count of this process's own entries",
  "lib/i18n/client-messages.ts: const picked":
    "parts of the message catalogs shipped with the code, picked by constant lists: the same on every instance",
  "lib/server/export-render.ts: let pool":
    "this process's own render threads; a job carries everything it renders and they keep nothing but loaded fonts",
  "components/setup/criteria-editor.tsx: const PLACED": "constant set (client component)",
};

const DECLARATION = /^(?:export\s+)?(let\s+(\w+)|const\s+(\w+)\s*(?::[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b)/;

function moduleState(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!["node_modules", "testing"].includes(e.name)) walk(rel);
      } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        for (const line of fs.readFileSync(rel, "utf8").split("\n")) {
          const m = DECLARATION.exec(line);
          if (m) found.push(`${rel}: ${m[2] ? `let ${m[2]}` : `const ${m[3]}`}`);
        }
      }
    }
  };
  for (const dir of ["lib", "app", "components", "proxy.ts"].filter((d) => fs.existsSync(d)))
    if (fs.statSync(dir).isDirectory()) walk(dir);
  return found.sort();
}

test("module-level state in server code is only what every instance derives the same way", () => {
  const unexplained = moduleState().filter((d) => !(d in ALLOWED));
  expect(
    unexplained,
    "move it into the database, or add it to ALLOWED with why each instance may keep its own",
  ).toEqual([]);
});

test("the list has no stale entries", () => {
  const present = new Set(moduleState());
  expect(Object.keys(ALLOWED).filter((k) => !present.has(k))).toEqual([]);
});
