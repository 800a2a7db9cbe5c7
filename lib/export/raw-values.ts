// Raw value, unit and the derivation of the points for every cell, shared by the report view, the PDF, the ADR, the
// spreadsheets and the JSON export, so each says the same thing about where a point comes from. The raw value is the
// engine's aggregated cell value (result.cells[].value): today the evaluators' mean; once measured facts exist it is
// the fact's value, and its source and date arrive through ReportBundle.cellSources.
import {
  curveRange,
  isPairwise,
  metricReference,
  ratingScale,
  type CandidatePairwiseResult,
  type CurvePoint,
} from "@/lib/scoring";
import { curveFromText } from "@/lib/validation/value-curve";
import type { CriterionDto } from "@/lib/decisions/dto";
import { cellOf, type ReportBundle } from "./bundle";
import { pointsText, type Formatters, type ReportT } from "./i18n";

/**
 * How raw values become 0–10 points, in the uniform form points = 10·(x − worst)/(best − worst) clamped to [0, 10]
 * (worst = best gives 10). RATING: worst/best are the scale bounds, swapped for a cost criterion. METRIC: each end is
 * either the user's reference value or the observed extreme of the aggregated values. SKILL_MATCH: computed 0–10.
 */
export type Derivation =
  | { kind: "scale"; worst: number; best: number }
  | {
      kind: "metric";
      /** Null when no candidate has a value and no reference value is set: no points exist. */
      worst: number | null;
      best: number | null;
      worstSet: boolean;
      bestSet: boolean;
    }
  | { kind: "skillMatch"; worst: 0; best: 10 }
  /** METRIC with a value curve: piecewise linear through `points`; worst/best are the curve's ends. */
  | { kind: "curve"; worst: number; best: number; points: CurvePoint[] }
  /**
   * RATING compared in pairs: the cell's raw value is already its points (ideal-mode AHP priorities, 10 · p / max p),
   * so the scale is 0–10; `cr` is the group's consistency ratio (null for two candidates or none determined).
   */
  | { kind: "pairwise"; worst: 0; best: 10; cr: number | null; evaluators: number };

export interface RawCell {
  candidateId: string;
  /** Aggregated raw value in the criterion's unit / scale; null = missing. */
  raw: number | null;
  points: number | null;
  evaluatorCount: number;
  sourceUrl: string | null;
  /** YYYY-MM-DD */
  measuredOn: string | null;
}

export interface RawRow {
  criterion: CriterionDto;
  unit: string | null;
  derivation: Derivation;
  cells: RawCell[];
}

export function derivationOf(
  c: CriterionDto,
  observed: readonly (number | null)[],
  pairwise?: CandidatePairwiseResult,
): Derivation {
  if (c.kind === "SKILL_MATCH") return { kind: "skillMatch", worst: 0, best: 10 };
  if (isPairwise(c))
    return {
      kind: "pairwise",
      worst: 0,
      best: 10,
      cr: pairwise?.cr ?? null,
      evaluators: pairwise?.evaluatorCount ?? 0,
    };
  if (c.kind === "RATING") {
    const { lo, hi } = ratingScale(c);
    return c.direction === "COST" ? { kind: "scale", worst: hi, best: lo } : { kind: "scale", worst: lo, best: hi };
  }
  const curve = curveFromText(c.valueCurve);
  if (curve) return { kind: "curve", ...curveRange(curve, c.direction), points: curve };
  // The engine's own function, so the stated reference is exactly the one the points were computed with.
  const ref = metricReference(c, observed);
  return {
    kind: "metric",
    worst: ref?.worst ?? c.worst ?? null,
    best: ref?.best ?? c.best ?? null,
    worstSet: c.worst !== null,
    bestSet: c.best !== null,
  };
}

