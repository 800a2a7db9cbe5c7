// The one rule for every URL a user can store (candidate link, score evidence, anything added later): empty, or an
// absolute http(s) URL with a host. Other people open these links, so javascript:, data:, file: and bare words are
// refused at every entry point (editors, CSV/XLSX/JSON import) and never written as a link by any renderer.
import { z } from "zod";

export const URL_MAX = 2000;

export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** "" or an http(s) URL; the messages are the caller's error keys (each editor has its own catalog namespace). */
export function httpUrlSchema(message: string, tooLong: string = message) {
  return z
    .string()
    .trim()
    .max(URL_MAX, tooLong)
    .refine((v) => v === "" || isHttpUrl(v), message);
}

/** The link a renderer may write, or null: stored data from before this rule existed is not trusted either. */
export function safeHref(v: string | null | undefined): string | null {
  const t = (v ?? "").trim();
  return t !== "" && isHttpUrl(t) ? t : null;
}
