// Finds a Chromium for Playwright: an explicit CHROMIUM_PATH, Playwright's own download, or the system package.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export type ChromiumChoice = { kind: "playwright" } | { kind: "system"; path: string } | { kind: "none" };

export function findChromium(): ChromiumChoice {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit && fs.existsSync(explicit)) return { kind: "system", path: explicit };
  try {
    if (fs.existsSync(chromium.executablePath())) return { kind: "playwright" };
  } catch {
    // Playwright throws when its browser registry has no entry for this platform; fall through to the system browser.
  }
  const system = SYSTEM_CANDIDATES.find((p) => fs.existsSync(p));
  return system ? { kind: "system", path: system } : { kind: "none" };
}

export const INSTALL_HINT =
  "No Chromium found for the browser tests. Install one of:\n" +
  "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
  "  any machine with internet:  npx playwright install chromium\n" +
  "or point CHROMIUM_PATH at an existing Chromium/Chrome binary.";

// Flags for a root user on a closed network: no sandbox, no GPU, and no background calls to Google's services.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
