// Colour for a level, secondary to the number that is always printed: light backgrounds from warm (0) to green (10)
// keep dark text above WCAG AA contrast at every level.
export function levelColour(level: number | null | undefined): string | undefined {
  if (level === null || level === undefined || !Number.isFinite(level)) return undefined;
  const x = Math.max(0, Math.min(10, level)) / 10;
  return `hsl(${Math.round(10 + x * 120)} 70% ${Math.round(92 - x * 10)}%)`;
}
