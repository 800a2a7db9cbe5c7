"use client";
import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatPoints } from "@/components/decisions/number-format";

export interface SpreadRow {
  label: string;
  low: number;
  span: number;
  color: string;
}

/** Each cell's evaluator range in points, drawn from its lowest to its highest score (widest first). */
export default function SpreadChart({
  rows,
  height,
  lowLabel,
  highLabel,
}: {
  rows: SpreadRow[];
  height: number;
  lowLabel: string;
  highLabel: string;
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
      <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} interval={0} />
      <Tooltip
        formatter={(v, name, item) => {
          const row = item.payload as SpreadRow;
          return name === "span"
            ? [formatPoints(f, row.low + row.span), highLabel]
            : [formatPoints(f, Number(v)), lowLabel];
        }}
      />
      {/* The invisible base bar offsets each range to its lowest score. */}
      <Bar dataKey="low" stackId="r" fill="transparent" isAnimationActive={false} />
      <Bar
        dataKey="span"
        stackId="r"
        isAnimationActive={false}
        shape={(p: BarShapeProps) => <Rectangle {...p} className="spread-bar" fill={(p.payload as SpreadRow).color} />}
      />
    </BarChart>
  );
}
