import { forbidden } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/settings/audit-table";
import { listAuditEvents } from "@/lib/server/audit";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.audit"))("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "audit.read")) forbidden();
  const raw = (await searchParams).page;
  const { events, page, pageCount } = await listAuditEvents(actor, Number(typeof raw === "string" ? raw : 1));
  const t = await getTranslations("auth.audit");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <AuditTable events={events} />
      <nav aria-label={t("pagination")} className="pagination">
        {page > 1 ? <Link href={`/settings/audit?page=${page - 1}`}>{t("previous")}</Link> : <span />}
        <span>{t("page", { page, count: pageCount })}</span>
        {page < pageCount ? <Link href={`/settings/audit?page=${page + 1}`}>{t("next")}</Link> : <span />}
      </nav>
    </section>
  );
}
