"use client";
import { useTranslations } from "next-intl";
import { levelFill } from "@/lib/results/palette";

export interface HeatmapData {
  members: { id: string; name: string }[];
  skills: { id: string; name: string }[];
  level: (memberId: string, skillId: string) => number | null;
}

/**
 * Members × the skills the candidates need. Hand-drawn SVG (a heatmap is a grid of rectangles; Recharts has no
 * native one) so it renders on the server with no chart code at all.
 */
export function TeamHeatmap({ data }: { data: HeatmapData }) {
  const t = useTranslations("results.team");
  const cw = 84;
  const ch = 30;
  const left = 130;
  const top = 30;
  const width = left + data.skills.length * cw + 4;
  const height = top + data.members.length * ch + 4;
  return (
    <svg
      className="heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={t("heatmapTitle")}
      data-testid="team-heatmap"
    >
      {data.skills.map((s, j) => (
        <text key={s.id} x={left + j * cw + cw / 2} y={top - 10} textAnchor="middle" fontSize={12} fontWeight={600}>
          {s.name}
        </text>
      ))}
      {data.members.map((m, i) => (
        <g key={m.id}>
          <text x={left - 8} y={top + i * ch + ch / 2 + 4} textAnchor="end" fontSize={12}>
            {m.name}
          </text>
          {data.skills.map((s, j) => {
            const level = data.level(m.id, s.id);
            const { fill, text } = level === null ? { fill: "#eef1f4", text: "#57606a" } : levelFill(level);
            return (
              <g key={s.id}>
                <rect
                  className="heatmap-cell"
                  x={left + j * cw + 1}
                  y={top + i * ch + 1}
                  width={cw - 2}
                  height={ch - 2}
                  rx={3}
                  fill={fill}
                >
                  <title>{t("cellTitle", { member: m.name, skill: s.name, level: level ?? "—" })}</title>
                </rect>
                <text
                  x={left + j * cw + cw / 2}
                  y={top + i * ch + ch / 2 + 4}
                  textAnchor="middle"
                  fontSize={12}
                  fill={text}
                  pointerEvents="none"
                >
                  {level ?? "—"}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
