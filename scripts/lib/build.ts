// Builds the Next app only when its inputs changed since the last build, so `npm start` is fast after the first run
// and never serves a stale build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { START_POINTER, START_SLOTS, assertKnownDistDir } from "./dist-dirs";
import { BIN, ROOT, baseEnv, must } from "./run";
import { afterSuccessfulBuild, chooseBuildSlot, parsePointer } from "./start-builds";

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
  // The server-actions key is baked into the build's manifest: a different key needs a new build.
  h.update("actions-key\0").update(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "");
  return h.digest("hex");
}

const STAMP = "stackwise-build-hash";
const abs = (distDir: string) => path.join(ROOT, distDir);
const isBuilt = (distDir: string) => fs.existsSync(path.join(abs(distDir), "BUILD_ID"));
const isCurrent = (distDir: string, hash: string) =>
  isBuilt(distDir) &&
  fs.existsSync(path.join(abs(distDir), STAMP)) &&
  fs.readFileSync(path.join(abs(distDir), STAMP), "utf8") === hash;

async function build(distDir: string, hash: string): Promise<void> {
  assertKnownDistDir(distDir);
  await must(BIN("next"), ["build"], { env: baseEnv({ STACKWISE_DIST_DIR: distDir }) });
  fs.writeFileSync(path.join(abs(distDir), STAMP), hash);
}

/** Builds into `distDir` in place when its inputs changed (e2e and benchmark servers, which own their folder). */
export async function ensureBuild(distDir: string, opts: { log?: (msg: string) => void } = {}): Promise<void> {
  const hash = hashInputs();
  if (isCurrent(distDir, hash)) return;
  opts.log?.(`Building the app into ${distDir} (first run or sources changed)…`);
  await build(distDir, hash);
}

/**
 * `npm start`'s build: never in the folder a running server serves. When the inputs changed, builds into a free slot
 * and, only once that succeeded, points START_POINTER at it, keeping the previous build and removing older ones. A
 * failed build leaves the pointer alone and start serves the last good build. Returns the folder to serve.
 */
export async function ensureStartBuild(opts: { log?: (msg: string) => void } = {}): Promise<string> {
  const log = opts.log ?? (() => {});
  const pointerFile = abs(START_POINTER);
  const pointer = parsePointer(
    fs.existsSync(pointerFile) ? fs.readFileSync(pointerFile, "utf8") : null,
    START_SLOTS,
    isBuilt,
  );
  const hash = hashInputs();
  if (pointer.current && isCurrent(pointer.current, hash)) return pointer.current;

  const slot = chooseBuildSlot(pointer, START_SLOTS);
  fs.rmSync(abs(slot), { recursive: true, force: true });
  log(`Building the app into ${slot} (first run or sources changed)…`);
  try {
    await build(slot, hash);
  } catch (error) {
    fs.rmSync(abs(slot), { recursive: true, force: true });
    if (!pointer.current) throw error;
    log(`The build failed (${(error as Error).message}); serving the last good build in ${pointer.current}.`);
    return pointer.current;
  }
  const { pointer: next, prune } = afterSuccessfulBuild(pointer, slot, START_SLOTS);
  // Written to a temporary file and renamed so a concurrent reader sees the old or the new pointer, never half.
  const tmp = `${pointerFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(next)}\n`);
  fs.renameSync(tmp, pointerFile);
  for (const old of prune) fs.rmSync(abs(old), { recursive: true, force: true });
  if (pointer.current)
    log(`Switched from ${pointer.current} to ${slot}; ${pointer.current} stays for a server using it.`);
  return slot;
}
