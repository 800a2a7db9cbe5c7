import { getTranslations } from "next-intl/server";
import { DecisionList } from "@/components/decisions/decision-list";
import { can } from "@/lib/server/authz";
import { requireActor } from "@/lib/server/context";
import { listDecisions, listTeamOptions } from "@/lib/server/decisions";
import { DEMO_TEMPLATES } from "@/lib/templates/demo";
import { parseListQuery } from "@/lib/validation/decision";

export async function generateMetadata() {
  const t = await getTranslations("decisions");
  return { title: t("list.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DecisionsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const params = await searchParams;
  const query = parseListQuery(params);
  const [list, teams] = await Promise.all([listDecisions(actor, query), listTeamOptions(actor)]);
  const notice = typeof params.notice === "string" ? params.notice.slice(0, 40) : undefined;
  const role = can(actor.role, "decision.write") ? "author" : can(actor.role, "team.write") ? "lead" : "viewer";
  const templates = DEMO_TEMPLATES.map((x) => ({
    key: x.key,
    title: x.title,
    criteria: x.criteria.length,
    candidates: x.candidates.length,
  }));
  return (
    <DecisionList
      decisions={list.items}
      page={list.page}
      pageCount={list.pageCount}
      total={list.total}
      teams={teams}
      query={query}
      canWrite={can(actor.role, "decision.write")}
      notice={notice}
      firstRun={{ role, templates }}
    />
  );
}
