import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewDecisionForm } from "@/components/setup/new-decision-form";
import { DEMO_TEMPLATES } from "@/lib/templates/demo";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listTeamOptions } from "@/lib/server/decisions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("setup.new");
  return { title: t("heading") };
}

type Props = { searchParams: Promise<{ template?: string | string[] }> };

export default async function NewDecisionPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "decision.write")) forbidden();
  const t = await getTranslations("setup.new");
  const teams = await listTeamOptions(actor);
  const templates = DEMO_TEMPLATES.map((x) => ({
    key: x.key,
    title: x.title,
    criteria: x.criteria.length,
    candidates: x.candidates.length,
  }));
  // ?template=<key> (the first-run page's template links) preselects that template; anything else is ignored.
  const asked = (await searchParams).template;
  const initialTemplate = templates.find((x) => x.key === asked)?.key ?? "";
  return (
    <ClientMessages namespaces={["common.errors", "setup.conflict", "setup.errors", "setup.new", "setup.save"]}>
      <section aria-labelledby="new-heading" className="setup-new">
        <h1 id="new-heading">{t("heading")}</h1>
        <p className="lede">{t("lede")}</p>
        <NewDecisionForm teams={teams} templates={templates} initialTemplate={initialTemplate} />
      </section>
    </ClientMessages>
  );
}
