"use client";
import { useFormatter } from "next-intl";
import { CartesianGrid, LabelList, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { formatPoints } from "@/components/decisions/number-format";

export interface ValueDot {
  name: string;
  cost: number;
  benefit: number;
  color: string;
  dominated: boolean;
}

/** Benefit (0–10) against cost: every ranked candidate as a dot, the Pareto frontier as a line through its members. */
export default function ValueChart({
  dots,
  frontier,
  height,
  costLabel,
  benefitLabel,
  money,
}: {
  dots: ValueDot[];
  frontier: ValueDot[];
  height: number;
  costLabel: string;
  benefitLabel: string;
  money: (v: number) => string;
}) {
  const f = useFormatter();
  // A tenth of the cost range on each side, so no dot or its label sits on the frame (one cost alone: ±10 % of it).
  const costs = dots.map((d) => d.cost);
  const [lo, hi] = [Math.min(...costs), Math.max(...costs)];
  const pad = hi > lo ? (hi - lo) / 10 : Math.max(Math.abs(hi) / 10, 1);
  const domain: [number, number] = [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 20, right: 30, bottom: 25, left: 10 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="cost"
        name={costLabel}
        domain={domain}
        tickFormatter={money}
        label={{ value: costLabel, position: "insideBottom", offset: -15, fontSize: 12 }}
      />
      <YAxis
        type="number"
        dataKey="benefit"
        name={benefitLabel}
        domain={[0, 10]}
        ticks={[0, 2, 4, 6, 8, 10]}
        label={{ value: benefitLabel, angle: -90, position: "insideLeft", fontSize: 12 }}
      />
      <ZAxis range={[90, 90]} />
      <Tooltip
        formatter={(v, name) => (name === costLabel ? money(Number(v)) : formatPoints(f, Number(v)))}
        labelFormatter={() => ""}
      />
      <Scatter
        data={frontier}
        line={{ stroke: "#1a7f37", strokeWidth: 2 }}
        shape={() => <g />}
        className="value-frontier"
        isAnimationActive={false}
        legendType="none"
      />
      {dots.map((d) => (
        <Scatter
          key={d.name}
          name={d.name}
          data={[d]}
          fill={d.dominated ? "#ffffff" : d.color}
          stroke={d.color}
          strokeWidth={2}
          className={d.dominated ? "value-dot value-dominated" : "value-dot"}
          isAnimationActive={false}
        >
          <LabelList dataKey="name" position="top" fontSize={12} />
        </Scatter>
      ))}
    </ScatterChart>
  );
}
