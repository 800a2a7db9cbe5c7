"use client";
// The value curve of one METRIC criterion with the candidates' measured values on it, redrawn as the points are typed.
import { CartesianGrid, ComposedChart, LabelList, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";

export interface CurveDot {
  name: string;
  x: number;
  points: number;
}

export default function CurveChart({
  line,
  dots,
  domain,
  ticks,
  xLabel,
  height,
}: {
  /** The curve to draw, already extended flat to the domain's ends. */
  line: { x: number; points: number }[];
  dots: CurveDot[];
  /** The axis range, from the first tick to the last. */
  domain: [number, number];
  ticks: number[];
  xLabel: string;
  height: number;
}) {
  return (
    <ComposedChart
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 20, right: 24, bottom: 25, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="x"
        domain={domain}
        ticks={ticks}
        interval={0}
        allowDuplicatedCategory={false}
        label={{ value: xLabel, position: "insideBottom", offset: -15, fontSize: 12 }}
      />
      <YAxis type="number" dataKey="points" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} interval={0} width={36} />
      <Tooltip labelFormatter={() => ""} />
      <Line
        data={line}
        dataKey="points"
        type="linear"
        stroke="#0b5cad"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        className="curve-line"
        legendType="none"
      />
      <Scatter data={dots} dataKey="points" fill="#b35900" isAnimationActive={false} className="curve-dot">
        <LabelList dataKey="name" position="top" fontSize={12} />
      </Scatter>
    </ComposedChart>
  );
}
