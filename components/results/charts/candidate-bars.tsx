"use client";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatPoints } from "@/components/decisions/number-format";

export interface CandidateBar {
  name: string;
  value: number;
  color: string;
}

/** One bar per candidate in the candidate's own colour (skill match, TOPSIS closeness). */
export default function CandidateBars({
  rows,
  height,
  max,
  label,
}: {
  rows: CandidateBar[];
  height: number;
  max: number;
  label: string;
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
      <XAxis type="number" domain={[0, max]} ticks={[0, 2, 4, 6, 8, 10].filter((x) => x <= max)} />
      <YAxis type="category" dataKey="name" width={110} interval={0} />
      <Tooltip formatter={(v) => formatPoints(f, Number(v))} />
      <Bar
        dataKey="value"
        name={label}
        isAnimationActive={false}
        shape={(p: BarShapeProps) => <Rectangle {...p} fill={(p.payload as CandidateBar).color} />}
      />
    </BarChart>
  );
}
