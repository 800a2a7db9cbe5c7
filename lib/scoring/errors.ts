// Typed, localisable errors: the UI maps `code` to a message key and uses `path` to point at the offending field.
import type { ScoringError } from "./result-types";

export type Path = (string | number)[];

export function scoringError(
  code: string,
  path: Path,
  message: string,
  params?: Record<string, string | number>,
): ScoringError {
  return params ? { code, path, message, params } : { code, path, message };
}
