// The report's charts as plain server-rendered SVG (no client JavaScript), drawn from the same geometry as the PDF.
import type { BarRow, LegendEntry } from "@/lib/export/chart-geometry";

const LABEL_W = 150;
const BAR_W = 420;
// Wide enough for a labelled value such as "Rank 2: 100.0 %".
const VALUE_W = 130;
const ROW_H = 26;

export function BarChart({
  title,
  desc,
  rows,
  max,
  legend,
  format,
  id,
}: {
  title: string;
  desc: string;
  rows: BarRow[];
  max: number;
  legend: LegendEntry[];
  format: (v: number) => string;
  id: string;
}) {
  const height = rows.length * ROW_H + 8;
  const width = LABEL_W + BAR_W + VALUE_W;
  return (
    <figure className="report-chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p className="report-chart-desc" id={`${id}-desc`}>
        {desc}
      </p>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        {rows.map((r, i) => {
          const y = 4 + i * ROW_H;
          return (
            <g key={r.id}>
              <text x={LABEL_W - 8} y={y + 13} textAnchor="end" fontSize="13" fill="currentColor">
                {r.label}
              </text>
              <rect x={LABEL_W} y={y} width={BAR_W} height={18} fill="#f3f4f6" />
              {r.segments.map((g) => (
                <rect
                  key={g.key}
                  x={LABEL_W + (g.from / max) * BAR_W}
                  y={y}
                  width={Math.max(0, ((g.to - g.from) / max) * BAR_W)}
                  height={18}
                  fill={g.color}
                  stroke="#fff"
                  strokeWidth={1}
                >
                  <title>{`${r.label} · ${g.label}: ${format(g.to - g.from)}`}</title>
                </rect>
              ))}
              <text x={LABEL_W + BAR_W + 8} y={y + 13} fontSize="13" fill="currentColor" data-testid={`${id}-value`}>
                {r.valueText ?? format(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="report-legend">
        {legend.map((e) => (
          <li key={e.key}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={e.color} />
            </svg>{" "}
            {e.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
