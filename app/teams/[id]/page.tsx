import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LevelScale } from "@/components/teams/level-scale";
import { MembersPanel } from "@/components/teams/members-panel";
import { TeamRatings } from "@/components/teams/team-ratings";
import { TeamSettingsForm } from "@/components/teams/team-settings-form";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { getTeam } from "@/lib/server/teams";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const actor = await requireActor();
  const team = await getTeam(actor, (await params).id);
  return { title: team?.name ?? "" };
}

export default async function TeamPage({ params }: Props) {
  const actor = await requireActor();
  const team = await getTeam(actor, (await params).id);
  if (!team) notFound();
  const t = await getTranslations("teams");
  const canEditTeam = can(actor.role, "team.write");
  const canRate = can(actor.role, "rating.write");
  const ratingCounts: Record<string, number> = {};
  for (const r of team.ratings) ratingCounts[r.memberId] = (ratingCounts[r.memberId] ?? 0) + 1;
  // Remount the workbench when the rows or columns change (member added, skill removed), so its state starts fresh.
  const shape = `${team.members.map((m) => `${m.id}=${m.name}`).join(",")}|${team.skills.map((s) => s.id).join(",")}|${team.aggregation}`;
  return (
    <ClientMessages namespaces={["common.errors", "teams"]}>
      <article className="team-page" aria-labelledby="team-title">
        <header>
          <h1 id="team-title">{team.name}</h1>
          {team.description && <p className="lede">{team.description}</p>}
          <p className="meta">{t("vector.caption", { aggregation: t(`aggregations.${team.aggregation}`) })}</p>
        </header>
        <TeamRatings
          key={shape}
          teamId={team.id}
          teamName={team.name}
          aggregation={team.aggregation}
          members={team.members.map((m) => ({ id: m.id, name: m.name }))}
          skills={team.skills.map((s) => ({ id: s.id, name: s.name }))}
          ratings={team.ratings}
          overrides={team.overrides}
          canEdit={canRate}
        />
        <details className="level-help">
          <summary>{t("grid.scale")}</summary>
          <LevelScale title={t("skills.scaleTitle")} id="team-level-scale" />
        </details>
        <MembersPanel
          teamId={team.id}
          members={team.members}
          users={team.users}
          ratingCounts={ratingCounts}
          canEdit={canEditTeam}
        />
        {canEditTeam && (
          <section aria-labelledby="team-settings-title" className="team-settings">
            <h2 id="team-settings-title">{t("settings.title")}</h2>
            <TeamSettingsForm key={team.version} team={team} />
          </section>
        )}
      </article>
    </ClientMessages>
  );
}
