import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { IMPORT_BODY_LIMIT_BYTES } from "./lib/validation/import";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers for every response, pages and static files alike. Pages get their per-request CSP (with its
// nonce) from proxy.ts; the files the proxy skips get a CSP that allows nothing, since none of them is a document
// that needs to run or load anything.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
// Static files are scripts, styles, fonts and images: nothing may run in their own context except the app's module
// workers (the Monte Carlo worker imports its chunks from this origin).
const STATIC_CSP = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Inlined into the server bundles when they are built: part of every evaluation-cache key
  // (lib/server/evaluation-cache.ts), so a new build never serves what the previous code computed. Instances started
  // from one build share it, and with it their cache entries.
  env: { STACKWISE_BUILD_ID: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` },
  poweredByHeader: false,
  // The driver and its native addon must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@node-rs/argon2",
    "@react-pdf/renderer",
    "fontkit",
    "exceljs",
  ],
  // Tests build into their own folder so a running `npm start` keeps its build.
  distDir: process.env.STACKWISE_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project as its own step; skipping it here halves build time on small machines.
  typescript: { ignoreBuildErrors: true },
  // Uploads are capped by the import's own check (IMPORT_MAX_BYTES, a field message); Next's limit sits just above
  // it so a slightly larger file still reaches that check instead of failing inside Next with a 500.
  // forbidden() from next/navigation: admin pages answer 403 (with app/forbidden.tsx) instead of 200.
  experimental: { serverActions: { bodySizeLimit: IMPORT_BODY_LIMIT_BYTES }, authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      { source: "/_next/static/:path*", headers: [STATIC_CSP] },
      { source: "/_next/image", headers: [STATIC_CSP] },
      { source: "/:file(favicon.ico|icon.svg|robots.txt)", headers: [STATIC_CSP] },
    ];
  },
};

export default withNextIntl(nextConfig);
