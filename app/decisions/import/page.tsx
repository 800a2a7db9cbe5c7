import { getLocale } from "next-intl/server";
import { ImportForm } from "@/components/import/import-form";
import { reportTranslator } from "@/lib/export/i18n";
import type { Locale } from "@/lib/i18n/config";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listOpenDecisionOptions } from "@/lib/server/decisions";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { searchParams: Promise<{ into?: string }> };

export async function generateMetadata() {
  return { title: reportTranslator((await getLocale()) as Locale)("import.title") };
}

export default async function ImportPage({ searchParams }: Props) {
  const actor = await requireActor();
  const t = reportTranslator((await getLocale()) as Locale);
  if (!can(actor.role, "decision.write")) {
    return (
      <section>
        <h1>{t("import.title")}</h1>
        <p>{t("import.notAllowed")}</p>
      </section>
    );
  }
  // Decided and superseded decisions are read-only, so only open ones are offered as targets.
  const decisions = await listOpenDecisionOptions(actor);
  const into = (await searchParams).into;
  return (
    <ClientMessages namespaces={["report.import", "report.table"]}>
      <section className="import-page" aria-labelledby="import-title">
        <h1 id="import-title">{t("import.title")}</h1>
        <p>{t("import.lede")}</p>
        <ImportForm decisions={decisions} into={into && decisions.some((d) => d.id === into) ? into : null} />
      </section>
    </ClientMessages>
  );
}
