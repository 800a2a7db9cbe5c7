import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { IMPORT_BODY_LIMIT_BYTES } from "./lib/validation/import";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The driver and its native addon must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@node-rs/argon2",
    "@react-pdf/renderer",
    "exceljs",
  ],
  // Tests build into their own folder so a running `npm start` keeps its build.
  distDir: process.env.STACKWISE_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project as its own step; skipping it here halves build time on small machines.
  typescript: { ignoreBuildErrors: true },
  // Uploads are capped by the import's own check (IMPORT_MAX_BYTES, a field message); Next's limit sits just above
  // it so a slightly larger file still reaches that check instead of failing inside Next with a 500.
  experimental: { serverActions: { bodySizeLimit: IMPORT_BODY_LIMIT_BYTES } },
};

export default withNextIntl(nextConfig);
