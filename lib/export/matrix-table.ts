// The matrix as spreadsheet rows, shared by the CSV and XLSX exports and read back by the importer
// (lib/import/matrix.ts). Layout, top to bottom:
//   1. a title row: [Decision, title]
//   2. table 1 (the importable one): Criterion | Weight | Kind | Direction | Scale min | Scale max | Unit | one
//      column per candidate with the cell's value as scored (mean of evaluators; skill match computed)
//   3. table 2: points 0–10 per candidate, each criterion's weight and share, and a Total row
//   4. table 3 (CSV only; XLSX uses a second sheet): every evaluator's raw score with rationale
// Blank rows separate the tables; the importer stops table 1 at the first blank row.
import { normaliseWeights } from "@/lib/scoring";
import type { Locale } from "@/lib/i18n/config";
import { cellOf, namesOf, type ReportBundle } from "./bundle";
import { reportTranslator } from "./i18n";

export const META_COLUMNS = ["criterion", "weight", "kind", "direction", "scaleMin", "scaleMax", "unit"] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];

export type Cell = string | number | null;

export interface MatrixTables {
  titleRow: Cell[];
  /** Table 1 header and rows. */
  valueHeader: string[];
  valueRows: Cell[][];
  /** Table 2: Criterion | Weight | Share | candidates…, then Total. */
  pointsHeader: string[];
  pointsRows: Cell[][];
  totalRow: Cell[];
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
  const weightSum = d.criteria.reduce((s, c) => s + c.weight, 0);
  const shares = normaliseWeights(d.criteria.map((c) => c.weight));
  const valueRows = d.criteria.map((c) => [
    c.name,
    c.weight,
    c.kind,
    c.direction,
    c.scaleMin,
    c.scaleMax,
    c.unit,
    ...d.candidates.map((k) => cellOf(b.result, c.id, k.id)?.value ?? null),
  ]);
  const pointsRows = d.criteria.map((c, i) => [
    c.name,
    c.weight,
    shares ? shares[i] : null,
    ...d.candidates.map((k) => cellOf(b.result, c.id, k.id)?.points ?? null),
  ]);
  const totals = new Map(b.result?.ranking.map((r) => [r.candidateId, r.total]) ?? []);
  const totalRow = [
    t("table.total"),
    weightSum,
    weightSum > 0 ? 1 : null,
    ...d.candidates.map((k) => totals.get(k.id) ?? null),
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
    pointsHeader: [t("table.points"), t("table.weight"), t("table.share"), ...candidates],
    pointsRows,
    totalRow,
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
    },
  };
}
