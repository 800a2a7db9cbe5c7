// The workspace's teams with their size, how their level is computed and how many decisions they own.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TeamSummary } from "@/lib/server/teams";
import { TeamSettingsForm } from "./team-settings-form";

export function TeamList({ teams, canEdit }: { teams: TeamSummary[]; canEdit: boolean }) {
  const t = useTranslations("teams");
  if (teams.length === 0) return <p className="empty-state">{t("list.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="team-list">
        <thead>
          <tr>
            <th scope="col">{t("list.name")}</th>
            <th scope="col">{t("list.members")}</th>
            <th scope="col">{t("list.aggregation")}</th>
            <th scope="col">{t("list.decisions")}</th>
            {canEdit && <th scope="col">{t("settings.title")}</th>}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">
                <Link href={`/teams/${team.id}`}>{team.name}</Link>
                {team.description ? <span className="sub"> {team.description}</span> : null}
              </th>
              <td>{team.memberCount}</td>
              <td>{t(`aggregations.${team.aggregation}`)}</td>
              <td>{team.decisionCount}</td>
              {canEdit && (
                <td>
                  <details className="row-editor">
                    <summary>{t("list.edit", { name: team.name })}</summary>
                    <TeamSettingsForm team={team} />
                  </details>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
