// Limits and inputs of the import flow (CSV / XLSX matrix, JSON decision). Shared by the form, the server actions
// and the data layer. Error keys live under `report.import.errors`.
import { z } from "zod";

// Hard limits of an upload. Every one aborts reading at the first breach and answers with a field message (the table
// in SECURITY.md lists them). Legit matrices are far below: names are at most 120 characters, values are numbers.
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Body limit for Next's server actions: the file limit plus room for the multipart envelope and the other fields,
 * so an oversized file reaches the action's own check (a field message) instead of Next's (a 500). */
export const IMPORT_BODY_LIMIT_BYTES = IMPORT_MAX_BYTES + 256 * 1024;
export const IMPORT_MAX_ROWS = 500;
export const IMPORT_MAX_COLUMNS = 60;
export const IMPORT_MAX_TEXT = 500;
/** Longest single CSV/XLSX cell, in characters; longer names are refused later, this bounds what is kept at all. */
export const IMPORT_MAX_CELL_CHARS = 1000;
/** XLSX is a zip: its entries may unpack to at most this much, each and in total (checked on the real bytes). */
export const IMPORT_MAX_ZIP_ENTRIES = 200;
export const IMPORT_MAX_UNPACKED_ENTRY_BYTES = 4 * 1024 * 1024;
export const IMPORT_MAX_UNPACKED_BYTES = 8 * 1024 * 1024;
/** Wall-clock budget for turning a file into a grid. */
export const IMPORT_MAX_PARSE_MS = 2000;
/** The size limits as people read them in messages. */
export const formatMegabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
export const IMPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  return (IMPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ImportFormat) : null;
}

/** Where the import goes: a new decision (optionally titled) or an existing one (matrix files only). */
export const importTargetSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("new"), title: z.string().trim().max(200, "titleTooLong").optional() }),
  z.object({ mode: z.literal("existing"), decisionId: z.string().min(1).max(64) }),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** One problem, placed as precisely as we can: row/column are 1-based spreadsheet coordinates. */
export interface ImportIssue {
  key: string;
  params?: Record<string, string | number>;
  row?: number;
  column?: number;
  path?: string;
}

/** The field message for a file over the size limit: the form shows it before sending, the action before reading. */
export const FILE_TOO_LARGE: ImportIssue = { key: "fileTooLarge", params: { max: formatMegabytes(IMPORT_MAX_BYTES) } };
