import { getTranslations } from "next-intl/server";
import { TeamList } from "@/components/teams/team-list";
import { TeamSettingsForm } from "@/components/teams/team-settings-form";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listTeams } from "@/lib/server/teams";

export async function generateMetadata() {
  const t = await getTranslations("teams.list");
  return { title: t("title") };
}

export default async function TeamsPage() {
  const actor = await requireActor();
  const [teams, t] = await Promise.all([listTeams(actor), getTranslations("teams.list")]);
  const canEdit = can(actor.role, "team.write");
  return (
    <section className="teams-page" aria-labelledby="teams-title">
      <h1 id="teams-title">{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <TeamList teams={teams} canEdit={canEdit} />
      {canEdit && (
        <section aria-labelledby="create-team-title" className="create-team">
          <h2 id="create-team-title">{t("create")}</h2>
          <TeamSettingsForm />
        </section>
      )}
    </section>
  );
}
