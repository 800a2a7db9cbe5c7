import { getTranslations } from "next-intl/server";
import { DecisionList } from "@/components/decisions/decision-list";
import { NoWorkspace } from "@/components/no-workspace";
import { currentActor } from "@/lib/server/context";
import { listDecisions } from "@/lib/server/decisions";

export async function generateMetadata() {
  const t = await getTranslations("decisions");
  return { title: t("list.title") };
}

export default async function DecisionsPage() {
  const actor = await currentActor();
  if (!actor) return <NoWorkspace />;
  const decisions = await listDecisions(actor);
  return <DecisionList decisions={decisions} />;
}
