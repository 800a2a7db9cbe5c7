"use client";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatPoints } from "@/components/decisions/number-format";
import { legendText } from "./legend-text";

export interface StackSeries {
  key: string;
  name: string;
  color: string;
}

/** Each candidate's total as a stack of its criteria's weighted points ŵ·s, so the sum is visible. */
export default function ContributionChart({
  rows,
  series,
  height,
}: {
  rows: Record<string, string | number>[];
  series: StackSeries[];
  height: number;
}) {
  const f = useFormatter();
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
      <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} />
      <YAxis type="category" dataKey="name" width={110} interval={0} />
      <Tooltip formatter={(v) => formatPoints(f, Number(v))} />
      <Legend formatter={legendText} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} stackId="total" fill={s.color} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
