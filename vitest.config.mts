import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    // Node for everything; a client hook test that needs a DOM opts in with `// @vitest-environment happy-dom`.
    environment: "node",
    // server-only throws outside a React Server Component bundle; unit tests import the data layer directly.
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)) },
    testTimeout: 30_000,
  },
});
