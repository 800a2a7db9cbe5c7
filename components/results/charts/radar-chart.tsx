"use client";
import { useFormatter } from "next-intl";
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { formatPoints } from "@/components/decisions/number-format";
import { legendText } from "./legend-text";

export interface RadarSeries {
  key: string;
  name: string;
  color: string;
  dash?: string;
}

/** Candidates' points (0–10) per criterion: the shape of each option's strengths. */
export default function ProfileRadar({
  rows,
  series,
  height,
}: {
  rows: Record<string, string | number>[];
  series: RadarSeries[];
  height: number;
}) {
  const f = useFormatter();
  return (
    <RadarChart responsive style={{ width: "100%", height }} data={rows} outerRadius="75%" accessibilityLayer={false}>
      <PolarGrid />
      <PolarAngleAxis dataKey="criterion" tick={{ fontSize: 12 }} />
      <PolarRadiusAxis domain={[0, 10]} tickCount={6} angle={90} />
      {series.map((s) => (
        <Radar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stroke={s.color}
          strokeDasharray={s.dash}
          strokeWidth={2}
          fill={s.color}
          fillOpacity={0.08}
          isAnimationActive={false}
        />
      ))}
      <Tooltip formatter={(v) => formatPoints(f, Number(v))} />
      <Legend formatter={legendText} />
    </RadarChart>
  );
}
