import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DecisionView } from "@/components/decisions/decision-view";
import { teamAggregationOf, toScoringModel } from "@/lib/decisions/to-scoring-model";
import { evaluateDecision } from "@/lib/scoring";
import { currentActor, requireActor } from "@/lib/server/context";
import { getDecision } from "@/lib/server/decisions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const actor = await currentActor();
  const decision = actor ? await getDecision(actor, (await params).id) : null;
  const t = await getTranslations("decisions");
  return { title: decision?.title ?? t("notFound") };
}

export default async function DecisionPage({ params }: Props) {
  const actor = await requireActor();
  const decision = await getDecision(actor, (await params).id);
  if (!decision) notFound();
  // The server renders the deterministic figures; the Monte Carlo simulation runs in the browser.
  const outcome = evaluateDecision(toScoringModel(decision), {
    teamAggregation: teamAggregationOf(decision),
    monteCarlo: { samples: 0 },
  });
  return <DecisionView decision={decision} outcome={outcome} />;
}
