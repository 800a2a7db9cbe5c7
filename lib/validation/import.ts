// Limits and inputs of the import flow (CSV / XLSX matrix, JSON decision). Shared by the form, the server actions
// and the data layer. Error keys live under `report.import.errors`.
import { z } from "zod";

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500;
export const IMPORT_MAX_COLUMNS = 60;
export const IMPORT_MAX_TEXT = 500;
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
