// An uploaded file → what it would import, or the problems that stop it. Pure apart from parsing: no database.
import { decisionJsonSchema, type DecisionJson } from "@/lib/validation/decision-json";
import { IMPORT_MAX_BYTES, importFormatOf, type ImportFormat, type ImportIssue } from "@/lib/validation/import";
import { parseMatrix, type ParsedMatrix } from "./matrix";
import { parseCsv, parseXlsx } from "./table";

export type ReadResult =
  | { ok: true; format: "csv" | "xlsx"; kind: "matrix"; matrix: ParsedMatrix; warnings: ImportIssue[] }
  | { ok: true; format: "json"; kind: "json"; json: DecisionJson; warnings: ImportIssue[] }
  | { ok: false; format: ImportFormat | null; issues: ImportIssue[]; warnings: ImportIssue[] };

export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = importFormatOf(name);
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return { ok: false, format, issues: [{ key: "fileTooLarge", params: { max: "2 MB" } }], warnings: [] };
  if (!format) return { ok: false, format, issues: [{ key: "fileType" }], warnings: [] };
  if (bytes.byteLength === 0) return { ok: false, format, issues: [{ key: "empty" }], warnings: [] };
  if (format === "json") return readJson(bytes);
  const grid = format === "csv" ? parseCsv(decodeUtf8(bytes)) : await parseXlsx(bytes);
  if (!grid.ok) return { ok: false, format, issues: grid.issues, warnings: [] };
  const m = parseMatrix(grid.grid);
  return m.ok
    ? { ok: true, format, kind: "matrix", matrix: m.matrix, warnings: m.matrix.warnings }
    : { ok: false, format, issues: m.issues, warnings: m.warnings };
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

function readJson(bytes: Uint8Array): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(decodeUtf8(bytes));
  } catch {
    return { ok: false, format: "json", issues: [{ key: "invalidJson" }], warnings: [] };
  }
  const parsed = decisionJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 50).map((i) => ({ key: knownKey(i.message), path: i.path.join(".") }));
    return { ok: false, format: "json", issues, warnings: [] };
  }
  return { ok: true, format: "json", kind: "json", json: parsed.data, warnings: [] };
}

const KNOWN = new Set([
  "nameRequired",
  "nameTooLong",
  "textTooLong",
  "titleRequired",
  "titleTooLong",
  "notANumber",
  "weightNegative",
  "weightTooLarge",
  "kindInvalid",
  "directionInvalid",
  "formatUnknown",
  "versionUnsupported",
  "unknownCriterion",
  "unknownCandidate",
  "duplicateName",
  "duplicateScore",
  "noCriteria",
  "noCandidates",
  "tooManyCriteria",
  "tooManyCandidates",
  "tooManyScores",
  // Measured facts (lib/validation/fact.ts)
  "duplicateFact",
  "notMeasured",
  "unitMismatch",
  "unitTooLong",
  "sourceUrlInvalid",
  "noteTooLong",
  "measuredOnInvalid",
  "measuredOnFuture",
]);
/** zod's own messages (wrong type, unknown key) become the generic "invalid". */
const knownKey = (m: string) => (KNOWN.has(m) ? m : "invalid");