export function rawRows(b: Pick<ReportBundle, "decision" | "result" | "cellSources">): RawRow[] {
  const d = b.decision;
  const sources = new Map(b.cellSources.map((s) => [JSON.stringify([s.criterionId, s.candidateId]), s]));
  return d.criteria.map((c) => {
    const cells = d.candidates.map((k): RawCell => {
      const cell = cellOf(b.result, c.id, k.id);
      const src = sources.get(JSON.stringify([c.id, k.id]));
      return {
        candidateId: k.id,
        raw: cell?.value ?? null,
        points: cell?.points ?? null,
        evaluatorCount: cell?.evaluatorCount ?? 0,
        sourceUrl: safeHttpUrl(src?.sourceUrl ?? null),
        measuredOn: src?.measuredOn ?? null,
      };
    });
    return {
      criterion: c,
      unit: c.unit?.trim() || null,
      derivation: derivationOf(
        c,
        cells.map((x) => x.raw),
        b.result?.pairwise?.find((p) => p.criterionId === c.id),
      ),
      cells,
    };
  });
}

/** Only http(s) links are ever written into a report; anything else (javascript:, data:, file:) is dropped. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** "120 ms", "7.5" (no unit), "–" for missing. */
export function rawText(v: number | null, unit: string | null, f: Formatters): string {
  if (v === null) return "–";
  return unit ? `${f.raw(v)} ${unit}` : f.raw(v);
}

/** One sentence on how this criterion's points were derived, with the numbers. */
export function derivationText(row: Pick<RawRow, "derivation" | "unit">, t: ReportT, f: Formatters): string {
  const d = row.derivation;
  const v = (x: number | null) => rawText(x, row.unit, f);
  switch (d.kind) {
    case "scale":
      return t("derivation.scale", { worst: f.raw(d.worst), best: f.raw(d.best) });
    case "skillMatch":
      return t("derivation.skillMatch");
    case "pairwise":
      return d.cr === null
        ? t("derivation.pairwise", { evaluators: d.evaluators })
        : t("derivation.pairwiseCr", { evaluators: d.evaluators, cr: f.raw(Math.round(d.cr * 1000) / 1000) });
    case "curve":
      return t("derivation.curve", {
        points: d.points.map(([x, p]) => t("derivation.curvePoint", { value: v(x), points: f.raw(p) })).join("; "),
      });
    case "metric":
      if (d.worst === null || d.best === null) return t("derivation.metricNone");
      if (d.worstSet && d.bestSet) return t("derivation.reference", { worst: v(d.worst), best: v(d.best) });
      if (!d.worstSet && !d.bestSet) return t("derivation.observed", { worst: v(d.worst), best: v(d.best) });
      return t("derivation.mixed", {
        worst: v(d.worst),
        best: v(d.best),
        worstFrom: t(d.worstSet ? "derivation.set" : "derivation.observedEnd"),
        bestFrom: t(d.bestSet ? "derivation.set" : "derivation.observedEnd"),
      });
  }
}

/** Short label for a spreadsheet column: how the worst/best columns were obtained. */
export function derivationLabel(d: Derivation, t: ReportT): string {
  if (d.kind === "scale") return t("derivation.labelScale");
  if (d.kind === "skillMatch") return t("derivation.labelSkillMatch");
  if (d.kind === "curve") return t("derivation.labelCurve");
  if (d.kind === "pairwise") return t("derivation.labelPairwise");
  if (d.worstSet && d.bestSet) return t("derivation.labelReference");
  if (!d.worstSet && !d.bestSet) return t("derivation.labelObserved");
  return t("derivation.labelMixed");
}

/** A matrix cell for the report and the PDF: "8.28 (1.66) · raw 50.7 ms", with source and date when known. */
export function cellLine(
  row: Pick<RawRow, "unit">,
  cell: RawCell | undefined,
  contribution: number | null | undefined,
  t: ReportT,
  f: Formatters,
): string {
  if (!cell || cell.points === null) return t("table.missing");
  const parts = [
    `${pointsText(cell.points)} (${contribution == null ? "–" : pointsText(contribution)})`,
    t("table.cellRaw", { value: rawText(cell.raw, row.unit, f) }),
  ];
  if (cell.sourceUrl) parts.push(t("derivation.source", { url: cell.sourceUrl }));
  if (cell.measuredOn) parts.push(t("derivation.measuredOn", { date: cell.measuredOn }));
  return parts.join(" · ");
}
