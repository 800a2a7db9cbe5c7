import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { AuditTable } from "@/components/settings/audit-table";
import { listAuditEvents } from "@/lib/server/audit";
import { pageNumber } from "@/lib/server/paging";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.audit"))("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "audit.read")) forbidden();
  const { events, page, pageCount } = await listAuditEvents(actor, pageNumber((await searchParams).page));
  const t = await getTranslations("auth.audit");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <AuditTable events={events} />
      <Pager
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/settings/audit?page=${p}`}
        label={t("pagination")}
        previous={t("previous")}
        next={t("next")}
      />
    </section>
  );
}
