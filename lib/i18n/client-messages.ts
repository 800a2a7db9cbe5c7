// The part of a catalog a client subtree needs. Every page used to send the whole catalog (~78 kB of JSON, more
// than half of the decisions list's HTML) to the browser; a <ClientMessages> now sends only the namespaces its
// client components read (lib/i18n/client-messages.test.ts derives those from the code and checks the lists).
import { MESSAGES } from "./messages";
import type { Locale } from "./config";

type Tree = { [key: string]: string | Tree };

/**
 * A copy of `messages` holding only the given paths ("results", "auth.header"), each with its whole subtree, nested
 * as in the catalog so that useTranslations("auth.header") resolves as before. An unknown path throws: a typo would
 * otherwise show raw keys in the browser.
 */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const p of paths) {
    let from: string | Tree = messages;
    let to: Tree = out;
    const parts = p.split(".");
    for (const [i, part] of parts.entries()) {
      if (typeof from !== "object" || !Object.hasOwn(from, part)) throw new Error(`No messages at "${p}"`);
      from = from[part];
      const have: string | Tree | undefined = to[part];
      // A shorter path picked earlier already holds this whole subtree.
      if (have === from) break;
      if (i === parts.length - 1) to[part] = from;
      else to = typeof have === "object" ? have : (to[part] = {});
    }
  }
  return out;
}

const picked = new Map<string, Tree>();

/** pickMessages of a locale's catalog, computed once per (locale, paths): pages ask for the same lists every time. */
export function clientMessages(locale: Locale, paths: readonly string[]): Tree {
  const key = `${locale}\u0000${[...paths].sort().join("\u0000")}`;
  let hit = picked.get(key);
  if (!hit) {
    hit = pickMessages(MESSAGES[locale] as unknown as Tree, paths);
    picked.set(key, hit);
  }
  return hit;
}
