// One colour per candidate, keyed by the candidate's position in the decision, so every chart agrees. Okabe–Ito is
// distinguishable under the common colour-vision deficiencies; yellow comes late because it is faint on white.
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#D55E00",
  "#56B4E9",
  "#000000",
  "#F0E442",
] as const;

/** Dash patterns for lines once the eight colours repeat, so the ninth candidate is not a twin of the first. */
const DASHES = [undefined, "6 3", "2 3"] as const;

export interface SeriesStyle {
  color: string;
  dash: string | undefined;
}

export function candidateStyle(position: number): SeriesStyle {
  const i = Math.max(0, Math.floor(position));
  return { color: OKABE_ITO[i % OKABE_ITO.length], dash: DASHES[Math.floor(i / OKABE_ITO.length) % DASHES.length] };
}

export const candidateColor = (position: number) => candidateStyle(position).color;

/** Sequential blues for ranks (1 = darkest) — deliberately not candidate colours, so a rank is never read as a stack. */
export function rankColor(rank: number, of: number): string {
  const t = of <= 1 ? 0 : (rank - 1) / (of - 1);
  // Interpolate lightness from a deep blue (rank 1) to a pale blue (last rank).
  const l = Math.round(25 + t * 60);
  return `hsl(210 70% ${l}%)`;
}

/** Heatmap fill for a 0–10 skill level: white → deep blue; text turns white on the dark half. */
export function levelFill(level: number): { fill: string; text: string } {
  const t = Math.min(1, Math.max(0, level / 10));
  return { fill: `hsl(210 75% ${Math.round(97 - t * 65)}%)`, text: t > 0.55 ? "#ffffff" : "#1b1f24" };
}

/**
 * Criteria stack inside one candidate's bar, so they need their own colours (never a candidate's): hues spread
 * evenly, alternating lightness so neighbours differ even where hue alone would not.
 */
export function criterionColor(index: number, count: number): string {
  const hue = Math.round((200 + (index * 360) / Math.max(count, 1)) % 360);
  return `hsl(${hue} 45% ${index % 2 === 0 ? 42 : 62}%)`;
}
