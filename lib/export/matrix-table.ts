// The matrix as spreadsheet rows, shared by the CSV and XLSX exports and read back by the importer
// (lib/import/matrix.ts). Layout, top to bottom:
//   1. a title row: [Decision, title]
//   2. table 1 (the importable one): Criterion | Weight | Kind | Direction | Scale min | Scale max | Unit | one
//      column per candidate with the raw value (the engine's aggregated cell value: mean of evaluators, a measured
//      fact, or the computed skill match). Scale min/max only for RATING rows: a metric has a unit, not a scale.
//   3. table 2: Criterion | Weight | Share | points 0–10 per candidate | Worst | Best | Unit | Points from | Must-have,
//      then a Total row and a Status row (excluded by a must-have / incomplete, so an incomplete total is never read
//      as comparable)
//   4. table 3 (CSV only; XLSX uses a second sheet): every evaluator's raw score with rationale
// Blank rows separate the tables; the importer stops table 1 at the first blank row.
import { normaliseWeights } from "@/lib/scoring";
import type { Locale } from "@/lib/i18n/config";
import { namesOf, type ReportBundle } from "./bundle";
import { reportTranslator } from "./i18n";
import { derivationLabel, rawRows, type RawRow } from "./raw-values";

export const META_COLUMNS = ["criterion", "weight", "kind", "direction", "scaleMin", "scaleMax", "unit"] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];

export type Cell = string | number | null;

export interface MatrixTables {
  titleRow: Cell[];
  /** Table 1 header and rows. */
  valueHeader: string[];
  valueRows: Cell[][];
  /** Table 2: Criterion | Weight | Share | candidates… | Worst | Best | Unit | Points from | Must-have, then Total. */
  pointsHeader: string[];
  pointsRows: Cell[][];
  totalRow: Cell[];
  /** Per candidate: "" when eligible and complete, else why its total is not comparable. */
  statusRow: Cell[];
  /** Number of candidate columns (table 2's candidate columns start at index 3). */
  candidateCount: number;
  rows: RawRow[];
  /** Table 3. */
  scoreHeader: string[];
  scoreRows: Cell[][];
  labels: {
    total: string;
    points: string;
    scores: string;
    matrixSheet: string;
    scoresSheet: string;
    formulaNote: string;
    statusExcluded: string;
    statusIncomplete: string;
    statusOk: string;
  };
}

export function metaHeader(locale: Locale): string[] {
  const t = reportTranslator(locale);
  return META_COLUMNS.map((k) => t(`table.${k}`));
}

export function buildMatrixTables(b: ReportBundle, locale: Locale): MatrixTables {
  const t = reportTranslator(locale);
  const n = namesOf(b);
  const d = b.decision;
  const candidates = d.candidates.map((c) => c.name);
  // In a criteria tree a leaf's own weight is local to its group; the sheet's formulas (share = w / Σw, totals as
  // SUMPRODUCT) need one flat weight per row, so each leaf carries its share of the goal × 100 instead. The totals
  // then recalculate to the app's, and the tree itself is in the PDF and the ADR.
  const global = new Map(b.tree?.map((n) => [n.criterionId, n.globalShare * 100]) ?? []);
  const weightOf = (c: (typeof d.criteria)[number]) => global.get(c.id) ?? c.weight;
  const weightSum = d.criteria.reduce((s, c) => s + weightOf(c), 0);
  const shares = normaliseWeights(d.criteria.map(weightOf));
  const rows = rawRows(b);
  const valueRows = rows.map(({ criterion: c, cells }) => [
    c.name,
    weightOf(c),
    c.kind,
    c.direction,
    c.kind === "RATING" ? (c.scaleMin ?? 0) : null,
    c.kind === "RATING" ? (c.scaleMax ?? 10) : null,
    c.unit,
    ...cells.map((x) => x.raw),
  ]);
  const pointsRows = rows.map(({ criterion: c, cells, derivation, unit }, i) => [
    c.name,
    weightOf(c),
    shares ? shares[i] : null,
    ...cells.map((x) => x.points),
    derivation.worst,
    derivation.best,
    unit,
    derivationLabel(derivation, t),
    c.threshold,
  ]);
  const totals = new Map(b.result?.ranking.map((r) => [r.candidateId, r.total]) ?? []);
  const totalRow = [
    t("table.total"),
    weightSum,
    weightSum > 0 ? 1 : null,
    ...d.candidates.map((k) => totals.get(k.id) ?? null),
  ];
  const ranked = new Map(b.result?.ranking.map((r) => [r.candidateId, r]) ?? []);
  const statusRow: Cell[] = [
    t("table.status"),
    null,
    null,
    ...d.candidates.map((k) => {
      const r = ranked.get(k.id);
      if (!r) return null;
      return r.excluded ? t("table.statusExcluded") : r.incomplete ? t("table.statusIncomplete") : t("table.statusOk");
    }),
  ];
  const order = new Map(d.criteria.map((c, i) => [c.id, i]));
  const corder = new Map(d.candidates.map((c, i) => [c.id, i]));
  const scoreRows = [...d.scores]
    .sort(
      (a, b2) =>
        order.get(a.criterionId)! - order.get(b2.criterionId)! ||
        corder.get(a.candidateId)! - corder.get(b2.candidateId)! ||
        n.evaluator(a.evaluatorId).localeCompare(n.evaluator(b2.evaluatorId)),
    )
    .map((s) => [
      n.criterion(s.criterionId),
      n.candidate(s.candidateId),
      n.evaluator(s.evaluatorId),
      s.value,
      s.rationale,
      s.evidenceUrl,
    ]);
  return {
    titleRow: [t("table.decision"), d.title],
    valueHeader: [...metaHeader(locale), ...candidates],
    valueRows,
    pointsHeader: [
      t("table.points"),
      t("table.weight"),
      t("table.share"),
      ...candidates,
      t("table.worst"),
      t("table.best"),
      t("table.unit"),
      t("table.pointsFrom"),
      t("table.mustHave"),
    ],
    pointsRows,
    totalRow,
    statusRow,
    candidateCount: d.candidates.length,
    rows,
    scoreHeader: [
      t("table.criterion"),
      t("table.candidate"),
      t("table.evaluator"),
      t("table.value"),
      t("table.rationale"),
      t("table.evidence"),
    ],
    scoreRows,
    labels: {
      total: t("table.total"),
      points: t("table.points"),
      scores: t("table.scores"),
      matrixSheet: t("export.sheetMatrix"),
      scoresSheet: t("export.sheetScores"),
      formulaNote: t("export.formulaNote"),
      statusExcluded: t("table.statusExcluded"),
      statusIncomplete: t("table.statusIncomplete"),
      statusOk: t("table.statusOk"),
    },
  };
}
