// Keys that arrive as data (an action's error code, a zod message, a server-sent issue) are plain strings; the
// translator only takes its own literal keys. This narrows one, checked at runtime by the translator itself, so a
// component never needs a cast and a literal key that is misspelt still fails tsc.

type Translator = { has: (key: never) => boolean };
export type KeyOf<T extends Translator> = Parameters<T["has"]>[0];

export function knownKey<T extends Translator>(t: T, key: string | undefined | null): key is KeyOf<T> & string {
  return typeof key === "string" && (t.has as (k: string) => boolean)(key);
}
