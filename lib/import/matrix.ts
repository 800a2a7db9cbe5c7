// A grid → the matrix to import, with every problem placed at its row and column. Reads the layout the CSV/XLSX
// export writes (lib/export/matrix-table.ts) and the plain spreadsheet people keep: an optional title row, a header
// row with Criterion and Weight (optional Kind, Direction, Scale min, Scale max, Unit; English or Chinese), one
// column per candidate, one row per criterion, ending at the first blank row. A "Total" row is skipped with a note.
import { META_COLUMNS, metaHeader, type MetaColumn } from "@/lib/export/matrix-table";
import { unneutralise } from "@/lib/export/cell-safety";
import { LOCALES } from "@/lib/i18n/config";
import { reportTranslator } from "@/lib/export/i18n";
import { CRITERION_KINDS, DIRECTIONS, MAX_WEIGHT } from "@/lib/validation/criterion";
import { IMPORT_MAX_TEXT, type ImportIssue } from "@/lib/validation/import";
import type { Grid, RawCell } from "./table";

export interface MatrixCriterion {
  name: string;
  weight: number;
  kind: (typeof CRITERION_KINDS)[number];
  direction: (typeof DIRECTIONS)[number];
  scaleMin: number | null;
  scaleMax: number | null;
  unit: string | null;
  /** One per candidate; null = empty cell (stays unscored). */
  values: (number | null)[];
  row: number;
}

export interface ParsedMatrix {
  title: string | null;
  candidates: string[];
  criteria: MatrixCriterion[];
  warnings: ImportIssue[];
}

export type MatrixResult =
  { ok: true; matrix: ParsedMatrix } | { ok: false; issues: ImportIssue[]; warnings: ImportIssue[] };

const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** Header names in every language → meta column. */
const HEADER_ALIASES: Map<string, MetaColumn> = (() => {
  const m = new Map<string, MetaColumn>();
  for (const locale of LOCALES) metaHeader(locale).forEach((h, i) => m.set(norm(h), META_COLUMNS[i]));
  return m;
})();
const TITLE_LABELS = new Set(LOCALES.map((l) => norm(reportTranslator(l)("table.decision"))));
const TOTAL_LABELS = new Set(LOCALES.map((l) => norm(reportTranslator(l)("table.total"))));
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (c: RawCell) => (c === null ? "" : unneutralise(String(c)).trim());
const blank = (row: RawCell[] | undefined) => !row || row.every((c) => c === null || String(c).trim() === "");

