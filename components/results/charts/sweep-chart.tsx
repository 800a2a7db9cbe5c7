"use client";
import { useFormatter } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPoints, formatShare } from "@/components/decisions/number-format";
import { legendText } from "./legend-text";

export interface SweepSeries {
  key: string;
  name: string;
  color: string;
  dash?: string;
}

export interface SweepMark {
  at: number;
  total: number;
  label: string;
}

/** Totals of every candidate as one criterion's share runs 0 → 1; winner changes are marked exactly. */
export default function SweepChart({
  rows,
  series,
  current,
  currentLabel,
  marks,
  height,
}: {
  rows: Record<string, number>[];
  series: SweepSeries[];
  current: number;
  currentLabel: string;
  marks: SweepMark[];
  height: number;
}) {
  const f = useFormatter();
  return (
    <LineChart
      responsive
      style={{ width: "100%", height }}
      data={rows}
      margin={{ top: 20, right: 30, bottom: 5, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="t"
        domain={[0, 1]}
        ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
        tickFormatter={(v) => formatShare(f, v)}
      />
      <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} />
      <Tooltip labelFormatter={(v) => formatShare(f, Number(v))} formatter={(v) => formatPoints(f, Number(v))} />
      <Legend formatter={legendText} />
      <ReferenceLine
        x={current}
        stroke="#57606a"
        strokeDasharray="4 4"
        label={{ value: currentLabel, position: "top", fontSize: 12 }}
      />
      {marks.map((m) => (
        <ReferenceLine
          key={`l${m.at}`}
          x={m.at}
          stroke="#b42318"
          className="sweep-flip"
          label={{ value: m.label, position: "insideTopRight", fontSize: 12, fill: "#b42318" }}
        />
      ))}
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.name}
          type="linear"
          stroke={s.color}
          strokeDasharray={s.dash}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      ))}
      {marks.map((m) => (
        <ReferenceDot
          key={`d${m.at}`}
          x={m.at}
          y={m.total}
          r={5}
          fill="#b42318"
          stroke="#ffffff"
          className="sweep-flip-dot"
        />
      ))}
    </LineChart>
  );
}
