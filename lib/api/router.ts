// Path templates → operations. Literal segments win over parameters ("/decisions/{id}/facts/bulk" is not a fact id),
// so the table's order does not matter.
import type { HttpMethod, Operation } from "./operation";
import { OPERATIONS } from "./operations";

export type Match =
  | { kind: "op"; op: Operation; params: Record<string, string> }
  | { kind: "method"; allow: HttpMethod[] }
  | { kind: "none" };

function matchPath(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const s = segments[i]!;
    if (p.startsWith("{") && p.endsWith("}")) params[p.slice(1, -1)] = s;
    else if (p !== s) return null;
  }
  return params;
}

/** Literal segments count for more than parameters, so the most specific template matches. */
const specificity = (template: string) => template.split("/").filter((p) => p && !p.startsWith("{")).length;

export function matchOperation(method: string, segments: string[], ops: Operation[] = OPERATIONS): Match {
  const candidates = ops
    .map((op) => ({ op, params: matchPath(op.path, segments) }))
    .filter((c): c is { op: Operation; params: Record<string, string> } => c.params !== null)
    .sort((a, b) => specificity(b.op.path) - specificity(a.op.path));
  if (candidates.length === 0) return { kind: "none" };
  const best = specificity(candidates[0]!.op.path);
  const same = candidates.filter((c) => specificity(c.op.path) === best);
  const hit =
    same.find((c) => c.op.method === method) ??
    (method === "HEAD" ? same.find((c) => c.op.method === "GET") : undefined);
  if (hit) return { kind: "op", ...hit };
  return { kind: "method", allow: [...new Set(same.map((c) => c.op.method))] };
}
