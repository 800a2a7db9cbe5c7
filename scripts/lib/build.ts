// Builds the Next app only when its inputs changed since the last build in that folder, so `npm start` is fast
// after the first run and never serves a stale build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BIN, ROOT, baseEnv, must } from "./run";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = /(\.test\.ts$)|(^|\/)node_modules\//;

function hashInputs(): string {
  const h = crypto.createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else if (!SKIP.test(rel)) {
      h.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return h.digest("hex");
}

export async function ensureBuild(distDir: string, opts: { log?: (msg: string) => void } = {}): Promise<void> {
  const stamp = path.join(ROOT, distDir, "stackwise-build-hash");
  const hash = hashInputs();
  const built =
    fs.existsSync(path.join(ROOT, distDir, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash;
  if (built) return;
  opts.log?.(`Building the app into ${distDir} (first run or sources changed)…`);
  await must(BIN("next"), ["build"], { env: baseEnv({ STACKWISE_DIST_DIR: distDir }) });
  fs.writeFileSync(stamp, hash);
}
