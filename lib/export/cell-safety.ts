// Formula injection (CSV injection): a spreadsheet runs a cell as a formula when its text starts with = + - @, and
// some also react to a leading tab or carriage return. Every text cell we export goes through here; numbers stay
// numbers. The neutraliser is OWASP's: prefix a single quote, which spreadsheets show as plain text.
const DANGEROUS_START = /^[=+\-@\t\r]/;
// A text that already looks neutralised ("'=x") gets one more quote, so import can always strip exactly one.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;

export function isDangerousText(value: string): boolean {
  return DANGEROUS_START.test(value);
}

/** Text made inert for a spreadsheet cell. Numbers must not go through this (they are written as numbers). */
export function safeText(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

export type ExportCell = string | number | null;

/** A cell for CSV/XLSX: finite numbers unchanged, text neutralised, null and non-finite numbers empty. */
export function safeCell(value: ExportCell | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return safeText(value);
}

/**
 * Undo the neutraliser on import, so a name exported as "'=cmd" comes back as "=cmd" (the round trip keeps the
 * user's text). Only a quote followed by a dangerous character is ours; "'quoted'" stays as typed.
 */
export function unneutralise(value: string): string {
  return value[0] === "'" && NEEDS_QUOTE.test(value.slice(1)) ? value.slice(1) : value;
}
