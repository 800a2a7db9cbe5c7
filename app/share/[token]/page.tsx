// A shared report: no sign-in, read-only, exactly one decision. Invalid, revoked and expired tokens all get the
// same answer, so a visitor learns nothing about which links exist.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ReportView } from "@/components/report/report-view";
import { formatters, reportTranslator } from "@/lib/export/i18n";
import type { Locale } from "@/lib/i18n/config";
import { loadSharedReport } from "@/lib/server/share-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = reportTranslator((await getLocale()) as Locale);
  // Shared links must not be indexed or leak through the Referer header.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const locale = (await getLocale()) as Locale;
  const t = reportTranslator(locale);
  const shared = await loadSharedReport(token);
  // 404 with the explanation in ./not-found.tsx: one answer for unknown, revoked and expired links.
  if (!shared) notFound();
  return (
    <article className="decision report-shared">
      <p className="report-note no-print">{t("sharedNotice", { date: formatters(locale).date(shared.expiresAt) })}</p>
      <ReportView b={shared.bundle} locale={locale} headingLevel={1} />
    </article>
  );
}
