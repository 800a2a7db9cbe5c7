// Every folder a script builds the app into. `next build` appends `<distDir>/types/**/*.ts` and
// `<distDir>/dev/types/**/*.ts` to tsconfig.json's include list unless those exact strings are already there (a glob
// that happens to match does not count), which would leave the git tree dirty after a build. So each folder here is
// listed in tsconfig.json, builds refuse any other folder, and scripts/lib/dist-dirs.test.ts keeps the two in step.

/** `next dev` (which uses its dev subfolder) and a plain `npm run build`. */
export const DEFAULT_DIST_DIR = ".next";
/** The e2e server's build, separate so a running `npm start` keeps its own. */
export const E2E_DIST_DIR_DEFAULT = ".next-test";
/** `npm run bench:web`. */
export const BENCH_DIST_DIR = ".next-bench";
/**
 * `npm start` builds into whichever of these is neither serving nor the previous build, then switches to it
 * (scripts/lib/start-builds.ts). Fixed slots rather than timestamped folders because only literal paths satisfy
 * Next's tsconfig check.
 */
export const START_SLOTS = [".next-start/1", ".next-start/2", ".next-start/3"] as const;
/** Which slot `npm start` serves and which one it served before: `{ "current": …, "previous": … }`. */
export const START_POINTER = ".next-start/current.json";

export const DIST_DIRS: readonly string[] = [DEFAULT_DIST_DIR, E2E_DIST_DIR_DEFAULT, BENCH_DIST_DIR, ...START_SLOTS];

/** Throws for a build folder tsconfig.json does not list (e.g. from E2E_DIST_DIR or BENCH_DIST). */
export function assertKnownDistDir(distDir: string): void {
  if (!DIST_DIRS.includes(distDir)) {
    throw new Error(
      `Build folder "${distDir}" is not one of ${DIST_DIRS.join(", ")}: Next would rewrite tsconfig.json for it. ` +
        `Add it to scripts/lib/dist-dirs.ts and to tsconfig.json's include list.`,
    );
  }
}
