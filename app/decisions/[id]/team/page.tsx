import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RequirementsEditor } from "@/components/requirements/requirements-editor";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { requireActor } from "@/lib/server/context";
import { getTeamFit } from "@/lib/server/requirements";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("teams.fit");
  return { title: t("title") };
}

export default async function DecisionTeamPage({ params }: Props) {
  const actor = await requireActor();
  const fit = await getTeamFit(actor, (await params).id);
  if (!fit) notFound();
  const t = await getTranslations("teams");
  const d = fit.decision;
  const aggregation = teamAggregationOf(d);
  return (
    <ClientMessages namespaces={["common.errors", "teams"]}>
      <section className="team-fit" aria-labelledby="team-fit-title">
        <h2 id="team-fit-title" className="visually-hidden">
          {t("fit.title")}
        </h2>
        {d.team ? (
          <p className="meta">{t("fit.team", { team: d.team.name, aggregation: t(`aggregations.${aggregation}`) })}</p>
        ) : (
          <p className="callout">
            {t.rich("fit.noTeam", {
              link: (chunks) => <Link href={`/decisions/${d.id}/setup#header-heading`}>{chunks}</Link>,
            })}
          </p>
        )}
        {!fit.editable && <p className="hint">{t("fit.readOnly")}</p>}
        <RequirementsEditor
          decisionId={d.id}
          candidates={d.candidates.map((c) => ({ id: c.id, name: c.name }))}
          skills={d.skills.map((s) => ({ id: s.id, name: s.name }))}
          requirements={fit.requirements}
          team={
            d.team
              ? { name: d.team.name, members: d.team.members, ratings: d.team.ratings, overrides: d.team.overrides }
              : null
          }
          aggregation={aggregation}
          model={toScoringModel(d)}
          editable={fit.editable}
        />
      </section>
    </ClientMessages>
  );
}
