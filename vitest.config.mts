import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    // *.pg.test.ts need a PostgreSQL server: only the test command's PostgreSQL run (which sets the template) has one.
    // *.multi.test.ts (two instances behind nginx) run only in the test command's multi-instance step.
    exclude: [
      "**/node_modules/**",
      ...(process.env.STACKWISE_TEST_PG_TEMPLATE ? [] : ["**/*.pg.test.ts"]),
      ...(process.env.STACKWISE_TEST_PG_ADMIN ? [] : ["**/*.multi.test.ts"]),
    ],
    // Node for everything; a client hook test that needs a DOM opts in with `// @vitest-environment happy-dom`.
    environment: "node",
    // server-only throws outside a React Server Component bundle; unit tests import the data layer directly.
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)) },
    testTimeout: 30_000,
  },
});
