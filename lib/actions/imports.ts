"use server";
// Import of a matrix (CSV / XLSX) or a whole decision (JSON). Two form actions, both fed the same file: preview
// (reads, writes nothing) and confirm (writes all or nothing, and refuses as "stale", with the new plan in
// `current`, when the target changed since the preview). A file that cannot be read is a successful preview that
// lists its problems; on confirm it is the failure "importRejected" with the issues in `details`.
import { z } from "zod";
import { readImportFile } from "@/lib/import/read-file";
import { rejected } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/server/actor";
import { defineFormAction } from "@/lib/server/define-action";
import { limitImports } from "@/lib/server/throttle";
import {
  applyJsonImport,
  applyMatrixImport,
  authorizeImport,
  planJsonImport,
  planMatrixImport,
  type JsonPlan,
  type MatrixPlan,
} from "@/lib/server/imports";
import type { ParsedMatrix } from "@/lib/import/matrix";
import {
  FILE_TOO_LARGE,
  IMPORT_MAX_BYTES,
  importTargetSchema,
  type ImportIssue,
  type ImportTarget,
} from "@/lib/validation/import";

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

/** The plain fields beside the file; the target is checked by importTargetSchema, as an import issue. */
const importFields = z.object({
  mode: z.string().max(20).optional(),
  decisionId: z.string().max(64).optional(),
  title: z.string().max(1000).optional(),
  fingerprint: z.string().max(200).optional(),
});
type ImportFields = z.infer<typeof importFields>;

async function fileFrom(formData: FormData): Promise<{ name: string; bytes: Uint8Array } | ImportIssue> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { key: "fileMissing" };
  if (file.size > IMPORT_MAX_BYTES) return FILE_TOO_LARGE;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function targetFrom(fields: ImportFields): ImportTarget | null {
  const parsed = importTargetSchema.safeParse(
    fields.mode === "existing"
      ? { mode: "existing", decisionId: fields.decisionId }
      : { mode: "new", title: fields.title || undefined },
  );
  return parsed.success ? parsed.data : null;
}

/** Only after the caller is known and may import is a byte of the upload read (an anonymous request parses nothing). */
async function prepare(actor: Actor, fields: ImportFields, formData: FormData) {
  authorizeImport(actor);
  // A per-person budget (shared by every instance through the database) keeps parsing work bounded.
  await limitImports(actor.userId);
  const file = await fileFrom(formData);
  if ("key" in file) return { ok: false as const, issues: [file], warnings: [] };
  const target = targetFrom(fields);
  if (!target) return { ok: false as const, issues: [{ key: "invalid" }], warnings: [] };
  const read = await readImportFile(file.name, file.bytes);
  if (!read.ok) return { ok: false as const, issues: read.issues, warnings: read.warnings };
  return { ok: true as const, read, target };
}

export const previewImportAction = defineFormAction(
  importFields,
  async (actor, fields, formData): Promise<ImportPreview> => {
    const p = await prepare(actor, fields, formData);
    if (!p.ok) return p;
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
  },
);

export const confirmImportAction = defineFormAction(
  importFields,
  async (actor, fields, formData) => {
    const p = await prepare(actor, fields, formData);
    if (!p.ok) throw rejected("importRejected", p.issues);
    return p.read.kind === "json"
      ? applyJsonImport(actor, p.read.json)
      : applyMatrixImport(actor, p.read.matrix, p.target, fields.fingerprint ?? "");
  },
  { revalidate: (_, { decisionId }) => ["/", `/decisions/${decisionId}`] },
);
