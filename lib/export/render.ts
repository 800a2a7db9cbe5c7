// One decision → one download Response. The data comes from the data layer (lib/server/exports.ts), which has
// already authorised the actor; this module only renders.
import type { Locale } from "@/lib/i18n/config";
import type { DecisionJsonFile } from "@/lib/validation/decision-json";
import type { ReportBundle } from "./bundle";
import { matrixCsv } from "./csv";
import { CONTENT_TYPES, contentDisposition, type ExportFormat } from "./filename";
import { decisionMarkdown } from "./markdown";
import { reportPdf } from "./pdf";
import { matrixXlsx } from "./xlsx";

/** One file for the render worker (lib/export/render-worker.ts): the slow formats only. */
export interface RenderJob {
  bundle: ReportBundle;
  format: "pdf" | "xlsx";
  locale: Locale;
}

export async function renderBundle(
  b: ReportBundle,
  format: Exclude<ExportFormat, "json">,
  locale: Locale,
): Promise<Uint8Array | string> {
  switch (format) {
    case "pdf":
      return new Uint8Array(await reportPdf(b, locale));
    case "md":
      return decisionMarkdown(b, locale);
    case "csv":
      return matrixCsv(b, locale);
    case "xlsx":
      return new Uint8Array(await matrixXlsx(b, locale));
  }
}

/** A slow format's file as bytes: what the render worker sends back and the evaluation cache stores. */
export async function renderJobBytes({ bundle, format, locale }: RenderJob): Promise<Uint8Array> {
  const out = await renderBundle(bundle, format, locale);
  return typeof out === "string" ? new TextEncoder().encode(out) : out;
}

export function downloadResponse(body: Uint8Array | string, format: ExportFormat, title: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(title, format),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function jsonBody(json: DecisionJsonFile): string {
  return JSON.stringify(json, null, 2) + "\n";
}
