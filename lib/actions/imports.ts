"use server";
// Import of a matrix (CSV / XLSX) or a whole decision (JSON). Two actions, both fed the same file: preview (reads,
// writes nothing) and confirm (writes all or nothing, and refuses when the target changed since the preview).
import { revalidatePath } from "next/cache";
import { readImportFile } from "@/lib/import/read-file";
import { errorResult } from "@/lib/server/action-result";
import { actorOrThrow } from "@/lib/server/context";
import { limitImports } from "@/lib/server/throttle";
import {
  applyJsonImport,
  applyMatrixImport,
  ImportRejectedError,
  ImportStaleError,
  planJsonImport,
  planMatrixImport,
  type JsonPlan,
  type MatrixPlan,
} from "@/lib/server/imports";
import type { ParsedMatrix } from "@/lib/import/matrix";
import { IMPORT_MAX_BYTES, importTargetSchema, type ImportIssue, type ImportTarget } from "@/lib/validation/import";

export type ImportPreview =
  | {
      ok: true;
      kind: "matrix";
      plan: MatrixPlan;
      matrix: Pick<ParsedMatrix, "candidates" | "criteria">;
      warnings: ImportIssue[];
    }
  | { ok: true; kind: "json"; plan: JsonPlan; warnings: ImportIssue[] }
  | { ok: false; issues: ImportIssue[]; warnings: ImportIssue[]; error?: string };

export type ImportConfirm =
  { ok: true; decisionId: string } | { ok: false; error: string; issues?: ImportIssue[]; preview?: ImportPreview };

async function fileFrom(formData: FormData): Promise<{ name: string; bytes: Uint8Array } | ImportIssue> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { key: "fileMissing" };
  if (file.size > IMPORT_MAX_BYTES) return { key: "fileTooLarge", params: { max: "2 MB" } };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function targetFrom(formData: FormData): ImportTarget | null {
  const mode = formData.get("mode");
  const parsed = importTargetSchema.safeParse(
    mode === "existing"
      ? { mode, decisionId: formData.get("decisionId") }
      : { mode: "new", title: (formData.get("title") as string | null) || undefined },
  );
  return parsed.success ? parsed.data : null;
}

async function prepare(formData: FormData) {
  const file = await fileFrom(formData);
  if ("key" in file) return { ok: false as const, issues: [file], warnings: [] };
  const target = targetFrom(formData);
  if (!target) return { ok: false as const, issues: [{ key: "invalid" }], warnings: [] };
  const read = await readImportFile(file.name, file.bytes);
  if (!read.ok) return { ok: false as const, issues: read.issues, warnings: read.warnings };
  return { ok: true as const, read, target };
}

export async function previewImportAction(_prev: unknown, formData: FormData): Promise<ImportPreview> {
  const p = await prepare(formData);
  if (!p.ok) return p;
  try {
    const actor = await actorOrThrow();
    await limitImports(actor.userId);
    if (p.read.kind === "json")
      return { ok: true, kind: "json", plan: await planJsonImport(actor, p.read.json), warnings: [] };
    const plan = await planMatrixImport(actor, p.read.matrix, p.target);
    if (plan.issues.length) return { ok: false, issues: plan.issues, warnings: p.read.warnings };
    return {
      ok: true,
      kind: "matrix",
      plan,
      matrix: { candidates: p.read.matrix.candidates, criteria: p.read.matrix.criteria },
      warnings: p.read.warnings,
    };
  } catch (e) {
    if (e instanceof ImportRejectedError) return { ok: false, issues: e.issues, warnings: [] };
    return { ok: false, issues: [], warnings: [], error: errorResult(e).error };
  }
}

export async function confirmImportAction(formData: FormData): Promise<ImportConfirm> {
  const p = await prepare(formData);
  if (!p.ok) return { ok: false, error: "invalidInput", issues: p.issues };
  try {
    const actor = await actorOrThrow();
    await limitImports(actor.userId);
    const { decisionId } =
      p.read.kind === "json"
        ? await applyJsonImport(actor, p.read.json)
        : await applyMatrixImport(actor, p.read.matrix, p.target, String(formData.get("fingerprint") ?? ""));
    revalidatePath("/");
    revalidatePath(`/decisions/${decisionId}`);
    return { ok: true, decisionId };
  } catch (e) {
    if (e instanceof ImportRejectedError) return { ok: false, error: "invalidInput", issues: e.issues };
    if (e instanceof ImportStaleError && p.read.kind === "matrix")
      return {
        ok: false,
        error: "stale",
        preview: {
          ok: true,
          kind: "matrix",
          plan: e.plan,
          matrix: { candidates: p.read.matrix.candidates, criteria: p.read.matrix.criteria },
          warnings: p.read.warnings,
        },
      };
    return { ok: false, error: errorResult(e).error };
  }
}
