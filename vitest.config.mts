import os from "node:os";
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
    // Vitest's default is one worker less than the cores: one worker on CI's 2-core machine. Most files here wait on a
    // database (a temporary SQLite file, a PostgreSQL round trip) rather than compute, so two workers on two cores
    // ran the SQLite suite in 4.2 min instead of 6.2. Every file has its own database, so they may overlap.
    maxWorkers: Math.max(2, os.availableParallelism()),
  },
});
