// What typed text means in each kind of matrix cell, with the same shared rules the server applies (scores on the
// criterion's scale, criterion fields through their zod parsers and the whole-row check). An error is a message key
// and the namespace it lives in.
import type { CriterionDto } from "@/lib/decisions/dto";
import { parseNumberText } from "@/lib/matrix/tsv";
import { parseCandidateField } from "@/lib/validation/candidate";
import { checkCriterionRow, parseCriterionField, type CriterionValues } from "@/lib/validation/criterion";
import { parseScoreText, scoreValueProblem } from "@/lib/validation/score";
import type { Target, Value } from "./targets";
import { isPairwise } from "@/lib/scoring";

export type ErrorNamespace = "scores" | "facts" | "setup";
export type Checked = { ok: true; value: Value } | { ok: false; ns: ErrorNamespace; key: string };

/** Reads what was typed into the cell `x` of criterion row `criterion` (as the matrix shows it now). */
export function checkCellText(
  x: Target,
  text: string,
  criterion: CriterionDto | undefined,
  /** The criterion has sub-criteria: they are scored and measured, not it. */
  group = false,
): Checked {
  const t = text.trim();
  if (x.t === "score") {
    if (t === "") return { ok: true, value: null };
    const parsed = parseScoreText(t);
    if (!parsed.ok) return { ok: false, ns: "scores", key: parsed.error };
    if (criterion && isPairwise(criterion)) return { ok: false, ns: "scores", key: "pairwiseNotScored" };
    if (group) return { ok: false, ns: "scores", key: "groupNotScored" };
    const problem = criterion ? scoreValueProblem(criterion, parsed.value) : null;
    return problem ? { ok: false, ns: "scores", key: problem } : { ok: true, value: parsed.value };
  }
  if (x.t === "fact") {
    if (t === "") return { ok: true, value: null };
    const parsed = parseNumberText(t);
    if (!parsed.ok || parsed.percent) return { ok: false, ns: "facts", key: "valueNotNumber" };
    if (group) return { ok: false, ns: "scores", key: "groupNotScored" };
    const want = criterion?.unit?.trim() || null;
    if (parsed.unit !== null && want !== null && parsed.unit !== want)
      return { ok: false, ns: "facts", key: "unitMismatch" };
    return { ok: true, value: parsed.value };
  }
  if (x.t === "cand") {
    const parsed = parseCandidateField("name", text);
    return parsed.ok ? { ok: true, value: parsed.value as Value } : { ok: false, ns: "setup", key: parsed.error };
  }
  // A weight may be typed as a percentage or with a decimal comma, like in the paste.
  let raw = text;
  if (x.field === "weight") {
    const n = parseNumberText(text);
    if (n.ok && n.unit === null) raw = String(n.value);
  }
  const parsed = parseCriterionField(x.field, raw);
  if (!parsed.ok) return { ok: false, ns: "setup", key: parsed.error };
  if (criterion) {
    const problem = checkCriterionRow({ ...criterion, [x.field]: parsed.value } as CriterionValues, x.field);
    if (problem) return { ok: false, ns: "setup", key: problem };
  }
  return { ok: true, value: parsed.value as Value };
}

/** The spreadsheet name of a block cell: column letters and row number (B3). */
export function cellName(row: number, col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}
