import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/chromium";
import { E2E_DATABASE_URL, E2E_DIST_DIR, E2E_PORT } from "./e2e/support/env";

const browser = findChromium();

export default defineConfig({
  testDir: "e2e",
  // The PostgreSQL run repeats every flow that reads or writes data. Layout, overflow, axe and chart geometry
  // (responsive.spec.ts: 27 pages × 3 widths, a third of the SQLite run's time) do not depend on the database
  // behind the page, so they run once, on SQLite.
  testIgnore: E2E_DATABASE_URL.startsWith("postgres") ? ["responsive.spec.ts"] : [],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // Tests that change data build their own workspace with the seed functions, so files may run in parallel.
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.STACKWISE_E2E_REPORT
    ? [["list"], ["json", { outputFile: process.env.STACKWISE_E2E_REPORT }]]
    : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browser.kind === "system" ? browser.path : undefined,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // Migrates and seeds a fresh temporary database, builds when needed, then serves the production build.
    command: "tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_DATABASE_URL, E2E_PORT: String(E2E_PORT), E2E_DIST_DIR },
  },
});
