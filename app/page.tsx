import { getTranslations } from "next-intl/server";
import { DecisionList } from "@/components/decisions/decision-list";
import { requireActor } from "@/lib/server/context";
import { listDecisions } from "@/lib/server/decisions";

export async function generateMetadata() {
  const t = await getTranslations("decisions");
  return { title: t("list.title") };
}

export default async function DecisionsPage() {
  const actor = await requireActor();
  const decisions = await listDecisions(actor);
  return <DecisionList decisions={decisions} />;
}
