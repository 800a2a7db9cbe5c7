// A pasted spreadsheet block → the criteria, candidates and values it names, with every problem placed at its row
// and column of the block. Layout (what people copy): the first row names the candidates, the first column the
// criteria; an optional second column headed "Weight" (or 权重, %, …) holds raw weights or percentages; the other
// cells are values, blank = leave as it is. Pure: the browser checks the block before sending it, the server
// checks it again (lib/validation/matrix.ts) with the stored rows.
import { parseNumberText, parseTsv } from "./tsv";

export const PASTE_MAX_CANDIDATES = 40;
export const PASTE_MAX_CRITERIA = 100;
export const PASTE_NAME_MAX = 120;
export const PASTE_UNIT_MAX = 30;

export interface PasteValue {
  value: number;
  /** A unit written after the number ("120 ms"), or null. */
  unit: string | null;
}

export interface PasteCriterion {
  name: string;
  /** Raw weight (a percentage is its number: "20 %" → 20); null when the block has no weight there. */
  weight: number | null;
  /** One per candidate; null = blank cell (left unchanged). */
  values: (PasteValue | null)[];
}

export interface PasteBlock {
  candidates: string[];
  criteria: PasteCriterion[];
}

/** A problem at row/col of the pasted block (1-based, as the spreadsheet showed it). Keys: matrix.errors.*. */
export interface PasteIssue {
  row: number;
  col: number;
  key: string;
}

const WEIGHT_HEADERS = new Set([
  "weight",
  "weights",
  "weighting",
  "w",
  "%",
  "share",
  "权重",
  "权数",
  "比重",
  "gewicht",
]);
export const isWeightHeader = (s: string) => WEIGHT_HEADERS.has(s.normalize("NFKC").trim().toLowerCase());

/** Names compare like this everywhere (block ↔ stored rows): case, width and surrounding blanks do not count. */
export const nameKey = (s: string) => s.normalize("NFKC").trim().toLowerCase();

export type PasteResult = { ok: true; block: PasteBlock } | { ok: false; issues: PasteIssue[] };

export function readPasteText(text: string): PasteResult {
  return readPasteGrid(parseTsv(text));
}

export function readPasteGrid(grid: string[][]): PasteResult {
  const issues: PasteIssue[] = [];
  const header = grid[0] ?? [];
  if (grid.length < 2 || header.length < 2) return { ok: false, issues: [{ row: 1, col: 1, key: "pasteNeedsHeader" }] };
  const hasWeight = isWeightHeader(header[1] ?? "");
  const first = hasWeight ? 2 : 1;
  // Trailing blank header cells are where the selection ran past the table.
  let last = header.length;
  while (last > first && header[last - 1].trim() === "") last--;
  const candidates: string[] = [];
  const seenCandidates = new Set<string>();
  for (let c = first; c < last; c++) {
    const name = header[c].trim();
    if (name === "") issues.push({ row: 1, col: c + 1, key: "candidateNameMissing" });
    else if (name.length > PASTE_NAME_MAX) issues.push({ row: 1, col: c + 1, key: "nameTooLong" });
    else if (seenCandidates.has(nameKey(name))) issues.push({ row: 1, col: c + 1, key: "duplicateName" });
    seenCandidates.add(nameKey(name));
    candidates.push(name);
  }
  if (candidates.length === 0) issues.push({ row: 1, col: first + 1, key: "pasteNoCandidates" });
  if (candidates.length > PASTE_MAX_CANDIDATES) issues.push({ row: 1, col: 1, key: "pasteTooLarge" });

  const criteria: PasteCriterion[] = [];
  const seenCriteria = new Set<string>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (cells.every((c) => c.trim() === "")) continue;
    const name = (cells[0] ?? "").trim();
    const row = r + 1;
    if (name === "") issues.push({ row, col: 1, key: "criterionNameMissing" });
    else if (name.length > PASTE_NAME_MAX) issues.push({ row, col: 1, key: "nameTooLong" });
    else if (seenCriteria.has(nameKey(name))) issues.push({ row, col: 1, key: "duplicateName" });
    seenCriteria.add(nameKey(name));
    let weight: number | null = null;
    if (hasWeight && (cells[1] ?? "").trim() !== "") {
      const w = parseNumberText(cells[1]);
      if (!w.ok || w.unit !== null) issues.push({ row, col: 2, key: "weightNotNumber" });
      else if (w.value < 0) issues.push({ row, col: 2, key: "weightNegative" });
      else weight = w.value;
    }
    const values: (PasteValue | null)[] = [];
    for (let c = first; c < first + candidates.length; c++) {
      const raw = (cells[c] ?? "").trim();
      if (raw === "") {
        values.push(null);
        continue;
      }
      const v = parseNumberText(raw);
      if (!v.ok) issues.push({ row, col: c + 1, key: "valueNotNumber" });
      else if (v.unit !== null && v.unit.length > PASTE_UNIT_MAX) issues.push({ row, col: c + 1, key: "unitTooLong" });
      values.push(v.ok ? { value: v.value, unit: v.percent ? "%" : v.unit } : null);
    }
    for (let c = first + candidates.length; c < cells.length; c++)
      if (cells[c].trim() !== "") issues.push({ row, col: c + 1, key: "cellOutsideBlock" });
    criteria.push({ name, weight, values });
  }
  if (criteria.length === 0) issues.push({ row: 2, col: 1, key: "pasteNoCriteria" });
  if (criteria.length > PASTE_MAX_CRITERIA) issues.push({ row: 1, col: 1, key: "pasteTooLarge" });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, block: { candidates, criteria } };
}

/**
 * The kind a criterion the paste creates gets: a measurement (METRIC, with the unit written in its cells) when any of
 * its values carries a unit or lies outside the 0–10 rating scale, else a 0–10 rating. Mixed units are a problem.
 */
export function newCriterionKind(c: PasteCriterion): { kind: "RATING" | "METRIC"; unit: string | null } | "unitMixed" {
  const values = c.values.filter((v): v is PasteValue => v !== null);
  const units = new Set(values.map((v) => v.unit).filter((u): u is string => u !== null));
  if (units.size > 1) return "unitMixed";
  const unit = units.size === 1 ? [...units][0] : null;
  if (unit !== null || values.some((v) => v.value < 0 || v.value > 10)) return { kind: "METRIC", unit };
  return { kind: "RATING", unit: null };
}
