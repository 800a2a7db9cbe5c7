// Chart geometry shared by the report page (SVG in HTML) and the PDF (react-pdf Svg): both draw the same bars from
// the same numbers. Values are in data units (points 0–10, probabilities 0–1); each renderer scales them.
import { OKABE_ITO } from "@/lib/results/palette";
import type { DecisionResult } from "@/lib/scoring";
import { namesOf, type ReportBundle } from "./bundle";

export interface Segment {
  key: string;
  label: string;
  from: number;
  to: number;
  color: string;
}
export interface BarRow {
  id: string;
  label: string;
  value: number;
  /** The text printed beside the bar when the value alone would not say what it measures. */
  valueText?: string;
  segments: Segment[];
}
export interface LegendEntry {
  key: string;
  label: string;
  color: string;
}

export const criterionColor = (i: number) => OKABE_ITO[i % OKABE_ITO.length];

/** Stacked bars: one per ranked candidate, one segment per criterion contribution ŵ·s (0–10 points). */
export function contributionBars(
  b: ReportBundle,
  result: DecisionResult,
): { rows: BarRow[]; legend: LegendEntry[]; max: number } {
  const n = namesOf(b);
  const index = new Map(b.decision.criteria.map((c, i) => [c.id, i]));
  const rows = result.ranking.map((r) => {
    let x = 0;
    const segments: Segment[] = [];
    for (const c of r.contributions) {
      if (c.contribution === null || c.contribution <= 0) continue;
      segments.push({
        key: c.criterionId,
        label: n.criterion(c.criterionId),
        from: x,
        to: x + c.contribution,
        color: criterionColor(index.get(c.criterionId) ?? 0),
      });
      x += c.contribution;
    }
    return { id: r.candidateId, label: n.candidate(r.candidateId), value: r.total, segments };
  });
  const legend = b.decision.criteria.map((c, i) => ({ key: c.id, label: c.name, color: criterionColor(i) }));
  return { rows, legend, max: 10 };
}

/**
 * Rank acceptability: one bar per candidate (model order), one segment per rank, widths are probabilities. The text
 * beside a bar names the rank it reports, the candidate's most likely one ("Rank 2: 100.0 %"), never a bare P(first)
 * printed beside a bar that is all rank 2. Candidates that were not simulated (excluded, incomplete) are left out.
 */
export function acceptabilityBars(
  b: ReportBundle,
  result: DecisionResult,
  labels: { value: (rank: number, p: number) => string; rank: (rank: number) => string },
): { rows: BarRow[]; ranks: number } | null {
  const mc = result.monteCarlo;
  if (!mc) return null;
  const ranks = mc.rankAcceptability[0]?.length ?? 0;
  const rows = b.decision.candidates.flatMap((c, i) => {
    const probabilities = mc.rankAcceptability[i] ?? [];
    if (!probabilities.some((p) => p > 0)) return [];
    let x = 0;
    let modal = 0;
    const segments: Segment[] = [];
    probabilities.forEach((p, r) => {
      if (p > probabilities[modal]) modal = r;
      if (p <= 0) return;
      segments.push({
        key: String(r + 1),
        label: labels.rank(r + 1),
        from: x,
        to: x + p,
        color: rankHex(r + 1, ranks),
      });
      x += p;
    });
    const p = probabilities[modal];
    return [{ id: c.id, label: c.name, value: p, valueText: labels.value(modal + 1, p), segments }];
  });
  return { rows, ranks };
}

/** Sequential blues (rank 1 darkest), the results view's rank scale, as hex so every renderer accepts it. */
export function rankHex(rank: number, of: number): string {
  const t = of <= 1 ? 0 : (rank - 1) / (of - 1);
  return hslHex(210, 0.7, (25 + t * 60) / 100);
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * c)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** Text colour readable on a rank fill. */
export const onRank = (rank: number, of: number) =>
  (of <= 1 ? 0 : (rank - 1) / (of - 1)) < 0.5 ? "#ffffff" : "#1b1f24";
