// The audit trail's query, shared by the page (its "show events up to" form and the older / newer links) and the API's
// GET /audit. Messages are translation keys under "auth.audit.errors" (both languages) and the API's problem codes.
import { z } from "zod";
import { isCalendarDay } from "./fact";

/** Rows per page of the audit trail in the UI; the API's default limit. */
export const AUDIT_PAGE_SIZE = 50;
/** The trail is counted up to this many events: past it the page says "10,000+" instead of scanning millions. */
export const AUDIT_COUNT_CAP = 10_000;

export const auditQuerySchema = z.object({
  /** An opaque keyset cursor from a previous page (its older or newer link). */
  cursor: z.string().max(200, "cursorInvalid").optional(),
  /** Start at the newest event on or before this UTC day (ignored when a cursor is given). */
  until: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDay(v), "untilInvalid")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  limit: z.coerce
    .number()
    .int("limitInvalid")
    .min(1, "limitInvalid")
    .max(100, "limitInvalid")
    .optional()
    .default(AUDIT_PAGE_SIZE),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
