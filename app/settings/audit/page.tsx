import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/settings/audit-table";
import { listAuditEvents } from "@/lib/server/audit";
import { decodeKeyset } from "@/lib/server/paging";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { auditQuerySchema } from "@/lib/validation/audit";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.audit"))("title") };
}

type Props = { searchParams: Promise<{ cursor?: string | string[]; until?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The audit trail, newest first, paged by keyset (older / newer links) with a "show events up to a day" jump: the
 * page costs the same on the first page and a million events deep. A garbled cursor reads as the first page, the way
 * a garbled page number does on the other lists; a day that is not one is named beside its field.
 */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "audit.read")) forbidden();
  const params = await searchParams;
  const parsed = auditQuerySchema.safeParse({ cursor: first(params.cursor), until: first(params.until) });
  const untilError = parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === "until")?.message;
  const keyset = decodeKeyset(first(params.cursor));
  const until = keyset || !parsed.success ? undefined : parsed.data.until;
  const page = await listAuditEvents(actor, { keyset, until });
  const t = await getTranslations("auth.audit");
  const format = await getFormatter();
  const untilValue = first(params.until) ?? "";
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <form method="get" action="/settings/audit" className="list-filters" aria-label={t("jumpLabel")}>
        <div className="setup-field">
          <label htmlFor="audit-until">{t("until")}</label>
          <input
            id="audit-until"
            type="date"
            name="until"
            defaultValue={untilValue}
            aria-invalid={untilError ? true : undefined}
            aria-describedby={untilError ? "audit-until-error" : undefined}
          />
          {untilError ? (
            <p id="audit-until-error" className="field-error" role="alert">
              {t(`errors.${untilError as "untilInvalid"}`)}
            </p>
          ) : null}
        </div>
        <button type="submit">{t("show")}</button>
        {keyset || until || untilValue ? <Link href="/settings/audit">{t("newest")}</Link> : null}
      </form>
      <p className="hint" data-testid="audit-total">
        {page.totalCapped
          ? t("totalCapped", { count: format.number(page.total) })
          : t("total", { count: page.total, shown: format.number(page.total) })}
      </p>
      <AuditTable events={page.events} />
      {page.newer || page.older ? (
        <nav aria-label={t("pagination")} className="pagination">
          {page.newer ? (
            <Link href={`/settings/audit?cursor=${page.newer}`} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span />
          {page.older ? (
            <Link href={`/settings/audit?cursor=${page.older}`} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