export function parseMatrix(grid: Grid): MatrixResult {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  if (grid.every((r) => blank(r))) return { ok: false, issues: [{ key: "empty" }], warnings };

  let r = 0;
  while (r < grid.length && blank(grid[r])) r++;
  let title: string | null = null;
  if (TITLE_LABELS.has(norm(text(grid[r][0] ?? null)))) {
    title = text(grid[r][1] ?? null) || null;
    r++;
    while (r < grid.length && blank(grid[r])) r++;
  }
  const header = grid[r] ?? [];
  const headerRow = r + 1;
  // Meta columns are the leading run of known names; everything after is a candidate.
  const columns: (MetaColumn | null)[] = [];
  let c = 0;
  for (; c < header.length; c++) {
    const key = HEADER_ALIASES.get(norm(text(header[c])));
    if (!key) break;
    columns.push(key);
  }
  if (columns[0] !== "criterion") return { ok: false, issues: [{ key: "noHeader", row: headerRow }], warnings };
  if (!columns.includes("weight"))
    issues.push({ key: "missingColumn", params: { column: reportTranslator("en")("table.weight") }, row: headerRow });
  if (new Set(columns).size !== columns.length) {
    const seen = new Set<MetaColumn>();
    columns.forEach((k, i) => {
      if (k && seen.has(k)) issues.push({ key: "duplicateName", row: headerRow, column: i + 1 });
      if (k) seen.add(k);
    });
  }
  const candidateStart = c;
  let candidateEnd = header.length;
  while (candidateEnd > candidateStart && text(header[candidateEnd - 1] ?? null) === "") candidateEnd--;
  const candidates: string[] = [];
  const seenCandidates = new Map<string, number>();
  for (let k = candidateStart; k < candidateEnd; k++) {
    const name = text(header[k] ?? null);
    const at = { row: headerRow, column: k + 1 };
    if (!name) issues.push({ key: "nameRequired", ...at });
    else if (HEADER_ALIASES.has(norm(name))) issues.push({ key: "unknownColumn", params: { column: name }, ...at });
    else if (name.length > 120) issues.push({ key: "nameTooLong", ...at });
    else if (CONTROL.test(name)) issues.push({ key: "controlCharacters", ...at });
    else if (seenCandidates.has(norm(name))) issues.push({ key: "duplicateCandidate", params: { name }, ...at });
    seenCandidates.set(norm(name), k);
    candidates.push(name);
  }
  if (candidates.length === 0) issues.push({ key: "noCandidates", row: headerRow });

  const col = (k: MetaColumn) => columns.indexOf(k);
  const criteria: MatrixCriterion[] = [];
  const seenCriteria = new Set<string>();
  for (r = r + 1; r < grid.length && !blank(grid[r]); r++) {
    const row = grid[r];
    const rowNo = r + 1;
    const name = text(row[0] ?? null);
    if (TOTAL_LABELS.has(norm(name))) {
      warnings.push({ key: "totalRowSkipped", params: { row: rowNo, name }, row: rowNo });
      continue;
    }
    const at = (k: number) => ({ row: rowNo, column: k + 1 });
    if (!name) issues.push({ key: "nameRequired", ...at(0) });
    else if (name.length > 120) issues.push({ key: "nameTooLong", ...at(0) });
    else if (CONTROL.test(name)) issues.push({ key: "controlCharacters", ...at(0) });
    else if (seenCriteria.has(norm(name))) issues.push({ key: "duplicateCriterion", params: { name }, ...at(0) });
    seenCriteria.add(norm(name));

    const num = (k: number, required: boolean): number | null => {
      if (k < 0) return null;
      const v = row[k] ?? null;
      if (typeof v === "number")
        return Number.isFinite(v)
          ? v
          : (issues.push({ key: "notANumber", params: { value: String(v) }, ...at(k) }), null);
      const s = text(v);
      if (s === "") {
        if (required) issues.push({ key: "notANumber", params: { value: "" }, ...at(k) });
        return null;
      }
      const n = Number(s.replace(/^\+/, ""));
      if (!Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) {
        issues.push({ key: "notANumber", params: { value: s.slice(0, 40) }, ...at(k) });
        return null;
      }
      return n;
    };
    const weight = num(col("weight"), true);
    if (weight !== null && weight < 0) issues.push({ key: "weightNegative", ...at(col("weight")) });
    if (weight !== null && weight > MAX_WEIGHT) issues.push({ key: "weightTooLarge", ...at(col("weight")) });
    const kindText = col("kind") >= 0 ? text(row[col("kind")] ?? null).toUpperCase() : "";
    const kind = (kindText || "RATING") as MatrixCriterion["kind"];
    if (!(CRITERION_KINDS as readonly string[]).includes(kind)) issues.push({ key: "kindInvalid", ...at(col("kind")) });
    const dirText = col("direction") >= 0 ? text(row[col("direction")] ?? null).toUpperCase() : "";
    const direction = (dirText || "BENEFIT") as MatrixCriterion["direction"];
    if (!(DIRECTIONS as readonly string[]).includes(direction))
      issues.push({ key: "directionInvalid", ...at(col("direction")) });
    const scaleMin = num(col("scaleMin"), false);
    const scaleMax = num(col("scaleMax"), false);
    if (kind === "RATING" && (scaleMin ?? 0) >= (scaleMax ?? 10))
      issues.push({ key: "invalidScale", ...at(col("scaleMin") >= 0 ? col("scaleMin") : 0) });
    const unitText = col("unit") >= 0 ? text(row[col("unit")] ?? null) : "";
    if (unitText.length > 30) issues.push({ key: "textTooLong", ...at(col("unit")) });
    const values = candidates.map((_, i) => num(candidateStart + i, false));
    for (let k = candidateEnd; k < row.length; k++) {
      if (text(row[k] ?? null) !== "") issues.push({ key: "unknownColumn", params: { column: "" }, ...at(k) });
    }
    if (kind === "SKILL_MATCH") {
      if (values.some((v) => v !== null)) warnings.push({ key: "skillMatchIgnored", params: { name }, row: rowNo });
      values.fill(null);
    } else if (kind === "RATING") {
      const lo = scaleMin ?? 0;
      const hi = scaleMax ?? 10;
      values.forEach((v, i) => {
        if (v !== null && (v < lo || v > hi))
          issues.push({ key: "outOfScale", params: { value: v, min: lo, max: hi }, ...at(candidateStart + i) });
      });
    }
    criteria.push({
      name,
      weight: weight ?? 0,
      kind,
      direction,
      scaleMin,
      scaleMax,
      unit: unitText || null,
      values,
      row: rowNo,
    });
  }
  if (criteria.length === 0) issues.push({ key: "noCriteria", row: headerRow + 1 });
  if (criteria.length > 0 && criteria.every((k) => k.weight === 0) && !issues.some((i) => i.key === "notANumber"))
    issues.push({ key: "allWeightsZero" });
  const empty = criteria.reduce(
    (s, k) => s + (k.kind === "SKILL_MATCH" ? 0 : k.values.filter((v) => v === null).length),
    0,
  );
  if (empty > 0) warnings.push({ key: "emptyCells", params: { count: empty } });
  if (title && title.length > IMPORT_MAX_TEXT) title = title.slice(0, 200);
  return issues.length
    ? { ok: false, issues, warnings }
    : { ok: true, matrix: { title, candidates, criteria, warnings } };
}
