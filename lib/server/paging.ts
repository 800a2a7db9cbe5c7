// One way to cut a growing list into numbered pages (decisions, audit, members, teams, skills): count first, clamp
// the requested page into range — a missing, garbled or too-large page number shows the nearest real page instead of
// failing — then read just that page with skip/take. Two queries whatever the list's size.

/** Rows per page of the UI's lists. */
export const PAGE_SIZE = 25;

export interface Paged<T> {
  items: T[];
  /** 1-based, always within 1..pageCount. */
  page: number;
  pageCount: number;
  total: number;
}

/** A page number from a URL or query value: anything but a positive whole number reads as 1. */
export function pageNumber(raw: unknown): number {
  const v = Array.isArray(raw) ? raw[0] : raw;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export async function paged<T>(
  requested: number,
  size: number,
  count: () => Promise<number>,
  rows: (window: { skip: number; take: number }) => Promise<T[]>,
): Promise<Paged<T>> {
  const total = await count();
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pageNumber(requested), pageCount);
  const items = total === 0 ? [] : await rows({ skip: (page - 1) * size, take: size });
  return { items, page, pageCount, total };
}
