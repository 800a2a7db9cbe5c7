// Shared zod schemas for skill ratings (0–10), bulk paste and team-level overrides.
import { z } from "zod";

const id = z.string().min(1, "required").max(64, "required");
const version = z.number().int().min(1);

export const LEVEL_MIN = 0;
export const LEVEL_MAX = 10;
/** A paste is bounded so one request cannot write an unbounded number of rows. */
export const MAX_PASTE_CELLS = 2000;

/** A level as a number (what actions receive from the grid). */
export const levelValue = z
  .number({ message: "levelNotNumber" })
  .refine(Number.isFinite, "levelNotNumber")
  .refine((v) => v >= LEVEL_MIN && v <= LEVEL_MAX, "levelOutOfRange");

/** A level as typed or pasted: "7", "7.5" or "7,5"; text, blanks and out-of-range numbers get a field message. */
export const levelText = z
  .string()
  .trim()
  .min(1, "levelRequired")
  .regex(/^[+-]?\d+(?:[.,]\d+)?$/, "levelNotNumber")
  .transform((v) => Number(v.replace(",", ".")))
  .pipe(levelValue);

/**
 * Set one cell. `version` is the version the client read; null means "I saw no rating here", so a rating another
 * tab created first surfaces as a conflict rather than being overwritten.
 */
export const setRatingSchema = z.object({ memberId: id, skillId: id, level: levelValue, version: version.nullable() });

export const clearRatingSchema = z.object({ memberId: id, skillId: id, version });

/** Bulk paste: raw text cells (validated one by one) from the focused cell onwards, with the versions the client saw. */
export const pasteRatingsSchema = z.object({
  teamId: id,
  cells: z
    .array(z.object({ memberId: id, skillId: id, text: z.string().max(40), version: version.nullable() }))
    .min(1, "pasteEmpty")
    .max(MAX_PASTE_CELLS, "pasteTooLarge"),
});

export const setOverrideSchema = z.object({
  teamId: id,
  skillId: id,
  level: levelValue,
  reason: z.string().trim().min(1, "reasonRequired").max(300, "reasonTooLong"),
  version: version.nullable(),
});

export const clearOverrideSchema = z.object({ teamId: id, skillId: id, version });

export type SetRatingInput = z.infer<typeof setRatingSchema>;
export type ClearRatingInput = z.infer<typeof clearRatingSchema>;
export type PasteRatingsInput = z.infer<typeof pasteRatingsSchema>;
export type SetOverrideInput = z.infer<typeof setOverrideSchema>;
export type ClearOverrideInput = z.infer<typeof clearOverrideSchema>;

/** Parses one typed level; `{ ok: false, error }` carries the message key. */
export function parseLevel(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const r = levelText.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? "levelNotNumber" };
}

/**
 * A spreadsheet selection from the clipboard: rows by newline, cells by tab. The trailing newline spreadsheets add is
 * dropped; empty cells stay empty strings (a paste leaves those cells unchanged).
 */
export function parseClipboardGrid(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return rows.map((r) => r.split("\t"));
}
