import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer rules (CONTRIBUTING.md, "Layers"). Each is a regex over the import specifier so relative paths cannot
// step around an alias; scripts/lint-rules.test.ts proves every one of them rejects and accepts what it should.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LAYER = {
  framework: {
    regex: "^(next|next-intl|react|react-dom)(/|$)",
    message: "lib/scoring is pure TypeScript: no Next or React imports.",
  },
  dataLayer: {
    regex: "^@/lib/server(/|$)|(^|/)lib/server(/|$)|^(\\.\\./)+server(/|$)",
    message: "lib/scoring must not depend on the data layer (lib/server).",
  },
  nodeBuiltins: {
    regex: `^(node:|(${builtinModules.map(escape).join("|")})(/|$))`,
    message: "lib/scoring runs in the browser and in a Web Worker: no Node built-ins.",
  },
  prisma: {
    regex: "^@/generated(/|$)|(^|/)generated/prisma(/|$)|^@prisma/|^prisma(/|$)",
    message:
      "Prisma is reached only through the data layer: import it in lib/server, lib/db, prisma, scripts or tests, and hand plain objects (lib/decisions DTOs) to everything else.",
  },
};
const restrict = (...patterns) => ["error", { patterns: patterns.map((p) => ({ caseSensitive: true, ...p })) }];

// Where Prisma may be imported: the data layer, the client factory, the schema and seed, tooling and tests.
const PRISMA_ALLOWED = [
  "lib/server/**",
  "lib/db/**",
  "prisma/**",
  "prisma.config.ts",
  "scripts/**",
  "e2e/**",
  "**/*.test.ts",
  "**/*.test.tsx",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-test/**",
    ".next-*/**",
    "generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".test-tmp/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // One rule name carries every layer rule, and a later block replaces (does not merge) an earlier block's options,
  // so each block below lists every pattern that applies to its files.
  // Outside the data layer Prisma may appear only as types (erased at build time): lib/decisions derives its DTOs from
  // the generated payload types so a column is declared once. lib/validation/enums.ts is the one place the generated
  // enum constants (a plain, browser-safe module) are turned into zod enums.
  {
    name: "layers/prisma-only-in-data-layer",
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    ignores: [...PRISMA_ALLOWED, "lib/validation/enums.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict({ ...LAYER.prisma, allowTypeImports: true }) },
  },
  {
    name: "layers/components-use-data-layer-types-only",
    files: ["components/**"],
    ignores: PRISMA_ALLOWED,
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(LAYER.prisma, {
        ...LAYER.dataLayer,
        message:
          "Components import lib/server only as types (`import type`): load data in the page or a server action and pass plain objects down.",
        allowTypeImports: true,
      }),
    },
  },
  {
    name: "layers/scoring-is-pure",
    files: ["lib/scoring/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        LAYER.framework,
        LAYER.dataLayer,
        LAYER.prisma,
        LAYER.nodeBuiltins,
      ),
    },
  },
]);
