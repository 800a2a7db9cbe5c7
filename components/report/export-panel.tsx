// Download links for every export format. Plain links (no JavaScript needed); the route handler names the file.
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
            <a href={`/api/decisions/${decisionId}/export/${format}`} download data-format={format}>
              {t(`export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
