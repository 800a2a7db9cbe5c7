"use client";
// Recharts is the heaviest dependency of the page: every chart is its own lazily loaded client-only module, so the
// first load carries tables and numbers only and the charts stream in after hydration.
import dynamic from "next/dynamic";

// The frame already reserves the chart's height, so the loading state draws nothing (no layout shift when it lands).
const loading = () => null;

export const ContributionChart = dynamic(() => import("./charts/contribution-chart"), { ssr: false, loading });
export const ProfileRadar = dynamic(() => import("./charts/radar-chart"), { ssr: false, loading });
export const CandidateBars = dynamic(() => import("./charts/candidate-bars"), { ssr: false, loading });
export const SpreadChart = dynamic(() => import("./charts/spread-chart"), { ssr: false, loading });
export const TornadoChart = dynamic(() => import("./charts/tornado-chart"), { ssr: false, loading });
export const SweepChart = dynamic(() => import("./charts/sweep-chart"), { ssr: false, loading });
export const RankChart = dynamic(() => import("./charts/rank-chart"), { ssr: false, loading });
export const ValueChart = dynamic(() => import("./charts/value-chart"), { ssr: false, loading });
