// Downloads of one decision: pdf | md | csv | xlsx | json, in the requester's language. Every role may export
// (export.read, checked in the data layer); a decision of another workspace is a 404 like a missing one.
import { getLocale } from "next-intl/server";
import { actorOrThrow } from "@/lib/server/context";
import { notFound } from "@/lib/errors/domain-error";
import { limitExports, tooManyRequests } from "@/lib/server/throttle";
import { withErrorResponses } from "@/lib/server/action-result";
import { renderDownload } from "@/lib/server/export-downloads";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/filename";
import { downloadResponse } from "@/lib/export/render";
import type { Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export const GET = withErrorResponses(
  async (_req: Request, ctx: { params: Promise<{ id: string; format: string }> }) => {
    const { id, format } = await ctx.params;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw notFound("format");
    const actor = await actorOrThrow();
    const limited = await tooManyRequests(() => limitExports(actor.userId));
    if (limited) return limited;
    const locale = (await getLocale()) as Locale;
    const download = await renderDownload(actor, id, format as ExportFormat, locale);
    return downloadResponse(download.body, format as ExportFormat, download.title);
  },
);
