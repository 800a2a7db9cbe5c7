import Link from "next/link";
import { getLocale } from "next-intl/server";
import { ExportPanel } from "@/components/report/export-panel";
import { ReportView } from "@/components/report/report-view";
import { ShareLinksPanel } from "@/components/report/share-links-panel";
import { reportTranslator } from "@/lib/export/i18n";
import type { Locale } from "@/lib/i18n/config";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/action-result";
import { loadReportBundle } from "@/lib/server/exports";
import { listShareLinks, mayCreateShareLinks } from "@/lib/server/share-links";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  return { title: reportTranslator((await getLocale()) as Locale)("title") };
}

export default async function ReportPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const locale = (await getLocale()) as Locale;
  const t = reportTranslator(locale);
  const bundle = await orNotFoundPage(loadReportBundle(actor, id));
  const writer = can(actor.role, "decision.write");
  const sharer = await mayCreateShareLinks(actor);
  const links = sharer ? await listShareLinks(actor, id) : [];
  return (
    <ClientMessages namespaces={["report.export", "report.share"]}>
      <div className="report-page">
        <div className="report-actions no-print">
          <ExportPanel decisionId={id} t={t} />
          {sharer ? <ShareLinksPanel decisionId={id} links={links} canRevoke={writer} /> : null}
          {writer ? (
            <p className="no-print">
              <Link href={`/decisions/import?into=${id}`}>{t("import.entry")}</Link>
            </p>
          ) : null}
        </div>
        <ReportView b={bundle} locale={locale} />
      </div>
    </ClientMessages>
  );
}
