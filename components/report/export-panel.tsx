// Download links for every export format. Plain links without JavaScript; with it, a slow download shows its
// progress (DownloadLink). The route handler names the file.
import { DownloadLink } from "./download-link";
import { EXPORT_FORMATS } from "@/lib/export/filename";
import type { ReportT } from "@/lib/export/i18n";

export function ExportPanel({ decisionId, t }: { decisionId: string; t: ReportT }) {
  return (
    <section className="report-panel no-print" aria-labelledby="export-title">
      <h2 id="export-title">{t("export.title")}</h2>
      <p>{t("export.lede")}</p>
      <ul className="export-links">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <DownloadLink
              href={`/api/decisions/${decisionId}/export/${format}`}
              format={format}
              label={t(`export.${format}`)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
