// A metric snapshot: rows of measured facts {candidate, criterion, value, unit, source, measuredAt}, naming candidates
// and criteria by id or by name. The same file is posted to /api/v1/decisions/{id}/facts/bulk by CI and imported on
// the decision's facts page; it is all or nothing, with a message per row and field. Messages are keys under
// `facts.errors` (both languages).
import { z } from "zod";
import { factNoteSchema, factSourceUrlSchema, factUnitSchema, factValueSchema, measuredOnSchema } from "./fact";

/** One snapshot names at most this many cells (a decision's matrix is far smaller). */
export const MAX_SNAPSHOT_ROWS = 2000;

/** "2026-11-12" or a full ISO time ("2026-11-12T08:30:00Z", what k6 and autocannon print): the UTC day is kept. */
const measuredAtSchema = z
  .string({ message: "measuredOnInvalid" })
  .trim()
  .transform((v) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    const t = /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
    return Number.isNaN(t) ? v : new Date(t).toISOString().slice(0, 10);
  })
  .pipe(measuredOnSchema);

const ref = z.string({ message: "required" }).trim().min(1, "required").max(200, "required");

export const snapshotRowSchema = z
  .object({
    candidate: ref.meta({ description: "Candidate id or name (names compare case-insensitively)." }),
    criterion: ref.meta({ description: "Criterion id or name; must be a METRIC criterion." }),
    value: factValueSchema,
    unit: factUnitSchema
      .nullable()
      .optional()
      .transform((v) => v || null)
      .meta({ description: "Must match the criterion's unit when it has one; empty = the criterion's." }),
    source: factSourceUrlSchema
      .optional()
      .default("")
      .meta({ description: "Where the figure comes from: empty or an http(s) URL." }),
    note: factNoteSchema
      .optional()
      .default("")
      .meta({ description: "How it was measured (tool, connections, duration)." }),
    measuredAt: measuredAtSchema.meta({ description: "Day or ISO time of the measurement (UTC day is stored)." }),
  })
  .meta({ id: "SnapshotRow" });

export const snapshotSchema = z
  .object({
    rows: z.array(snapshotRowSchema).min(1, "rowsRequired").max(MAX_SNAPSHOT_ROWS, "tooManyRows"),
  })
  .meta({ id: "MetricSnapshot" });

export type SnapshotRow = z.output<typeof snapshotRowSchema>;
export type Snapshot = z.output<typeof snapshotSchema>;

/** A row-level problem: `row` is 0-based, `field` a key of the row. */
export interface SnapshotIssue {
  row: number;
  field: string;
  code: string;
}

/** zod issues of a snapshot → one issue per row and field (the first message wins). */
export function snapshotIssues(error: z.ZodError): SnapshotIssue[] {
  const seen = new Set<string>();
  const out: SnapshotIssue[] = [];
  for (const issue of error.issues) {
    const [top, row, field] = issue.path;
    const item =
      top === "rows" && typeof row === "number"
        ? { row, field: String(field ?? "row"), code: issue.message }
        : { row: -1, field: String(top ?? "rows"), code: issue.message };
    const k = `${item.row}:${item.field}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/** A snapshot file (the API's request body as a .json file) → the snapshot, or its issues. */
export function parseSnapshotText(
  text: string,
): { ok: true; snapshot: Snapshot } | { ok: false; issues: SnapshotIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ row: -1, field: "file", code: "snapshotNotJson" }] };
  }
  const r = snapshotSchema.safeParse(json);
  return r.success ? { ok: true, snapshot: r.data } : { ok: false, issues: snapshotIssues(r.error) };
}
