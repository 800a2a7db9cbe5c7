import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { TeamList } from "@/components/teams/team-list";
import { TeamSettingsForm } from "@/components/teams/team-settings-form";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { pageNumber } from "@/lib/server/paging";
import { listTeamsPage } from "@/lib/server/teams";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("teams.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function TeamsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const page = pageNumber((await searchParams).page);
  const [teams, t] = await Promise.all([listTeamsPage(actor, page), getTranslations("teams.list")]);
  const canEdit = can(actor.role, "team.write");
  return (
    <ClientMessages namespaces={["common.errors", "teams"]}>
      <section className="teams-page" aria-labelledby="teams-title">
        <h1 id="teams-title">{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <TeamList teams={teams.items} canEdit={canEdit} />
        <Pager
          page={teams.page}
          pageCount={teams.pageCount}
          hrefFor={(p) => `/teams?page=${p}`}
          label={t("pagesLabel")}
        />
        {canEdit && (
          <section aria-labelledby="create-team-title" className="create-team">
            <h2 id="create-team-title">{t("create")}</h2>
            <TeamSettingsForm />
          </section>
        )}
      </section>
    </ClientMessages>
  );
}
