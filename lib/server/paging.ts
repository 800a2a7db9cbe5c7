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

// A list that grows without bound (the audit trail) pages by keyset instead: the cursor names the last row seen by
// its (createdAt, id), and the next page is "rows strictly past it" — an index range read whose cost does not depend
// on how deep the page is, where an offset must walk every row before it.

/** A row's place in a list ordered by (createdAt, id), and which way from it the page reads. */
export interface Keyset {
  at: Date;
  id: string;
  /** "older": rows after this one in newest-first order; "newer": rows before it. */
  dir: "older" | "newer";
}

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify({ t: k.at.toISOString(), i: k.id, d: k.dir })).toString("base64url");
}

/** The keyset a cursor names, or null for anything that is not one (a garbled, edited or foreign cursor). */
export function decodeKeyset(cursor: unknown): Keyset | null {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > 200) return null;
  try {
    const raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    const at = typeof raw.t === "string" ? new Date(raw.t) : null;
    if (!at || Number.isNaN(at.getTime()) || at.toISOString() !== raw.t) return null;
    if (typeof raw.i !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.i)) return null;
    if (raw.d !== "older" && raw.d !== "newer") return null;
    return { at, id: raw.i, dir: raw.d };
  } catch {
    return null;
  }
}
