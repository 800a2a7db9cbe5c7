// The pure part of `npm start`'s build switching: which slot to build into, and what to keep once it succeeded. A
// server already running keeps serving its own folder; only the build before the previous one is removed.

export interface StartPointer {
  /** The slot `npm start` serves; null before the first successful build. */
  current: string | null;
  /** The slot served before `current`, kept for a server that may still be running from it. */
  previous: string | null;
}

export const EMPTY_POINTER: StartPointer = { current: null, previous: null };

/**
 * Reads the pointer file's content, keeping only slots that exist in `slots` and are built (`isBuilt`): a pointer
 * edited by hand, left by another version or pointing at a deleted folder never makes start serve nothing.
 */
export function parsePointer(
  text: string | null,
  slots: readonly string[],
  isBuilt: (slot: string) => boolean,
): StartPointer {
  if (text === null) return EMPTY_POINTER;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY_POINTER;
  }
  const pick = (v: unknown) => (typeof v === "string" && slots.includes(v) && isBuilt(v) ? v : null);
  const obj = (raw ?? {}) as Record<string, unknown>;
  const current = pick(obj.current);
  const previous = pick(obj.previous);
  if (current === null) return { current: previous, previous: null };
  return { current, previous: previous === current ? null : previous };
}

/** The slot a new build goes into: the first that is neither serving nor the previous build. */
export function chooseBuildSlot(pointer: StartPointer, slots: readonly string[]): string {
  const free = slots.find((s) => s !== pointer.current && s !== pointer.previous);
  if (!free) throw new Error(`need at least three build slots, got ${slots.length}`);
  return free;
}

/** After a successful build into `built`: it becomes current, the old current becomes previous, the rest goes. */
export function afterSuccessfulBuild(
  pointer: StartPointer,
  built: string,
  slots: readonly string[],
): { pointer: StartPointer; prune: string[] } {
  const previous = pointer.current === built ? pointer.previous : pointer.current;
  const next: StartPointer = { current: built, previous };
  return { pointer: next, prune: slots.filter((s) => s !== next.current && s !== next.previous) };
}
