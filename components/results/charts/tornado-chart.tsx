"use client";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatShare } from "@/components/decisions/number-format";

export interface TornadoRow {
  criterion: string;
  from: number;
  stable: number;
  rest: number;
  current: number;
}

/**
 * Per criterion, the share interval in which the current winner stays first (dark), with a marker at today's share.
 * The light parts on either side are where another candidate would win.
 */
export default function TornadoChart({
  rows,
  height,
  stableLabel,
  unstableLabel,
}: {
  rows: TornadoRow[];
  height: number;
  stableLabel: string;
  unstableLabel: string;
}) {
  const f = useFormatter();
  const pct = (v: number) => formatShare(f, v);
  return (
    <BarChart
      responsive
      style={{ width: "100%", height }}
      data={rows}
      layout="vertical"
      margin={{ top: 5, right: 20, bottom: 5, left: 10 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} />
      <YAxis type="category" dataKey="criterion" width={170} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip
        formatter={(_v, name, item) => {
          const r = item.payload as TornadoRow;
          return name === "stable" ? [`${pct(r.from)} – ${pct(r.from + r.stable)}`, stableLabel] : null;
        }}
      />
      <Bar dataKey="from" stackId="s" fill="#f3d5c0" isAnimationActive={false} name="before" />
      <Bar
        dataKey="stable"
        stackId="s"
        fill="#0b5cad"
        isAnimationActive={false}
        name="stable"
        shape={(p: BarShapeProps) => {
          const r = p.payload as TornadoRow;
          const x = Number(p.x ?? 0);
          const w = Number(p.width ?? 0);
          const y = Number(p.y ?? 0);
          const h = Number(p.height ?? 0);
          const at = r.stable > 0 ? x + (w * (r.current - r.from)) / r.stable : x;
          return (
            <g>
              <Rectangle {...p} className="tornado-stable" />
              <line
                x1={at}
                x2={at}
                y1={y - 3}
                y2={y + h + 3}
                stroke="#ff9f1c"
                strokeWidth={3}
                className="tornado-current"
              />
            </g>
          );
        }}
      />
      <Bar dataKey="rest" stackId="s" fill="#f3d5c0" isAnimationActive={false} name={unstableLabel} />
    </BarChart>
  );
}
