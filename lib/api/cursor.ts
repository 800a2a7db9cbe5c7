// The API's list pagination: an opaque cursor holding the offset after the last row returned, in the list's own
// order (every list order ends on id, so pages never overlap). A page reads one row past its limit to know whether
// another page follows, without counting the whole list.
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";

export const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

export function decodeCursor(cursor: string): number | null {
  try {
    const o = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown }).o;
    return typeof o === "number" && Number.isInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}

/** The `limit` and `cursor` query parameters of a paged list. */
export const cursorParams = (defaultLimit: number) => ({
  limit: z.coerce.number().int().min(1, "limitInvalid").max(100, "limitInvalid").optional().default(defaultLimit),
  cursor: z.string().max(200).optional(),
});

/** The rows to read for a request: from the cursor's offset, one more than the limit. */
export function windowOf(query: { limit: number; cursor?: string }): { skip: number; take: number } {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  if (offset === null) throw new DomainError("invalidInput", { fieldErrors: { "query.cursor": "cursorInvalid" } });
  return { skip: offset, take: query.limit + 1 };
}

/** The response body of a page read with windowOf. */
export function pageOf<T>(rows: T[], query: { limit: number; cursor?: string }) {
  const { skip } = windowOf(query);
  return {
    data: rows.slice(0, query.limit),
    page: { nextCursor: rows.length > query.limit ? encodeCursor(skip + query.limit) : null },
  };
}
