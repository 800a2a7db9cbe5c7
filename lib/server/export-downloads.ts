import "server-only";
// One decision → one download (pdf | md | csv | xlsx | json), for the export route and the API. PDF and XLSX bytes
// are the slow ones: they are rendered once per version of everything they show (lib/server/evaluation-cache.ts), in
// a worker thread (export-render.ts). Markdown and CSV render in milliseconds from the (cached) evaluation; the JSON
// file is kept in memory per version.
import type { ExportFormat } from "@/lib/export/filename";
import { jsonBody, renderBundle } from "@/lib/export/render";
import type { Locale } from "@/lib/i18n/config";
import type { Actor } from "./actor";
import { notFound } from "@/lib/errors/domain-error";
import { authorize } from "./authz";
import { cachedBytes } from "./evaluation-cache";
import { renderExport } from "./export-render";
import { memoRead } from "./read-memo";
import { exportDecisionJson, loadReportInputs, withEvaluation, type ReportInputs } from "./exports";

export interface Download {
  body: Uint8Array | string;
  title: string;
}

/**
 * What a rendered file is a function of: the bundle as this actor sees it (its evaluation follows from the decision
 * and its options, which are in it), the language and the format. generatedAt is left out: a file served from the
 * cache says when it was rendered, and everything else it shows is current.
 */
export function renderKeyParts(inputs: ReportInputs, locale: Locale) {
  const { generatedAt: _at, ...shown } = inputs;
  return { inputs: shown, locale };
}

export async function renderDownload(
  actor: Actor,
  decisionId: string,
  format: ExportFormat,
  locale: Locale,
): Promise<Download> {
  if (format === "json") {
    // The file as this actor's role and view get it, once per version of the decision's inputs (read-memo.ts): the
    // 12 × 20 × 8 benchmark's export is 400 kB of JSON from ~30 queries. Authorised here: a hit computes nothing.
    authorize(actor, "export.read");
    const download = await memoRead(actor, decisionId, {
      kind: "json",
      compute: async () => {
        const json = await exportDecisionJson(actor, decisionId);
        return { body: jsonBody(json), title: json.decision.title };
      },
      size: (d) => 2 * d.body.length,
    });
    if (!download) throw notFound("decision");
    return download;
  }
  const inputs = await loadReportInputs(actor, decisionId, "export.read");
  if (format !== "pdf" && format !== "xlsx") {
    return {
      body: await renderBundle(await withEvaluation(actor, inputs), format, locale),
      title: inputs.decision.title,
    };
  }
  const body = await cachedBytes(actor, inputs.decision.id, format, renderKeyParts(inputs, locale), async () =>
    renderExport({ bundle: await withEvaluation(actor, inputs), format, locale }),
  );
  return { body, title: inputs.decision.title };
}
