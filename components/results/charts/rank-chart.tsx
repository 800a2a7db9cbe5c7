"use client";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatShare } from "@/components/decisions/number-format";
import { legendText } from "./legend-text";
import { rankColor } from "@/lib/results/palette";

/** Rank acceptability: for each candidate, the share of sampled weightings that put it at rank 1, 2, … */
export default function RankChart({
  rows,
  ranks,
  rankLabel,
  height,
}: {
  rows: Record<string, string | number>[];
  ranks: number;
  rankLabel: (r: number) => string;
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
      <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v) => formatShare(f, v)} />
      <YAxis type="category" dataKey="name" width={110} interval={0} />
      <Tooltip formatter={(v) => formatShare(f, Number(v))} />
      <Legend formatter={legendText} />
      {Array.from({ length: ranks }, (_, r) => (
        <Bar
          key={r}
          dataKey={`r${r + 1}`}
          name={rankLabel(r + 1)}
          stackId="p"
          fill={rankColor(r + 1, ranks)}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
