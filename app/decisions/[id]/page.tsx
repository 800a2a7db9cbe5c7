import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DecisionView } from "@/components/decisions/decision-view";
import { decisionSeed } from "@/lib/results/seed";
import { can } from "@/lib/server/authz";
import { currentActor, requireActor } from "@/lib/server/context";
import { getDecision, getDecisionHeader } from "@/lib/server/decisions";
import { listScenarios } from "@/lib/server/scenarios";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const actor = await currentActor();
  // The header, not the whole decision: the layout has already read it (cached), and the page reads the rest once.
  const header = actor ? await getDecisionHeader(actor, (await params).id) : null;
  const t = await getTranslations("decisions");
  return { title: header?.title ?? t("notFound") };
}

export default async function DecisionPage({ params }: Props) {
  const actor = await requireActor();
  const decision = await getDecision(actor, (await params).id);
  if (!decision) notFound();
  const scenarios = await listScenarios(actor, decision.id);
  // The figures are computed by the results view itself (server render and browser alike, same engine), so the
  // what-if sliders and the first paint can never disagree. The Monte Carlo simulation runs in a browser worker.
  return (
    <ClientMessages
      namespaces={[
        "decisions.contributions",
        "decisions.criteria",
        "decisions.errors",
        "decisions.matrix",
        "decisions.ranking",
        "decisions.skills",
        "facts.basis",
        "results",
      ]}
    >
      <DecisionView
        decision={decision}
        scenarios={scenarios}
        canWrite={can(actor.role, "decision.write")}
        seed={decisionSeed(decision.id)}
      />
    </ClientMessages>
  );
}
